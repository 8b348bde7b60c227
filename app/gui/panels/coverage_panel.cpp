#include "app/gui/panels/coverage_panel.h"

#include "app/gui/app_state.h"

#include <imgui.h>

namespace tidemark::gui {

void CoveragePanel::drawContent(AppState& app) {
    if (!app.workspace) { ImGui::TextWrapped("Open a workspace first."); return; }
    nlohmann::json& p = app.workspace->settings["coverage"];
    if (!p.is_object()) p = nlohmann::json::object();
    float segment_m = p.value("segment_length_m", 1000.0f), revisit_h = p.value("revisit_target_h", 6.0f);
    float radius_km = p.value("radius_override_km", 0.0f);
    bool los = p.value("line_of_sight", true);
    bool changed = ImGui::InputFloat("Segment length (m)", &segment_m, 100, 1000, "%.0f");
    changed |= ImGui::InputFloat("Revisit target (h)", &revisit_h, 1, 6, "%.1f");
    changed |= ImGui::InputFloat("Sensor radius override (km, 0 = fleet's)", &radius_km, 1, 5, "%.1f");
    changed |= ImGui::Checkbox("Line of sight (land blocks the sensor)", &los);
    if (changed) {
        p = {{"segment_length_m", std::max(10.0f, segment_m)}, {"revisit_target_h", std::max(0.1f, revisit_h)},
             {"radius_override_km", std::max(0.0f, radius_km)}, {"line_of_sight", los}};
    }
    ImGui::BeginDisabled();
    ImGui::Button("Run");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextWrapped("Running from the app needs the coverage engine (branch coverage), not in this build: "
                       "run `tidemark coverage` and reopen; stored results are shown below.");

    layers::Layer* segments = app.workspace->find_role(layers::LayerRole::Segments);
    if (!segments) { ImGui::TextDisabled("No stored coverage results (layer of role segments)."); return; }
    const int gap = segments->field_index("max_gap_s"), len = segments->field_index("length_m");
    double total = 0, over = 0;
    for (const auto& f : segments->features) {
        const double l = len >= 0 ? layers::to_number(f.values[len]).value_or(0) : 0;
        total += l;
        if (gap >= 0 && layers::to_number(f.values[gap]).value_or(1e300) > revisit_h * 3600.0) over += l;
    }
    ImGui::Text("%zu segments, %.1f km of coast", segments->features.size(), total / 1000);
    ImGui::Text("%.1f km (%.1f %%) not revisited within %.1f h", over / 1000, total > 0 ? 100 * over / total : 0.0, revisit_h);
    layers::Style s = app.style(*segments);
    int mode = s.colour_by == "observed_s" ? 1 : 0;
    if (ImGui::RadioButton("Colour coast by max gap", mode == 0)) { s.colour_by = "max_gap_s"; app.set_style(segments->name, s); }
    ImGui::SameLine();
    if (ImGui::RadioButton("by observed time", mode == 1)) { s.colour_by = "observed_s"; app.set_style(segments->name, s); }
    ImGui::TextDisabled("Legend: bottom right of the map (green good, red bad, grey no data).");
}

}  // namespace tidemark::gui
