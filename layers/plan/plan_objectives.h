// Last period's gaps, recomputed on a plan's segments from the stored coverage run, and
// `plan objectives suggest`: tighter revisit targets where the gap risk says so.
//
// Rule (docs/plans.md): inside each last-period gap, the runs of segments with Kraken reports
// attached (weight >= 1 over the run) get 6 h; the runs within 5 km of a port or landing place,
// 12 h; the rest of the gap keeps the plan's default. Each suggestion carries its reason (the
// gap's risk, time unwatched, the run's landing places and report weight) and is applied only
// when the planner says so.
#pragma once

#include "geo/gaps.h"
#include "layers/plan/plan.h"
#include "layers/plan/plan_coast.h"

#include <string>
#include <vector>

namespace tidemark::layers {
class Workspace;
}

namespace tidemark::layers::plan {

struct LastGaps {
    bool ok = false;
    std::string why;  // when not ok: why last period's gaps are unknown
    geo::GapAnalysis analysis;
    std::vector<double> segment_reports;  // per segment: weight of the reports attached to it
    double revisit_s = 0;
    geo::UnixTime from = 0, to = 0;
};

// From the workspace's coverage `segments` layer (max_gap_s per segment), its reports and
// ports; not ok when there is no coverage run or it was cut at another segment length.
LastGaps last_period_gaps(const Workspace& ws, const PlanCoast& coast);

struct SuggestedObjective {
    Objective objective;
    double risk = 0;
};

// Sorted by risk, highest first.
std::vector<SuggestedObjective> suggest_objectives(const Plan& plan, const PlanCoast& coast, const LastGaps& last);

}  // namespace tidemark::layers::plan
