// Plan: the joint plan being worked on (selector, New plan, its period and objective), how the
// coast is coloured (coverage, lead agency, forecast), Run forecast (off the UI thread) and
// Check plan (findings here in short and in full in Problems), Reconcile (planned vs actual,
// compliance per agency), the agencies with their colours
// and the coast each leads, the stretch picked on the map (New task here, assign its lead),
// the task list and the task editor. Every change goes through AppState::apply_plan_edit.
#pragma once

#include "app/gui/panels/panel.h"
#include "app/gui/panels/plan_new_form.h"
#include "app/gui/panels/plan_task_editor.h"
#include "app/gui/panels/plan_task_list.h"

#include <cstdint>
#include <map>
#include <string>

namespace tidemark::gui {

class PlanPanel : public Panel {
public:
    PlanPanel() : Panel("Plan") {}
    float width() const override { return 560; }  // two-line task rows: agency name and asset side by side

protected:
    void drawContent(AppState& app) override;

private:
    void plan_header(AppState& app);
    void map_and_checks(AppState& app);
    void agencies(AppState& app);
    void picked_stretch(AppState& app);
    void planned_vs_actual(AppState& app);  // plan_panel_actual.cpp
    PlanNewForm new_form_;
    PlanTaskList list_;
    PlanTaskEditor editor_;
    std::string assign_lead_, assign_error_;
    std::string check_error_, earned_error_;
    std::int64_t editor_was_open_ = 0;  // task id + 1 of the form last drawn (0 none): scroll to it once
    // Coast each agency leads in the current plan, recounted when the plan changes.
    std::map<std::string, double> lead_m_;
    std::string counted_plan_;
    std::uint64_t counted_revision_ = ~0ull;
};

}  // namespace tidemark::gui
