#include "app/gui/panel_redraw.h"

namespace tidemark::gui {

std::vector<char> PanelRedraw::plan(const std::vector<DrawListShape>& lists, const DrawBounds& map, int buffer_age) {
    // A list that appeared, went or moved outside the map leaves pixels no list will paint over:
    // start afresh. (The map, and what is drawn over it, is painted anew every frame.)
    bool same_layout = lists.size() == previous_.size();
    for (std::size_t i = 0; same_layout && i < lists.size(); ++i)
        same_layout = lists[i].bounds == previous_[i].bounds || (lists[i].bounds.inside(map) && previous_[i].bounds.inside(map));
    unchanged_for_.resize(lists.size());
    for (std::size_t i = 0; i < lists.size(); ++i)
        unchanged_for_[i] = same_layout && lists[i].content == previous_[i].content ? unchanged_for_[i] + 1 : 0;
    previous_ = lists;

    std::vector<char> draw(lists.size(), 1);
    if (buffer_age <= 0) return draw;
    for (std::size_t i = 0; i < lists.size(); ++i) {
        if (!lists[i].bounds.overlaps(map)) {
            draw[i] = unchanged_for_[i] < buffer_age;  // changed since the frame the buffer holds
        } else if (!lists[i].bounds.inside(map)) {
            return std::vector<char>(lists.size(), 1);  // a menu or tooltip reaching over the panels
        }
    }
    // Drawing a list paints over (or, where it is translucent, blends onto) whatever overlaps it,
    // so every list overlapping a drawn one is drawn too, in order.
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t i = 0; i < lists.size(); ++i) {
            if (!draw[i] || lists[i].bounds.inside(map)) continue;
            for (std::size_t j = 0; j < lists.size(); ++j)
                if (!draw[j] && lists[j].bounds.overlaps(lists[i].bounds)) draw[j] = 1, grew = true;
        }
    }
    return draw;
}

}  // namespace tidemark::gui
