#include "app/gui/panels/reports_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/layer_table.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace tidemark::gui {

namespace {

// A text field editing `value` (a std::string kept in AppState); true when it changed.
bool text_field(const char* label, std::string& value, std::size_t capacity) {
    std::vector<char> buf(capacity, '\0');
    value.copy(buf.data(), std::min(value.size(), capacity - 1));
    if (!ImGui::InputText(label, buf.data(), capacity)) return false;
    value = buf.data();
    return true;
}

}  // namespace

void ReportsPanel::drawContent(AppState& app) {
    const layers::Layer* reports = app.workspace ? app.workspace->find_role(layers::LayerRole::Reports) : nullptr;
    if (!reports) { ImGui::TextWrapped("No reports layer: import reports (`tidemark reports import`) to see them here."); return; }
    ImGui::Checkbox("Hotspot heat layer", &app.heat_layer);
    layers::ReportFilterText& typed = app.report_filter;
    text_field("From (ISO time)", typed.from, 32);
    text_field("To (ISO time)", typed.to, 32);
    text_field("Category contains", typed.category, 64);
    text_field("Grading (e.g. B2 or 2B)", typed.grading, 16);
    ImGui::Checkbox("Hide possible duplicates", &typed.hide_duplicates);
    std::vector<std::string> errors;
    const layers::ReportFilter filter = layers::parse_report_filter(typed, &errors);
    for (const std::string& e : errors) ImGui::TextColored({0.85f, 0.15f, 0.1f, 1}, "%s", e.c_str());
    if (!typed.empty()) ImGui::TextDisabled("The map's report symbols and the heat layer show the same reports.");
    LayerTableOptions opt;
    opt.columns = {"report_id", "reported_at", "category", "source_evaluation", "assessment", "handling", "possible_duplicate",
                   "synthetic"};
    opt.keep = [&](std::size_t row) { return layers::report_matches(*reports, row, filter); };
    const std::string name = reports->name;
    opt.highlighted = app.selection.layer == name ? app.selection.feature : -1;
    opt.clicked = [&app, name](std::size_t row) {
        app.select(name, static_cast<std::int64_t>(row));
        app.zoom_to_feature(name, static_cast<std::int64_t>(row));
    };
    const std::size_t shown = draw_layer_table("reports", *reports, opt);
    ImGui::Text("%zu of %zu reports match", shown, reports->features().size());
}

}  // namespace tidemark::gui
