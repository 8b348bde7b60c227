#include "app/gui/panels/reports_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/layer_table.h"

#include <imgui.h>

#include <algorithm>

namespace tidemark::gui {
namespace {

bool contains_nocase(std::string hay, std::string needle) {
    auto lower = [](std::string& s) { std::transform(s.begin(), s.end(), s.begin(), ::tolower); };
    lower(hay);
    lower(needle);
    return hay.find(needle) != std::string::npos;
}

}  // namespace

void ReportsPanel::drawContent(AppState& app) {
    const layers::Layer* reports = app.workspace ? app.workspace->find_role(layers::LayerRole::Reports) : nullptr;
    if (!reports) { ImGui::TextWrapped("No reports layer: import reports (`tidemark reports import`) to see them here."); return; }
    ImGui::Checkbox("Hotspot heat layer", &app.heat_layer);
    ImGui::InputText("From (ISO time)", from_, sizeof from_);
    ImGui::InputText("To (ISO time)", to_, sizeof to_);
    ImGui::InputText("Category contains", category_, sizeof category_);
    ImGui::InputText("Grading (e.g. B2)", grading_, sizeof grading_);
    const auto from = geo::parse_iso8601(from_), to = geo::parse_iso8601(to_);
    const int time = reports->field_index("reported_at"), cat = reports->field_index("category");
    const int source = reports->field_index("source_evaluation"), assess = reports->field_index("assessment");
    const std::string category = category_, grading = grading_;
    LayerTableOptions opt;
    opt.columns = {"report_id", "reported_at", "category", "source_evaluation", "assessment", "handling", "synthetic"};
    opt.keep = [&](std::size_t row) {
        const auto& v = reports->features[row].values;
        if ((from || to) && time >= 0) {
            auto t = time_of(v[time]);
            if (!t || (from && *t < *from) || (to && *t >= *to)) return false;
        }
        if (!category.empty() && cat >= 0 && !contains_nocase(layers::to_string(v[cat]), category)) return false;
        if (!grading.empty()) {
            const std::string g = (source >= 0 ? layers::to_string(v[source]) : "") + (assess >= 0 ? layers::to_string(v[assess]) : "");
            if (!contains_nocase(g, grading)) return false;
        }
        return true;
    };
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
