#include "app/gui/map/map_view.h"

#include "app/gui/app_state.h"
#include "app/gui/grid_reference.h"
#include "app/gui/map/map_renderer.h"
#include "app/gui/map/overlays.h"
#include "app/gui/tools/measure_tool.h"
#include "app/gui/tools/pan_tool.h"
#include "app/gui/tools/select_tool.h"
#include "app/gui/tools/stretch_tool.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace tidemark::gui {

MapView::MapView() {
    tools_.push_back(std::make_unique<SelectTool>());
    tools_.push_back(std::make_unique<PanTool>());
    tools_.push_back(std::make_unique<MeasureTool>());
    tools_.push_back(std::make_unique<StretchTool>());
}

MapView::~MapView() = default;

void MapView::draw_tool_buttons() {
    for (std::size_t i = 0; i < tools_.size(); ++i)
        if (ImGui::RadioButton(tools_[i]->name(), active_ == i)) active_ = i;
}

void MapView::keyboard(AppState& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    const geo::XY centre{app.view.rect.x + app.view.rect.width / 2, app.view.rect.y + app.view.rect.height / 2};
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) app.fit_all();
    if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) app.view.zoom_at(centre, 1.5);
    if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) app.view.zoom_at(centre, 1 / 1.5);
    const double step = 80;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) app.view.pan_pixels(step, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) app.view.pan_pixels(-step, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) app.view.pan_pixels(0, step);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) app.view.pan_pixels(0, -step);
}

void MapView::update_readout(const AppState& app, geo::XY world) {
    readout_.clear();
    if (!app.workspace) return;
    const geo::Crs& crs = app.workspace->crs();
    if (readout_crs_ != crs.definition()) {
        readout_crs_ = crs.definition();
        to_wgs84_.reset();
        to_bng_.reset();
        try {
            to_wgs84_ = std::make_unique<geo::Transformer>(crs, geo::Crs::wgs84());
            to_bng_ = std::make_unique<geo::Transformer>(crs, geo::Crs::british_national_grid());
        } catch (const std::exception&) {
            // No readout rather than a broken one; the map still works.
        }
    }
    char text[160];
    if (to_wgs84_) {
        const geo::XY ll = to_wgs84_->forward(world);
        if (std::isfinite(ll.x) && std::isfinite(ll.y)) {
            std::snprintf(text, sizeof text, "%.5f %c, %.5f %c", std::fabs(ll.y), ll.y >= 0 ? 'N' : 'S',
                          std::fabs(ll.x), ll.x >= 0 ? 'E' : 'W');
            readout_ = text;
        }
    }
    if (to_bng_) {
        const std::string ref = os_grid_reference(to_bng_->forward(world));
        if (!ref.empty()) readout_ += "   OS " + ref;
    }
}

void MapView::draw(AppState& app, const MapRenderer& /*renderer: the legend moved to the layer list*/, const ScreenRect& rect) {
    app.view.rect = rect;
    if (!app.tool_request.empty()) {
        for (std::size_t i = 0; i < tools_.size(); ++i)
            if (app.tool_request == tools_[i]->name()) active_ = i;
        app.tool_request.clear();
    }
    ImGui::SetNextWindowPos({static_cast<float>(rect.x), static_cast<float>(rect.y)});
    ImGui::SetNextWindowSize({static_cast<float>(rect.width), static_cast<float>(rect.height)});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##map", nullptr, flags);
    ImGui::InvisibleButton("map_canvas", {static_cast<float>(rect.width), static_cast<float>(rect.height)},
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    ImGuiIO& io = ImGui::GetIO();
    MapInput in;
    in.mouse = {io.MousePos.x, io.MousePos.y};
    in.hovered = ImGui::IsItemHovered();
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        in.dragging = true;
        in.drag_delta = {io.MouseDelta.x, io.MouseDelta.y};
    }
    in.drag_origin = {io.MouseClickedPos[ImGuiMouseButton_Left].x, io.MouseClickedPos[ImGuiMouseButton_Left].y};
    const ImVec2 dragged = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2.0f);
    const bool released = ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    in.clicked = in.hovered && released && dragged.x == 0 && dragged.y == 0;
    in.drag_released = ImGui::IsItemDeactivated() && released && (dragged.x != 0 || dragged.y != 0);
    // The middle button pans whatever tool is active (tools that drag for themselves keep panning).
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 2.0f))
        app.view.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);
    in.right_clicked = in.hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right);
    if (in.hovered && io.MouseWheel != 0) app.view.zoom_at(in.mouse, std::pow(1.25, io.MouseWheel));
    if (!app.saving()) tools_[active_]->handle(app, in);
    else if (in.dragging) app.view.pan_pixels(in.drag_delta.x, in.drag_delta.y);  // tools may edit: only pan
    keyboard(app);
    if (in.hovered) update_readout(app, app.view.screen_to_world(in.mouse));
    else readout_.clear();

    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect({static_cast<float>(rect.x), static_cast<float>(rect.y)},
                       {static_cast<float>(rect.x + rect.width), static_cast<float>(rect.y + rect.height)});
    draw_report_heat(list, app);
    if (app.workspace) {
        std::vector<PlacedBox> placed;
        // Forces before ports: area names win over port names when they clash.
        for (layers::LayerRole role : {layers::LayerRole::Forces, layers::LayerRole::Ports}) {
            for (const layers::Layer& l : app.workspace->layers) {
                if (l.role != role) continue;
                const layers::Style s = app.style(l);
                if (!s.visible || s.label_field.empty()) continue;
                if (role == layers::LayerRole::Ports && app.view.metres_per_pixel > 600) continue;  // too crowded
                auto& cached = labels_[l.name];
                if (cached.first != app.revision(l.name)) cached = {app.revision(l.name), label_anchors(l, s.label_field)};
                draw_labels(list, app.view, cached.second,
                            role == layers::LayerRole::Forces ? IM_COL32(90, 30, 110, 255) : IM_COL32(10, 20, 80, 255), &placed);
            }
        }
    }
    draw_plan_selection(list, app);
    draw_vessels_at_time(list, app);
    tools_[active_]->draw_overlay(app, list);
    draw_scale_bar(list, app.view);
    draw_north_arrow(list, app.view);
    list->PopClipRect();
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace tidemark::gui
