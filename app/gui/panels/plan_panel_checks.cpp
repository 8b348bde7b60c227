// The Plan panel's map colouring, forecast and check section, and its agencies list.
#include "app/gui/app_state.h"
#include "app/gui/panels/plan_panel.h"
#include "app/gui/panels/plan_widgets.h"
#include "app/gui/plan_format.h"
#include "layers/coverage/coverage_store.h"
#include "layers/plan/plan_findings.h"
#include "layers/plan/plan_store.h"

#include <imgui.h>

#include <algorithm>

namespace tidemark::gui {
namespace {

namespace plan = layers::plan;

void check_summary(AppState& app) {
    const plan::PlanCheck& c = *app.plan.check;
    ImGui::Text("Check: %d error(s), %d warning(s)", c.errors, c.warnings);
    if (app.plan.checked_revision != app.plan.editor.revision()) {
        ImGui::SameLine();
        ImGui::TextColored(kWarningColour, "(plan changed since: check again)");
    }
    ImGui::TextDisabled("Lead agencies own %s of %s; %s below objective", km_text(c.lead_m).c_str(),
                        km_text(c.coast_m).c_str(), km_text(c.objective_unmet_m).c_str());
    // The first findings to act on (errors first); the Problems panel has them all. A finding with
    // a place on the coast is a row of plan_findings: "show" zooms to it and selects it.
    constexpr std::size_t kShown = 6;
    std::size_t shown = 0;
    ImGui::BeginChild("findings", {0, 7 * ImGui::GetTextLineHeightWithSpacing()}, true);
    ImGui::PushTextWrapPos(0);
    for (auto sev : {geo::Problem::Severity::Error, geo::Problem::Severity::Warning, geo::Problem::Severity::Info})
        for (std::size_t i = 0; i < c.problems.size(); ++i) {
            const geo::Problem& pr = c.problems[i];
            if (pr.severity != sev || shown >= kShown) continue;
            ++shown;
            ImGui::PushID(static_cast<int>(i));
            const bool located = i < c.places.size() && !c.places[i].empty();
            ImGui::BeginDisabled(!located);
            if (ImGui::SmallButton("show"))
                if (const layers::Layer* l = app.workspace->find(plan::kFindingsLayer))
                    if (const std::int64_t row = plan::finding_row(*l, i); row >= 0) {
                        app.select(plan::kFindingsLayer, row);
                        app.zoom_to_feature(plan::kFindingsLayer, row);
                    }
            ImGui::EndDisabled();
            if (located && ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom the map to where this is");
            ImGui::SameLine();
            ImGui::TextColored(sev == geo::Problem::Severity::Error ? kErrorColour : kWarningColour, "%s",
                               geo::severity_name(sev));
            ImGui::SameLine();
            ImGui::TextWrapped("%s: %s", pr.feature.c_str(), pr.reason.c_str());
            ImGui::PopID();
        }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    if (c.problems.size() > shown)
        ImGui::TextDisabled("... all %zu findings are in the Problems panel and on the map (layer %s)", c.problems.size(),
                            plan::kFindingsLayer);
}

void forecast_summary(const AppState& app) {
    const plan::Forecast& fc = *app.plan.forecast;
    ImGui::Text("Forecast: %zu routed task(s) sailed, %zu gap(s) would remain", fc.routed.size(), fc.run.gaps.gaps.size());
    if (!fc.not_forecast.empty())
        ImGui::TextDisabled("%zu task(s) not sailed (no route or no asset): %s%s", fc.not_forecast.size(),
                            fc.not_forecast.front().c_str(), fc.not_forecast.size() > 1 ? ", ..." : "");
    if (!ImGui::BeginTable("forecast_by_agency", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                           {0, std::min(150.0f, ImGui::GetTextLineHeightWithSpacing() * (fc.by_agency.size() + 1.5f))}))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("lead agency", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("coast", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000.0 km").x);
    ImGui::TableSetupColumn("objective met", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("objective met").x);
    ImGui::TableHeadersRow();
    for (const plan::ObjectiveRow& r : fc.by_agency) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        agency_swatch(app.plan.book(), r.code);
        ImGui::SameLine();
        ImGui::TextUnformatted(r.name.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(km_text(r.coast_m).c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::Text("%.1f %%", r.pct());
    }
    ImGui::EndTable();
}

}  // namespace

void PlanPanel::map_and_checks(AppState& app) {
    const CoastMode mode = app.coast_mode();
    ImGui::TextUnformatted("Colour the coast by");
    auto radio = [&](const char* label, CoastMode m, const char* layer, const char* missing) {
        ImGui::SameLine();
        const bool have = app.workspace->find(layer) != nullptr;
        ImGui::BeginDisabled(!have);
        if (ImGui::RadioButton(label, mode == m && have)) app.set_coast_mode(m);
        ImGui::EndDisabled();
        if (!have && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", missing);
    };
    radio("coverage", CoastMode::Coverage, layers::kSegmentsLayer, "No coverage run yet: run one in the Coverage panel");
    radio("lead agency", CoastMode::LeadAgency, plan::kResponsibilityLayer, "No plan tables yet");
    radio("forecast", CoastMode::Forecast, plan::kForecastSegmentsLayer, "No forecast yet: Run forecast below");

    ForecastJob& job = app.forecast;
    if (job.running()) {
        ImGui::ProgressBar(static_cast<float>(job.progress()), {-90, 0}, "forecast...");
        ImGui::SameLine();
        if (job.cancelling()) ImGui::TextDisabled("Stopping...");
        else if (ImGui::Button("Cancel")) job.cancel();
    } else {
        if (ImGui::Button("Run forecast")) {
            std::string error;
            if (!app.start_forecast(&error)) app.forecast_error = error;
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Sails the plan's routed tasks through the coverage engine over the plan period\n"
                              "(as `tidemark plan forecast`); replaces forecast_segments, forecast_gaps, forecast_force_summary");
        ImGui::SameLine();
        if (ImGui::Button("Check plan")) {
            check_error_.clear();
            app.check_current_plan(&check_error_);
        }
    }
    for (const std::string* e : {&app.forecast_error, &check_error_})
        if (!e->empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(kErrorColour, "%s", e->c_str());
            ImGui::PopTextWrapPos();
        }
    if (app.plan.forecast && app.plan.forecast_plan == app.plan.current) forecast_summary(app);
    if (app.plan.check && app.plan.checked_plan == app.plan.current) check_summary(app);
}

void PlanPanel::agencies(AppState& app) {
    const plan::Plan* p = app.plan.plan();
    const plan::PlanBook& book = app.plan.book();
    if (counted_plan_ != p->name || counted_revision_ != app.plan.editor.revision()) {
        lead_m_.clear();
        const plan::PlanCoast& coast = app.plan_coast(p->segment_m);
        for (std::size_t i = 0; i < p->lead.size() && i < coast.segments.size(); ++i)
            lead_m_[p->lead[i]] += coast.segments[i].length_m;
        counted_plan_ = p->name;
        counted_revision_ = app.plan.editor.revision();
    }
    const float h = std::min(200.0f, ImGui::GetTextLineHeightWithSpacing() * (book.agencies.size() + 1.5f));
    if (!ImGui::BeginTable("agencies", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY, {0, h}))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("agency", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("kind", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("border force").x);
    ImGui::TableSetupColumn("leads", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000.0 km").x);
    ImGui::TableHeadersRow();
    for (const plan::Agency& a : book.agencies) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        agency_swatch(book, a.code);
        ImGui::SameLine();
        ImGui::TextUnformatted(plan::agency_label(book, a.code).c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(words(plan::kind_name(a.kind)).c_str());
        ImGui::TableSetColumnIndex(2);
        const auto it = lead_m_.find(a.code);
        if (it != lead_m_.end()) ImGui::TextUnformatted(km_text(it->second).c_str());
        else ImGui::TextDisabled("-");
    }
    ImGui::EndTable();
    if (const auto none = lead_m_.find(""); none != lead_m_.end() && none->second > 0)
        ImGui::TextColored(kErrorColour, "%s of coast has no lead agency", km_text(none->second).c_str());
}

}  // namespace tidemark::gui
