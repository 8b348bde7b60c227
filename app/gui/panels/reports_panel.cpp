#include "app/gui/panels/reports_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/layer_table.h"
#include "app/gui/report_filter.h"

#include <imgui.h>

#include <tuple>

namespace tidemark::gui {

void ReportsPanel::drawContent(AppState& app) {
    const layers::Layer* reports = app.workspace ? app.workspace->find_role(layers::LayerRole::Reports) : nullptr;
    if (!reports) { ImGui::TextWrapped("No reports layer: import reports (`tidemark reports import`) to see them here."); return; }
    ImGui::Checkbox("Hotspot heat layer", &app.heat_layer);
    ImGui::InputText("From (ISO time)", from_, sizeof from_);
    ImGui::InputText("To (ISO time)", to_, sizeof to_);
    ImGui::InputText("Category contains", category_, sizeof category_);
    ImGui::InputText("Grading (e.g. B2 or 2B)", grading_, sizeof grading_);
    ReportFilter filter;
    filter.from = geo::parse_iso8601(from_);
    filter.to = geo::parse_iso8601(to_);
    filter.category = category_;
    std::string grading_error;
    if (auto g = parse_grading_query(grading_, &grading_error)) filter.grading = *g;
    for (const auto& [text, parsed, what] : {std::tuple{from_, filter.from, "From"}, std::tuple{to_, filter.to, "To"}})
        if (text[0] && !parsed) ImGui::TextColored({0.85f, 0.15f, 0.1f, 1}, "%s '%s': expected an ISO 8601 time such as 2026-03-04T12:00Z", what, text);
    if (!grading_error.empty()) ImGui::TextColored({0.85f, 0.15f, 0.1f, 1}, "%s", grading_error.c_str());
    LayerTableOptions opt;
    opt.columns = {"report_id", "reported_at", "category", "source_evaluation", "assessment", "handling", "synthetic"};
    opt.keep = [&](std::size_t row) { return report_matches(*reports, row, filter); };
    const std::string name = reports->name;
    opt.highlighted = app.selection.layer == name ? app.selection.feature : -1;
    opt.clicked = [&app, name](std::size_t row) {
        app.select(name, static_cast<std::int64_t>(row));
        app.zoom_to_feature(name, static_cast<std::int64_t>(row));
    };
    const std::size_t shown = draw_layer_table("reports", *reports, opt);
    ImGui::Text("%zu of %zu reports match", shown, reports->features.size());
}

}  // namespace tidemark::gui
