// The Plan panel's task list: the current plan's tasks sorted by window start, filtered by
// agency, status and the stretch picked on the map; each row reads as two lines (agency name,
// asset, kind / window, its length, km, status) so it fits the side bar without scrolling
// sideways.
#pragma once

#include <cstdint>
#include <string>

namespace tidemark::gui {

class AppState;

class PlanTaskList {
public:
    // Draws the filters and the list; returns the id of a task clicked this frame, else 0.
    std::int64_t draw(AppState& app, std::int64_t selected, float height);

private:
    std::string agency_;       // "" any
    int status_ = -1;          // -1 any, else a TaskStatus
    bool on_selection_ = false;
};

}  // namespace tidemark::gui
