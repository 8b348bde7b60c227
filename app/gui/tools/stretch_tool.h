// Picks a run of coast segments for the Plan panel ("New task here", filters): click a segment,
// then shift-click another on the same coastline line; the run between them is selected. The
// segments are the current plan's (its segment length), so ids match its tasks. Drag pans.
#pragma once

#include "app/gui/tools/map_tool.h"

namespace tidemark::gui {

class StretchTool : public MapTool {
public:
    const char* name() const override { return "Stretch"; }
    void handle(AppState& app, const MapInput& input) override;
};

// The picked run (yellow) and the task being edited (cyan) over the map, whichever tool is active.
void draw_plan_selection(ImDrawList* list, AppState& app);

}  // namespace tidemark::gui
