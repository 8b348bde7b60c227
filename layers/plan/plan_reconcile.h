// `tidemark plan reconcile`: did the plan happen? Every live task is compared with the tracks in
// the workspace through the coverage engine (the same "observed" rule as coverage):
// - own fraction: the share of the task's stretch (by length) observed within the task window
//   by the task's own asset; agency fraction: by any vessel of the task's agency;
// - the status it earns: done (own fraction >= threshold, 90 % by default), partly_done (> 0),
//   missed (0 with tracks); a task whose asset has no fixes in its window says so ("no tracks")
//   instead of "missed"; a task with no asset is judged on its agency's vessels;
// - planned segment-hours (stretch segments x window hours) against achieved ones (the observed
//   time within the window, summed over the stretch's segments);
// - unplanned coverage: segments observed in the plan period that no live task covers.
// `as_of` keeps only the fixes known then (fix time <= as_of), so a report can be reproduced.
#pragma once

#include "layers/layer.h"
#include "layers/plan/plan.h"
#include "layers/plan/plan_coast.h"
#include "layers/plan/plan_edit.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {
class Workspace;
}

namespace tidemark::layers::plan {

inline constexpr const char* kReconciliationLayer = "plan_reconciliation";

struct TaskOutcome {
    std::int64_t task = 0;
    bool has_tracks = false;        // the judged vessel(s) have fixes in the window
    double own_fraction = 0;        // 0..1 of the stretch length
    double agency_fraction = 0;
    std::optional<geo::UnixTime> first_seen, last_seen;  // by the judged vessel(s) within the window
    double planned_segment_h = 0, achieved_segment_h = 0;
    std::optional<TaskStatus> earned;  // nullopt when it cannot be judged (no tracks, window not over)
    std::string note;                  // e.g. "no tracks for HMC Seeker in the window"
};

struct ComplianceRow {
    std::string code, name;
    int tasks = 0, done = 0, partly = 0, missed = 0, unjudged = 0;
    double planned_segment_h = 0, achieved_segment_h = 0;
    // done / judged tasks, in percent (the Southend trial's measure: tasks carried out as planned).
    double compliance_pct() const { return done + partly + missed ? 100.0 * done / (done + partly + missed) : 0; }
};

struct Reconciliation {
    std::vector<TaskOutcome> tasks;      // in task order
    std::vector<ComplianceRow> by_agency;  // agencies with tasks
    std::vector<ComplianceRow> by_force;   // per police force area its tasks' stretches touch (a task in each)
    double unplanned_m = 0;              // observed coast no live task covers
    double observed_m = 0;               // observed coast in the plan period
    std::size_t fixes = 0;               // fixes used (after as_of)
};

struct ReconcileOptions {
    double done_threshold = 0.9;
    std::optional<geo::UnixTime> as_of;
};

Reconciliation reconcile_plan(const Workspace& ws, const PlanBook& book, const Plan& plan, const PlanCoast& coast,
                              const ReconcileOptions& options = {});

// The outcomes as a line layer (the tasks' stretches) for maps and exports.
Layer reconciliation_layer(const PlanBook& book, const PlanCoast& coast, const Reconciliation& r);
// Replaces plan_reconciliation in `ws`; drawn on request (hidden until styled, coloured by
// earned status). The caller saves the workspace.
void store_reconciliation(Workspace& ws, const PlanBook& book, const PlanCoast& coast, const Reconciliation& r);

// Sets each judged task's status to the one it earned, where the workflow allows the move;
// `changed` counts them. On an error the book may be partly changed: run it through
// PlanEditor::apply (all or nothing), or do not save.
std::string apply_earned_statuses(PlanBook& book, const EditContext& ctx, const Reconciliation& r, int* changed);

}  // namespace tidemark::layers::plan
