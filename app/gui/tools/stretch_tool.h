// Picks a run of coast segments for the Plan panel ("New task here", filters): click a segment,
// then shift-click another on the same coastline line, and the run between them is selected; or
// drag a box, and the longest run whose segments have their middles inside it is selected. The
// segments are the current plan's (its segment length), so ids match its tasks. The middle
// button pans, as with every tool.
#pragma once

#include "app/gui/tools/map_tool.h"
#include "layers/plan/plan.h"

#include <optional>

namespace tidemark::gui {

class StretchTool : public MapTool {
public:
    const char* name() const override { return "Stretch"; }
    void handle(AppState& app, const MapInput& input) override;
    void draw_overlay(const AppState& app, ImDrawList* list) override;

private:
    // The box being dragged, in screen pixels: from where the button went down to the pointer.
    std::optional<geo::XY> box_from_, box_to_;
};

// The picked run (yellow) and the task being edited (cyan) over the map, whichever tool is active,
// with that task's planned route and actual track (draw_planned_and_actual).
void draw_plan_selection(ImDrawList* list, AppState& app);
// A task's planned route (dashed blue, waypoints dotted) beside its asset's actual track in the
// task window (solid magenta on a white halo).
void draw_planned_and_actual(ImDrawList* list, const AppState& app, const layers::plan::Task& t);

}  // namespace tidemark::gui
