#include "app/gui/panels/inspector_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/feature_summary.h"

#include <imgui.h>

namespace tidemark::gui {

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
    if (ImGui::BeginTable("attributes", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn("field");
        ImGui::TableSetupColumn("value");
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < l->fields.size() && i < f.values.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(l->fields[i].name.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextWrapped("%s", layers::to_string(f.values[i]).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("%s", geometry_summary(f.geometry).c_str());
}

}  // namespace tidemark::gui
