#include "app/gui/panels/forces_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/map/feature_colours.h"
#include "app/gui/panels/layer_table.h"

#include <imgui.h>

#include <algorithm>

namespace tidemark::gui {

void ForcesPanel::drawContent(AppState& app) {
    const layers::Layer* summary = app.workspace ? app.workspace->find("force_summary") : nullptr;
    if (!summary) {
        ImGui::TextWrapped("No force_summary table yet: run coverage to get each force's covered share of coast.");
        if (const layers::Layer* forces = app.workspace ? app.workspace->find_role(layers::LayerRole::Forces) : nullptr) {
            ImGui::Text("%zu force areas in layer %s:", forces->features().size(), forces->name.c_str());
            LayerTableOptions opt;
            const std::string name = forces->name;
            opt.columns = {"code", "name"};
            opt.clicked = [&app, name](std::size_t row) {
                app.select(name, static_cast<std::int64_t>(row));
                app.zoom_to_feature(name, static_cast<std::int64_t>(row));
            };
            draw_layer_table("force_areas", *forces, opt);
        }
        return;
    }
    LayerTableOptions opt;
    opt.columns = {"force_code", "force_name", "coast_km", "covered_km", "covered_pct", "longest_gap_km", "reports", "reports_in_gaps"};
    opt.height = ImGui::GetContentRegionAvail().y * 0.5f;
    draw_layer_table("force_summary", *summary, opt);
    ImGui::Text("Covered share of coast per force");
    const int name = summary->field_index("force_name"), pct = summary->field_index("covered_pct");
    if (pct < 0) return;
    ImGui::BeginChild("bars");
    for (std::size_t row : sorted_rows(*summary, pct, false)) {
        const auto& f = summary->features()[row];
        const double v = layers::to_number(f.values[pct]).value_or(0);
        const layers::Rgba c = ramp_colour(1 - std::clamp(v / 100.0, 0.0, 1.0));
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImVec4(c.r, c.g, c.b, 1));
        char overlay[160];
        std::snprintf(overlay, sizeof overlay, "%s  %.1f %%", name >= 0 ? layers::to_string(f.values[name]).c_str() : "", v);
        ImGui::ProgressBar(static_cast<float>(v / 100.0), {-1, 0}, overlay);
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

}  // namespace tidemark::gui
