#include "app/gui/tools/stretch_tool.h"

#include "app/gui/app_state.h"
#include "app/gui/tools/pan_tool.h"

#include <imgui.h>

namespace tidemark::gui {
namespace {
constexpr double kPickRadiusPx = 8.0;
}

void StretchTool::handle(AppState& app, const MapInput& input) {
    pan_by_drag(app, input);
    if (input.clicked)
        app.pick_segment(app.view.screen_to_world(input.mouse), kPickRadiusPx * app.view.metres_per_pixel,
                         ImGui::GetIO().KeyShift);
}

void draw_plan_selection(ImDrawList* list, AppState& app) {
    const layers::plan::Plan* p = app.plan.plan();
    if (!p || (!app.plan.selection && !app.plan.highlight)) return;
    const layers::plan::PlanCoast& coast = app.plan_coast(p->segment_m);
    auto pt = [&](geo::XY w) {
        const geo::XY s = app.view.world_to_screen(w);
        return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
    };
    // A stretch is a few hundred vertices at most: fine through ImDrawList. Drawn wide and
    // under a dark core so it reads on any coast colour.
    auto stroke = [&](layers::plan::Stretch s, ImU32 colour) {
        for (const geo::Path& line : coast.lines_of(s)) {
            for (float width : {9.0f, 5.0f}) {
                for (geo::XY v : line) list->PathLineTo(pt(v));
                list->PathStroke(width > 6 ? IM_COL32(20, 20, 20, 200) : colour, 0, width);
            }
        }
    };
    if (app.plan.highlight) stroke(*app.plan.highlight, IM_COL32(0, 220, 255, 255));
    if (app.plan.selection) stroke(*app.plan.selection, IM_COL32(255, 210, 0, 255));
}

}  // namespace tidemark::gui
