#include "app/gui/tools/measure_tool.h"

#include "app/gui/app_state.h"
#include "app/gui/tools/pan_tool.h"

#include <imgui.h>

#include <cstdio>

namespace tidemark::gui {

void MeasureTool::handle(AppState& app, const MapInput& input) {
    pan_by_drag(app, input);
    hover_ = app.view.screen_to_world(input.mouse);
    if (input.clicked) points_.push_back(hover_);
    if (input.right_clicked) points_.clear();
}

void MeasureTool::draw_overlay(const AppState& app, ImDrawList* list) {
    if (points_.empty()) return;
    auto pt = [&](geo::XY w) {
        geo::XY s = app.view.world_to_screen(w);
        return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
    };
    for (geo::XY p : points_) list->PathLineTo(pt(p));
    list->PathLineTo(pt(hover_));
    list->PathStroke(IM_COL32(20, 20, 20, 255), 0, 2.0f);
    for (geo::XY p : points_) list->AddCircleFilled(pt(p), 4, IM_COL32(255, 255, 255, 255));
    geo::Path with_hover = points_;
    with_hover.push_back(hover_);
    const double m = geo::length(with_hover);
    char text[96];
    std::snprintf(text, sizeof text, "%.2f km  /  %.2f nm", m / 1000.0, m / 1852.0);
    const ImVec2 at = pt(hover_);
    list->AddRectFilled({at.x + 10, at.y - 22}, {at.x + 14 + ImGui::CalcTextSize(text).x, at.y - 4}, IM_COL32(255, 255, 255, 220));
    list->AddText({at.x + 12, at.y - 21}, IM_COL32(0, 0, 0, 255), text);
}

}  // namespace tidemark::gui
