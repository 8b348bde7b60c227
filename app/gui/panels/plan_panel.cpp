#include "app/gui/panels/plan_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/plan_widgets.h"
#include "app/gui/plan_format.h"
#include "geo/duration.h"

#include <imgui.h>

namespace tidemark::gui {
namespace {
namespace plan = layers::plan;
}

void PlanPanel::plan_header(AppState& app) {
    const plan::PlanBook& book = app.plan.book();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 110);
    if (ImGui::BeginCombo("##plan", app.plan.current.empty() ? "(no plan)" : app.plan.current.c_str())) {
        for (const plan::Plan& p : book.plans)
            if (ImGui::Selectable(p.name.c_str(), p.name == app.plan.current)) {
                app.set_current_plan(p.name);
                editor_.close();
            }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("New plan...")) new_form_.open(app);
    if (new_form_.is_open()) {
        new_form_.draw(app);
        ImGui::Separator();
    }
    const plan::Plan* p = app.plan.plan();
    if (!p) return;
    ImGui::TextWrapped("%s", period_text(p->from, p->to).c_str());
    const plan::PlanCoast& coast = app.plan_coast(p->segment_m);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Revisit target %s; %s of coast in %u segments of %.0f m; %zu task(s)",
                       revisit_text(p->revisit_s).c_str(), km_text(coast.length_m()).c_str(), p->segment_count,
                       p->segment_m, book.tasks_of(p->name).size());
    ImGui::PopStyleColor();
    if (coast.segments.size() != p->segment_count)
        ImGui::TextColored(kErrorColour, "The coastline now cuts into %zu segments, not %u: the plan's stretches no longer "
                           "match it (restore the coastline it was made on)", coast.segments.size(), p->segment_count);
}

void PlanPanel::picked_stretch(AppState& app) {
    const plan::Plan* p = app.plan.plan();
    const plan::PlanBook& book = app.plan.book();
    if (!app.plan.selection) {
        ImGui::TextWrapped("Pick a stretch: with the Stretch tool click a segment on the coast, then shift-click another "
                           "on the same line; or drag a box over the coast (the middle button pans).");
        if (ImGui::Button("Use the Stretch tool")) app.tool_request = "Stretch";
        return;
    }
    const plan::Stretch s = *app.plan.selection;
    const plan::PlanCoast& coast = app.plan_coast(p->segment_m);
    const std::string lead = s.from < p->lead.size() ? p->lead[s.from] : std::string();
    agency_swatch(book, lead);
    ImGui::SameLine();
    ImGui::TextWrapped("Segments %s, %s; lead at its start: %s", plan::format_stretch(s).c_str(),
                       km_text(coast.length_of(s)).c_str(), plan::agency_label(book, lead).c_str());
    if (ImGui::Button("New task here")) editor_.start_new(*p, s, lead.empty() ? plan::kBorderForceCode : lead);
    ImGui::SameLine();
    if (ImGui::Button("Clear")) app.plan.selection.reset(), app.plan.pick_anchor.reset();
    // Repainting responsibility: the planner gives the stretch to another lead agency.
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 150);
    agency_combo("##lead", book, &assign_lead_);
    ImGui::SameLine();
    ImGui::BeginDisabled(assign_lead_.empty());
    if (ImGui::Button("Make it lead here")) {
        plan::Assignment a;
        a.stretches = {s};
        a.lead = assign_lead_;
        const plan::EditContext ctx = app.plan_context(p->segment_m);
        const std::string name = p->name;
        assign_error_ = app.apply_plan_edit("Lead " + assign_lead_ + " on segments " + plan::format_stretch(s),
                                            [&](plan::PlanBook& b) { return plan::assign(b, ctx, name, a); });
    }
    ImGui::EndDisabled();
    if (!assign_error_.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColour, "Not assigned: %s", assign_error_.c_str());
        ImGui::PopTextWrapPos();
    }
}

void PlanPanel::drawContent(AppState& app) {
    if (!app.workspace) { ImGui::TextWrapped("Open a workspace first."); return; }
    plan_header(app);
    const plan::Plan* p = app.plan.plan();
    if (!p) {
        app.plan.highlight.reset();
        app.plan.highlight_task = 0;
        if (!new_form_.is_open())
            ImGui::TextWrapped("This workspace has no plan yet. New plan makes one for a period: each coastal police "
                               "force leads the coast in its area and Border Force supports everywhere; then assign "
                               "stretches and add tasks.");
        return;
    }
    if (ImGui::CollapsingHeader("Map, forecast and checks", ImGuiTreeNodeFlags_DefaultOpen)) map_and_checks(app);
    if (ImGui::CollapsingHeader("Agencies")) agencies(app);
    if (ImGui::CollapsingHeader("Stretch and tasks", ImGuiTreeNodeFlags_DefaultOpen)) {
        picked_stretch(app);
        ImGui::Separator();
        // The form goes above the list: it is what the planner works on once a task is open,
        // and the panel scrolls to it when it opens.
        if (editor_.open()) {
            if (editor_was_open_ != editor_.task_id() + 1) ImGui::SetScrollHereY(0.0f);
            editor_was_open_ = editor_.task_id() + 1;
            editor_.draw(app);
            ImGui::Separator();
        } else {
            editor_was_open_ = 0;
        }
        const float list_h = editor_.open() ? 230.0f : 380.0f;
        if (const std::int64_t id = list_.draw(app, editor_.task_id(), list_h))
            if (const plan::Task* t = app.plan.book().find_task(id)) editor_.load(*t);
    }
    if (ImGui::CollapsingHeader("Planned vs actual")) planned_vs_actual(app);
    if (!editor_.open()) app.plan.highlight.reset(), app.plan.highlight_task = 0;
}

}  // namespace tidemark::gui
