// Plans kept in the workspace as ordinary tables, so QGIS, `tidemark export` and (later) the
// shared server workspace see the same rows:
//   plan_agencies        code, name, kind, colour, version
//   plans                name, period_from, period_to, segment_m, segment_count, revisit_s, who/when, version
//   plan_responsibility  lines: one per run of segments with the same lead and supporting agencies
//   plan_objectives      lines: revisit targets and "risk accepted" notes on stretches
//   plan_tasks           lines: the task's stretch, with every task field (route as JSON text)
#pragma once

#include "geo/problem.h"
#include "layers/plan/plan.h"

namespace tidemark::layers {
class Workspace;
}

namespace tidemark::layers::plan {

inline constexpr const char* kAgenciesLayer = "plan_agencies";
inline constexpr const char* kPlansLayer = "plans";
inline constexpr const char* kResponsibilityLayer = "plan_responsibility";
inline constexpr const char* kObjectivesLayer = "plan_objectives";
inline constexpr const char* kTasksLayer = "plan_tasks";

// Reads the plan tables; rows that cannot be read are named in `problems` (layer, fid, field)
// and left out. An empty book when the workspace has none.
PlanBook load_plan_book(const Workspace& ws, geo::Problems& problems);

// Replaces the plan tables with `book`. Stretch geometry comes from the workspace coastline cut
// at each plan's segment length. The caller saves the workspace.
void store_plan_book(Workspace& ws, const PlanBook& book);

}  // namespace tidemark::layers::plan
