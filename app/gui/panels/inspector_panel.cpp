#include "app/gui/panels/inspector_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/feature_summary.h"
#include "app/gui/last_seen_text.h"
#include "app/gui/value_text.h"

#include <imgui.h>

#include <algorithm>
#include <optional>

namespace tidemark::gui {
namespace {

// The end of the stored coverage run's window (settings "coverage".to), else the workspace's.
std::optional<geo::UnixTime> run_window_end(const layers::Workspace& ws) {
    if (ws.settings.contains("coverage") && ws.settings["coverage"].is_object() && ws.settings["coverage"].contains("to") &&
        ws.settings["coverage"]["to"].is_string())
        if (auto t = geo::parse_iso8601(ws.settings["coverage"]["to"].get<std::string>())) return t;
    return ws.window_to;
}

// A segment's sightings are a long list: their count here, the list on hover. Other values as
// people read them (value_text.h), the stored value on hover.
void value_cell(const layers::Field& field, const layers::Value& v, const ForceNames& forces) {
    const std::string text = layers::to_string(v);
    if (field.name == "sightings" && !text.empty()) {
        const std::size_t n = static_cast<std::size_t>(std::count(text.begin(), text.end(), ';')) + 1;
        ImGui::Text("%zu sighting%s (hover)", n, n == 1 ? "" : "s");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
        return;
    }
    const ValueText cell = value_text(field.name, v, forces);
    ImGui::TextWrapped("%s", cell.text.c_str());
    if (!cell.tooltip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", cell.tooltip.c_str());
}

}  // namespace

void InspectorPanel::drawContent(AppState& app) {
    const layers::Layer* l = app.workspace && !app.selection.empty() ? app.workspace->find(app.selection.layer) : nullptr;
    if (!l || app.selection.feature >= static_cast<std::int64_t>(l->features.size())) {
        ImGui::TextWrapped("Click a feature on the map (Select tool) or a row in a table to see its attributes.");
        return;
    }
    const layers::Feature& f = l->features[app.selection.feature];
    ImGui::Text("%s, feature %lld (source id %lld)", l->name.c_str(), static_cast<long long>(app.selection.feature),
                static_cast<long long>(f.fid));
    if (ImGui::Button("Zoom to feature")) app.zoom_to_feature(l->name, app.selection.feature);
    ImGui::SameLine();
    if (ImGui::Button("Clear")) { app.selection = {}; return; }
    if (l->role == layers::LayerRole::Segments && app.coverage_as_of_available()) {
        for (const std::string& line : last_seen_lines(app.coverage_history(), static_cast<std::size_t>(app.selection.feature),
                                                       app.time_t, run_window_end(*app.workspace)))
            ImGui::TextWrapped("%s", line.c_str());
    }
    if (ImGui::BeginTable("attributes", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn("field");
        ImGui::TableSetupColumn("value");
        ImGui::TableHeadersRow();
        const ForceNames forces(*app.workspace);
        for (std::size_t i = 0; i < l->fields.size() && i < f.values.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(l->fields[i].name.c_str());
            ImGui::TableSetColumnIndex(1);
            value_cell(l->fields[i], f.values[i], forces);
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("%s", geometry_summary(f.geometry).c_str());
}

}  // namespace tidemark::gui
