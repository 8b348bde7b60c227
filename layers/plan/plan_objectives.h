// Last period's gaps, recomputed on a plan's segments from the stored coverage run, and
// `plan objectives suggest`: tighter revisit targets where the gap risk says so.
//
// Rule (docs/plans.md): for each last-period gap with Kraken report weight >= 1 within 5 km
// the suggestion is 6 h; with a port or landing place within 5 km, 12 h; other gaps keep the
// plan's default. Each suggestion carries its reason (risk, length, time unwatched, ports,
// report weight) and is applied only when the planner says so.
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
std::vector<SuggestedObjective> suggest_objectives(const Plan& plan, const LastGaps& last);

}  // namespace tidemark::layers::plan
