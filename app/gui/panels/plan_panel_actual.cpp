// The Plan panel's planned vs actual: Reconcile (`tidemark plan reconcile`, off the UI thread),
// compliance per agency and per police force, the coast watched that no task asked for, and
// taking the earned statuses into the plan. Per task, the editor shows its own outcome and the
// map its planned route beside its actual track.
#include "app/gui/app_state.h"
#include "app/gui/panels/plan_panel.h"
#include "app/gui/panels/plan_widgets.h"
#include "app/gui/plan_format.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace tidemark::gui {
namespace {

namespace plan = layers::plan;

// "Kent Police (E23000032)" -> "Kent Police": the code is in the tooltip, the column is narrow.
std::string without_code(const plan::ComplianceRow& r) {
    const std::string suffix = " (" + r.code + ")";
    if (!r.code.empty() && r.name.size() > suffix.size() && r.name.ends_with(suffix))
        return r.name.substr(0, r.name.size() - suffix.size());
    return r.name.empty() ? r.code : r.name;
}

void compliance_table(const char* id, const char* first, const std::vector<plan::ComplianceRow>& rows) {
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    if (!ImGui::BeginTable(id, 7, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                           {0, std::min(8.5f * row_h, row_h * (rows.size() + 1.5f))}))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(first, ImGuiTableColumnFlags_WidthStretch);
    for (const char* h : {"done", "partly", "missed", "not judged", "segment-h", "compliance"})
        ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize(std::string(h) == "segment-h" ? "00000 / 00000" : h).x);
    ImGui::TableHeadersRow();
    for (const plan::ComplianceRow& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(without_code(r).c_str());
        if (ImGui::IsItemHovered() && !r.code.empty()) ImGui::SetTooltip("%s", r.name.c_str());
        int column = 1;
        for (int n : {r.done, r.partly, r.missed, r.unjudged}) {
            ImGui::TableSetColumnIndex(column++);
            ImGui::Text("%d", n);
        }
        ImGui::TableSetColumnIndex(5);
        ImGui::Text("%.0f / %.0f", r.achieved_segment_h, r.planned_segment_h);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("achieved / planned segment-hours");
        ImGui::TableSetColumnIndex(6);
        if (r.done + r.partly + r.missed > 0) ImGui::Text("%.0f %%", r.compliance_pct());
        else ImGui::TextDisabled("-");
    }
    ImGui::EndTable();
}

}  // namespace

void PlanPanel::planned_vs_actual(AppState& app) {
    ReconcileJob& job = app.reconcile;
    if (job.running()) {
        ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), {-1, 0}, "reconciling with the tracks...");
    } else if (ImGui::Button("Reconcile with tracks")) {
        std::string error;
        if (!app.start_reconcile(&error)) app.reconcile_error = error;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Compares every task with the tracks in the workspace (as `tidemark plan reconcile`):\n"
                          "the share of its stretch its asset observed in its window, and the status that earns\n"
                          "(done at 90 %% or more, partly done, missed); stores layer plan_reconciliation");
    if (!app.reconcile_error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColour, "%s", app.reconcile_error.c_str());
        ImGui::PopTextWrapPos();
    }
    const plan::Reconciliation* r =
        app.plan.reconciliation && app.plan.reconciled_plan == app.plan.current ? &*app.plan.reconciliation : nullptr;
    if (!r) {
        ImGui::TextDisabled("Not reconciled in this session.");
        return;
    }
    ImGui::TextWrapped("%zu fixes; %s of coast observed in the period, %s of it asked for by no task", r->fixes,
                       km_text(r->observed_m).c_str(), km_text(r->unplanned_m).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Compliance: done / judged tasks (the Southend trial measured 98 %%). Open a task for its own "
                       "verdict and its route beside its track on the map.");
    ImGui::PopStyleColor();
    compliance_table("by_agency", "agency", r->by_agency);
    if (!r->by_force.empty()) compliance_table("by_force", "police force area", r->by_force);
    if (ImGui::Button("Take the earned statuses into the plan")) {
        earned_error_ = app.apply_earned_statuses();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Sets each judged task's status to the one it earned, where the workflow allows\n"
                          "(one edit: Edit > Undo takes it back)");
    if (!earned_error_.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(kWarningColour, "%s", earned_error_.c_str());
    }
}

}  // namespace tidemark::gui
