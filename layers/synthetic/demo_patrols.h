// SYNTHETIC demo patrols: what a plan's fleet might have sailed in the plan period, as the
// demo's AIS logs, so the demo's tracks look like patrols and `plan reconcile` has something
// true-to-life to judge. Both kinds of sortie are routed at sea by the suggested patrols' router
// (patrol_router.h) and sailed by patrol_sailing.h:
// - the plan's committed tasks with routes, sailed by their assets: out from base to reach the
//   route's start at the start of the window, the route at its speed, home. Most are sailed as
//   planned; seeded picks of them (their shares rounded) turn back part way (a defect, the
//   weather) or are not sailed at all;
// - on a day an asset has no task, the sortie one suggestion draw gives it (plan_suggest.h),
//   sailed with probability `free_day_sorties` (crews rest, boats are maintained).
// Same plan, fleet and seed: the same logs.
#pragma once

#include "geo/problem.h"
#include "layers/plan/plan.h"
#include "layers/plan/plan_coast.h"
#include "layers/synthetic/synthetic_ais_log.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tidemark::layers {
class Workspace;
}

namespace tidemark::layers::plan {

struct DemoPatrolOptions {
    std::uint64_t seed = 42;
    double not_sailed = 0.08;        // share of the committed tasks not sailed
    double turned_back = 0.12;       // share of the committed tasks cut short
    double free_day_sorties = 0.5;   // chance an asset with no task that day sails its drawn sortie
};

enum class TaskSailing { AsPlanned, TurnedBack, NotSailed };

struct SailedTask {
    std::int64_t task = 0;
    std::string asset;
    TaskSailing what = TaskSailing::AsPlanned;
    double route_fraction = 1;  // of the route's length sailed
};

struct VesselLog {
    Vessel vessel;
    std::vector<SyntheticFix> fixes;  // in time order; a moored fix before and after each sortie
    int task_sorties = 0, drawn_sorties = 0;
};

struct DemoPatrols {
    std::vector<VesselLog> logs;      // vessels that sailed, in fleet order
    std::vector<SailedTask> tasks;    // every committed task of the plan, by id
    geo::Problems problems;           // assets left out and tasks that could not be sailed, and why
    std::string error;
    bool ok() const { return error.empty(); }
};

DemoPatrols sail_demo_patrols(const Workspace& ws, const PlanBook& book, const Plan& plan, const PlanCoast& coast,
                              const DemoPatrolOptions& options);

}  // namespace tidemark::layers::plan
