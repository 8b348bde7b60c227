// Which of ImGui's draw lists a frame draws again. On llvmpipe (OpenGL on the CPU) redrawing
// the panels costs about 20 ms of CPU a frame at 1920x1080 — more than the map — although while
// a user pans they do not change. The map is copied into the window every frame, so whatever
// ImGui draws over it is drawn every frame; a panel's draw list is drawn again only when it, or
// a list overlapping it, changed since the frame the back buffer still holds (its "age": 1 for
// the single, kept back buffer of Mesa's software rasteriser, GLX_EXT_buffer_age elsewhere, 0
// when unknown — then everything is drawn, as before). Pure: tested without a display.
#pragma once

#include <cstdint>
#include <vector>

namespace tidemark::gui {

struct DrawBounds {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // ImGui's display coordinates, x1/y1 exclusive
    bool overlaps(const DrawBounds& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(const DrawBounds& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
    bool operator==(const DrawBounds& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

// One draw list as the frame holds it: a hash of everything it draws and where it draws.
struct DrawListShape {
    std::uint64_t content = 0;
    DrawBounds bounds;
};

class PanelRedraw {
public:
    // For each list (bottom first), whether this frame draws it. `map` is the part of the window
    // the map is copied into this frame; `buffer_age` as above.
    std::vector<char> plan(const std::vector<DrawListShape>& lists, const DrawBounds& map, int buffer_age);

private:
    std::vector<DrawListShape> previous_;
    std::vector<int> unchanged_for_;  // frames each list has looked the same
};

}  // namespace tidemark::gui
