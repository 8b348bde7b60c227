#include "app/gui/tools/select_tool.h"

#include "app/gui/app_state.h"
#include "app/gui/tools/pan_tool.h"

#include <imgui.h>

namespace tidemark::gui {

namespace {
constexpr double kPickRadiusPx = 6.0;
}

void SelectTool::handle(AppState& app, const MapInput& input) {
    pan_by_drag(app, input);
    if (input.clicked) app.select_at(app.view.screen_to_world(input.mouse), kPickRadiusPx * app.view.metres_per_pixel);
}

void SelectTool::draw_overlay(const AppState& app, ImDrawList* list) {
    if (app.selection.empty() || !app.workspace) return;
    const layers::Layer* l = app.workspace->find(app.selection.layer);
    if (!l || app.selection.feature >= static_cast<std::int64_t>(l->features().size())) return;
    const geo::Geometry& g = l->features()[app.selection.feature].geometry;
    const ImU32 colour = IM_COL32(255, 200, 0, 255);
    auto pt = [&](geo::XY w) {
        geo::XY s = app.view.world_to_screen(w);
        return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
    };
    // One highlighted feature: a few thousand vertices at most, fine through ImDrawList.
    auto path = [&](const geo::Path& p) {
        const std::size_t step = p.size() > 4000 ? p.size() / 4000 : 1;
        for (std::size_t i = 0; i < p.size(); i += step) list->PathLineTo(pt(p[i]));
        list->PathStroke(colour, 0, 3.0f);
    };
    for (const auto& poly : g.polygons) path(poly.outer);
    for (const auto& line : g.lines) path(line);
    for (geo::XY p : g.points) list->AddCircle(pt(p), 9.0f, colour, 0, 3.0f);
}

}  // namespace tidemark::gui
