#include "app/gui/tools/stretch_tool.h"

#include "app/gui/app_state.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace tidemark::gui {
namespace {
constexpr double kPickRadiusPx = 8.0;
}

void StretchTool::handle(AppState& app, const MapInput& input) {
    if (input.dragging) {
        box_from_ = input.drag_origin;
        box_to_ = input.mouse;
    }
    if (input.drag_released && box_from_) {
        geo::Box world;
        world.expand(app.view.screen_to_world(*box_from_));
        world.expand(app.view.screen_to_world(input.mouse));
        app.pick_box(world);
        box_from_.reset();
        box_to_.reset();
    }
    if (input.clicked)
        app.pick_segment(app.view.screen_to_world(input.mouse), kPickRadiusPx * app.view.metres_per_pixel,
                         ImGui::GetIO().KeyShift);
}

void StretchTool::draw_overlay(const AppState&, ImDrawList* list) {
    if (!box_from_ || !box_to_) return;
    const ImVec2 a(static_cast<float>(box_from_->x), static_cast<float>(box_from_->y));
    const ImVec2 b(static_cast<float>(box_to_->x), static_cast<float>(box_to_->y));
    list->AddRectFilled(ImVec2(std::min(a.x, b.x), std::min(a.y, b.y)), ImVec2(std::max(a.x, b.x), std::max(a.y, b.y)),
                        IM_COL32(255, 210, 0, 40));
    list->AddRect(ImVec2(std::min(a.x, b.x), std::min(a.y, b.y)), ImVec2(std::max(a.x, b.x), std::max(a.y, b.y)),
                  IM_COL32(255, 210, 0, 255), 0, 0, 2);
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
    if (const layers::plan::Task* t = app.plan.highlight_task ? app.plan.book().find_task(app.plan.highlight_task) : nullptr)
        draw_planned_and_actual(list, app, *t);
}

void draw_planned_and_actual(ImDrawList* list, const AppState& app, const layers::plan::Task& t) {
    auto pt = [&](geo::XY w) {
        const geo::XY s = app.view.world_to_screen(w);
        return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
    };
    // Actual: the asset's fixes in the task window, solid (thinned to about 2000 vertices).
    if (!t.asset.empty()) {
        const std::vector<TimedPoint> fixes = app.timeline.fixes_between(t.asset, t.from, t.to);
        const std::size_t step = std::max<std::size_t>(1, fixes.size() / 2000);
        for (ImU32 colour : {IM_COL32(255, 255, 255, 220), IM_COL32(200, 40, 140, 255)}) {
            for (std::size_t i = 0; i < fixes.size(); i += step) list->PathLineTo(pt(fixes[i].p));
            if (!fixes.empty()) list->PathLineTo(pt(fixes.back().p));
            list->PathStroke(colour, 0, colour == IM_COL32(255, 255, 255, 220) ? 5.0f : 2.5f);
        }
    }
    // Planned: the route, dashed every 10 px, with its waypoints.
    for (std::size_t i = 1; i < t.route.size(); ++i) {
        const ImVec2 a = pt(t.route[i - 1].p), b = pt(t.route[i].p);
        const float len = std::hypot(b.x - a.x, b.y - a.y);
        for (float d = 0; d < len; d += 10) {
            const float e = std::min(len, d + 6);
            const ImVec2 p0(a.x + (b.x - a.x) * d / len, a.y + (b.y - a.y) * d / len);
            const ImVec2 p1(a.x + (b.x - a.x) * e / len, a.y + (b.y - a.y) * e / len);
            list->AddLine(p0, p1, IM_COL32(20, 50, 190, 255), 3.0f);
        }
    }
    for (const auto& w : t.route) list->AddCircleFilled(pt(w.p), 4, IM_COL32(20, 50, 190, 255));
}

}  // namespace tidemark::gui
