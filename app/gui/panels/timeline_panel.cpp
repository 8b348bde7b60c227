#include "app/gui/panels/timeline_panel.h"

#include "app/gui/app_state.h"

#include <imgui.h>

namespace tidemark::gui {

void TimelinePanel::draw_window(AppState& app, float x, float y, float width, float height) {
    ImGui::SetNextWindowPos({x, y});
    ImGui::SetNextWindowSize({width, height});
    ImGui::Begin("Timeline", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                          ImGuiWindowFlags_NoScrollbar);
    drawContent(app);
    ImGui::End();
}

void TimelinePanel::drawContent(AppState& app) {
    const double from = app.window_from(), to = app.window_to();
    if (!(to > from)) {
        ImGui::TextDisabled("No time window: add tracks or reports (or set the workspace window) to use the timeline.");
        return;
    }
    if (ImGui::Button(app.playing ? "Pause" : "Play")) app.playing = !app.playing;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    float speed_min = static_cast<float>(app.speed / 60.0);
    if (ImGui::SliderFloat("min/s", &speed_min, 0.5f, 240.0f, "%.1f", ImGuiSliderFlags_Logarithmic)) app.speed = speed_min * 60.0;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(100);
    float tail_h = static_cast<float>(app.tail_s / 3600.0);
    if (ImGui::SliderFloat("tail h", &tail_h, 0.25f, 24.0f, "%.2f")) app.tail_s = tail_h * 3600.0;
    ImGui::SameLine();
    ImGui::Text("Timeline   T = %s", geo::format_iso8601(app.time_t).c_str());
    ImGui::SetNextItemWidth(-1);
    const std::string label = geo::format_iso8601(from) + "  ..  " + geo::format_iso8601(to);
    ImGui::SliderScalar("##T", ImGuiDataType_Double, &app.time_t, &from, &to, label.c_str());
}

}  // namespace tidemark::gui
