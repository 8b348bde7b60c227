// What the app holds of the workspace's joint plans: the plan book behind its one edit path
// (layers::plan::PlanEditor, with undo/redo), the fleet register edits check against, the
// plan being worked on, the run of coast segments picked on the map, and the last check and
// forecast of that plan. Owned by AppState; panels read it and change it only through
// AppState's plan commands (app_state_plan.cpp), which also write the plan tables back into
// the workspace. No GL and no ImGui here.
#pragma once

#include "layers/tracks/fleet.h"
#include "layers/plan/plan_check.h"
#include "layers/plan/plan_coast.h"
#include "layers/plan/plan_edit.h"
#include "layers/plan/plan_forecast.h"
#include "layers/plan/plan_reconcile.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::gui {

// How the coast is coloured on the map: last period's coverage (`segments`, by max gap), the
// current plan's lead agencies (`plan_responsibility`), or the plan's forecast coverage
// (`forecast_segments`, the same ramp as coverage).
enum class CoastMode { Coverage, LeadAgency, Forecast };

struct PlanState {
    layers::plan::PlanEditor editor;
    std::vector<layers::Vessel> fleet;  // read on open; edits check assets against it
    std::string current;                // name of the plan being worked on; "" when there is none
    std::string user;                   // stamps rows: $TIDEMARK_USER, else $USER

    // The run of segments picked on the map (click, then shift-click on the same line; or a box).
    std::optional<layers::plan::Stretch> selection;
    std::optional<std::uint32_t> pick_anchor;  // the first segment clicked
    std::optional<layers::plan::Stretch> highlight;  // the stretch of the task being edited
    std::int64_t highlight_task = 0;                 // that task's id (0: none, or a new task)

    // The last `check_plan` of `checked_plan`, as of editor revision `checked_revision`.
    std::optional<layers::plan::PlanCheck> check;
    std::string checked_plan;
    std::uint64_t checked_revision = 0;

    // The last forecast that landed, for the Plan panel's table and File > Brief.
    std::optional<layers::plan::Forecast> forecast;
    std::string forecast_plan;

    // The last reconciliation with the tracks (planned vs actual) and the plan it was of.
    std::optional<layers::plan::Reconciliation> reconciliation;
    std::string reconciled_plan;
    // The current plan's outcome for task `id`, when its plan was reconciled.
    const layers::plan::TaskOutcome* outcome_of(std::int64_t id) const {
        if (!reconciliation || reconciled_plan != current) return nullptr;
        for (const auto& o : reconciliation->tasks)
            if (o.task == id) return &o;
        return nullptr;
    }

    const layers::plan::PlanBook& book() const { return editor.book(); }
    const layers::plan::Plan* plan() const { return current.empty() ? nullptr : book().find_plan(current); }

    // Coasts cut per segment length, valid while the coastline layer keeps `coast_revision`.
    std::map<double, layers::plan::PlanCoast> coasts;
    std::uint64_t coast_revision = 0;
};

}  // namespace tidemark::gui
