#include "app/gui/panels/coverage_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/coverage_as_of_toggle.h"
#include "layers/style/style_classes.h"

#include <algorithm>
#include <imgui.h>

namespace tidemark::gui {

CoveragePanel::CoveragePanel() : Panel("Coverage") {}

void CoveragePanel::run_controls(AppState& app, const CoverageParams& params) {
    CoverageJob& job = app.coverage;
    if (job.running()) {
        ImGui::ProgressBar(static_cast<float>(job.progress()), {-90, 0});
        ImGui::SameLine();
        if (job.cancelling()) ImGui::TextDisabled("Stopping...");
        else if (ImGui::Button("Cancel")) job.cancel();
        return;
    }
    if (ImGui::Button("Run")) {
        error_.clear();
        app.coverage_error.clear();
        CoverageParams p = params;
        p.skip_damaged = skip_damaged_;
        if (from_[0]) {
            p.from = geo::parse_iso8601(from_);
            if (!p.from) error_ = std::string("From ") + from_ + ": expected an ISO 8601 time such as 2026-03-01T00:00Z";
        }
        if (to_[0]) {
            p.to = geo::parse_iso8601(to_);
            if (!p.to) error_ = std::string("To ") + to_ + ": expected an ISO 8601 time such as 2026-03-08T00:00Z";
        }
        if (error_.empty() && job.start(*app.workspace, p, &error_)) app.status = "Coverage running...";
    }
    ImGui::SameLine();
    ImGui::TextDisabled("replaces segments, gaps, force_summary");
    if (job.refused_for_damage() || skip_damaged_)
        ImGui::Checkbox("Leave out damaged rows (they stay in the file)", &skip_damaged_);
}

void CoveragePanel::drawContent(AppState& app) {
    if (!app.workspace) { ImGui::TextWrapped("Open a workspace first."); return; }
    // The form follows the stored run until the user edits it (and again after each new run).
    const std::string stored = app.workspace->settings.contains("coverage") ? app.workspace->settings["coverage"].dump() : "";
    if (stored != form_source_ || form_source_.empty()) {
        form_ = stored_coverage_params(app.workspace->settings);
        form_source_ = stored.empty() ? "{}" : stored;
    }
    float segment_m = static_cast<float>(form_.segment_m), revisit_h = static_cast<float>(form_.revisit_h);
    float radius_km = static_cast<float>(form_.radius_km);
    bool los = form_.line_of_sight;
    const bool idle = !app.coverage.running();
    if (!idle) ImGui::BeginDisabled();
    ImGui::InputFloat("Segment length (m)", &segment_m, 100, 1000, "%.0f");
    ImGui::InputFloat("Revisit target (h)", &revisit_h, 1, 6, "%.1f");
    ImGui::InputFloat("Sensor radius override (km, 0 = fleet's)", &radius_km, 1, 5, "%.1f");
    ImGui::Checkbox("Line of sight (land blocks the sensor)", &los);
    const std::string window_hint = geo::format_iso8601(app.window_from()), window_to_hint = geo::format_iso8601(app.window_to());
    ImGui::InputTextWithHint("From (ISO time)", window_hint.c_str(), from_, sizeof from_);
    ImGui::InputTextWithHint("To (ISO time)", window_to_hint.c_str(), to_, sizeof to_);
    if (!idle) ImGui::EndDisabled();
    form_.segment_m = std::clamp(segment_m, 100.0f, 10000.0f);
    form_.revisit_h = std::max(0.1f, revisit_h);
    form_.radius_km = std::max(0.0f, radius_km);
    form_.line_of_sight = los;
    const CoverageParams& params = form_;
    run_controls(app, params);
    for (const std::string* e : {&error_, &app.coverage_error})
        if (!e->empty()) ImGui::TextColored({0.85f, 0.15f, 0.1f, 1}, "%s", e->c_str());

    layers::Layer* segments = app.workspace->find_role(layers::LayerRole::Segments);
    if (!segments) { ImGui::TextDisabled("No stored coverage results (layer of role segments)."); return; }
    const int gap = segments->field_index("max_gap_s"), len = segments->field_index("length_m");
    double total = 0, over = 0;
    for (const auto& f : segments->features()) {
        const double l = len >= 0 ? layers::to_number(f.values[len]).value_or(0) : 0;
        total += l;
        if (gap >= 0 && layers::to_number(f.values[gap]).value_or(1e300) > layers::revisit_target_s(app.workspace->settings)) over += l;
    }
    // The stored results are described by the run that made them, not by the form above.
    const double stored_revisit_h = layers::revisit_target_s(app.workspace->settings) / 3600.0;
    ImGui::Text("%zu segments, %.1f km of coast", segments->features().size(), total / 1000);
    ImGui::Text("%.1f km (%.1f %%) not revisited within %.1f h (the stored run's target)", over / 1000,
                total > 0 ? 100 * over / total : 0.0, stored_revisit_h);
    // One meaning for coast colours, on the map and in exports: the longest gap against the
    // target (the "observed time" ramp the panel offered was classed as if it were a gap).
    layers::Style s = app.style(*segments);
    if (s.colour_by != "max_gap_s" && ImGui::Button("Colour the coast by longest gap against the target")) {
        s.colour_by = "max_gap_s";
        app.set_style(segments->name, s);
    }
    coverage_as_of_toggle(app);
    ImGui::TextDisabled("Legend: in the Layers panel, beside the segments layer (classes against the revisit target).");
}

}  // namespace tidemark::gui
