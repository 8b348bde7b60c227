// `tidemark plan check` and the app's Plan Problems: what is wrong with a plan, each finding
// named (plan, task or segment run), located and explained, never silently fixed.
//
// - Ownership: every segment needs a lead agency; lead lengths must add up to the coast length.
// - Objectives: a segment's target is the tightest objective on it, else the plan's default.
//   The committed tasks (accepted, done, partly done, missed) covering a segment watch it for
//   their windows; the longest stretch of the plan period between those windows (period edges
//   included) must not exceed the target, unless a "risk accepted" note covers the segment.
// - Last period's gaps (plan_objectives.h, from the stored coverage run): each needs a live
//   task or a risk-accepted note on some of its segments.
// - Assets: double-booked (two live tasks whose windows overlap), used while unavailable,
//   beyond endurance (task window or route longer than endurance_h), at an impossible speed
//   (route speed above the vessel's maximum), routes that do not fit the task window.
// - Tasks outside their agency's responsibility (neither lead nor supporting): a warning.
#pragma once

#include "geo/problem.h"
#include "layers/tracks/fleet.h"
#include "layers/plan/plan.h"
#include "layers/plan/plan_coast.h"
#include "layers/plan/plan_objectives.h"

namespace tidemark::layers::plan {

struct PlanCheck {
    geo::Problems problems;
    // Where on the coast each finding is (parallel to `problems`): the stretches it is about,
    // empty for findings with no place (a plan-wide total, an asset missing from the register).
    std::vector<std::vector<Stretch>> places;
    double coast_m = 0;      // length of all segments
    double lead_m = 0;       // length of the segments that have a known lead agency
    double objective_unmet_m = 0;  // length whose target the committed tasks do not meet
    int errors = 0, warnings = 0;
};

PlanCheck check_plan(const PlanBook& book, const Plan& plan, const PlanCoast& coast, const std::vector<Vessel>& fleet,
                     const LastGaps& last, const std::string& source);

// Per segment: the revisit target (tightest objective, else the plan's default) and whether a
// risk-accepted note covers it. Shared by checks, forecast and briefs.
struct SegmentObjectives {
    std::vector<double> target_s;
    std::vector<bool> risk_accepted;
};
SegmentObjectives segment_objectives(const Plan& plan, const PlanCoast& coast);

// Per segment: the longest time in the plan period not inside any window of the committed
// tasks covering it (the period's length for a segment no task covers).
std::vector<double> planned_max_gap(const PlanBook& book, const Plan& plan, const PlanCoast& coast);

}  // namespace tidemark::layers::plan
