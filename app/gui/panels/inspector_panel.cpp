#include "app/gui/panels/inspector_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/feature_summary.h"
#include "app/gui/last_seen_text.h"
#include "app/gui/row_history_view.h"
#include "app/gui/value_text.h"
#include "layers/store_location.h"

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
    if (field.name == "route" && text.size() > 2 && text.front() == '[') {  // a planned route's waypoints (JSON)
        const std::size_t n = static_cast<std::size_t>(std::count(text.begin(), text.end(), ']')) - 1;
        ImGui::Text("%zu waypoint%s (hover)", n, n == 1 ? "" : "s");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
        return;
    }
    const ValueText cell = value_text(field.name, v, forces);
    ImGui::TextWrapped("%s", cell.text.c_str());
    if (!cell.tooltip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", cell.tooltip.c_str());
}

void attributes_table(const layers::Layer& l, const layers::Feature& f, const ForceNames& forces) {
    if (ImGui::BeginTable("attributes", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn("field");
        ImGui::TableSetupColumn("value");
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < l.fields.size() && i < f.values.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(l.fields[i].name.c_str());
            ImGui::TableSetColumnIndex(1);
            value_cell(l.fields[i], f.values[i], forces);
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("%s", geometry_summary(f.geometry).c_str());
}

// The row's recorded changes, newest first, read when the tab is first shown for the row.
void history_tab(AppState& app, const layers::Layer& l, const layers::Feature& f, const ForceNames& forces) {
    RowHistoryView& history = app.row_history;
    history.request(app.workspace->path(), l.name, f.fid);
    history.poll();
    if (ImGui::SmallButton("Refresh")) history.request(app.workspace->path(), l.name, f.fid, /*refresh=*/true);
    if (history.loading()) {
        ImGui::TextDisabled("Reading the history from the server...");
        return;
    }
    if (!history.error().empty()) {
        ImGui::TextWrapped("History not read: %s", history.error().c_str());
        return;
    }
    if (history.changes().empty()) {
        ImGui::TextWrapped("No change of this row is recorded since the workspace was pushed (the server records "
                           "changes of plan, report, track and coverage rows; you see those of rows shared with you).");
        return;
    }
    const std::vector<HistoryEntry> entries = history_entries(history.changes(), forces);
    for (auto e = entries.rbegin(); e != entries.rend(); ++e) {
        ImGui::TextWrapped("%s", e->heading.c_str());
        ImGui::Indent();
        ImGui::PushID(static_cast<int>(e - entries.rbegin()));
        // A whole row's values (first seen) fold away; a change's few fields are shown.
        const bool open = !e->values_only || ImGui::TreeNode("values", "its values then (%zu)", e->fields.size());
        if (open)
            for (const std::string& line : e->fields) ImGui::TextWrapped("%s", line.c_str());
        if (open && e->values_only) ImGui::TreePop();
        ImGui::PopID();
        ImGui::Unindent();
    }
}

}  // namespace

void InspectorPanel::drawContent(AppState& app) {
    const layers::Layer* l = app.workspace && !app.selection.empty() ? app.workspace->find(app.selection.layer) : nullptr;
    if (!l || app.selection.feature >= static_cast<std::int64_t>(l->features().size())) {
        ImGui::TextWrapped("Click a feature on the map (Select tool) or a row in a table to see its attributes.");
        return;
    }
    const layers::Feature& f = l->features()[app.selection.feature];
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
    const ForceNames forces(*app.workspace);
    // A team workspace's rows have a history: a second tab.
    if (!layers::is_server_location(app.workspace->path()) || f.fid <= 0) {
        attributes_table(*l, f, forces);
        return;
    }
    if (!ImGui::BeginTabBar("inspector")) return;
    if (ImGui::BeginTabItem("Attributes")) {
        attributes_table(*l, f, forces);
        ImGui::EndTabItem();
    }
    const ImGuiTabItemFlags history_flags = app.show_history ? ImGuiTabItemFlags_SetSelected : 0;
    app.show_history = false;
    if (ImGui::BeginTabItem("History", nullptr, history_flags)) {
        history_tab(app, *l, f, forces);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace tidemark::gui
