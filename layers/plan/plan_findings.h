// A plan check's findings as a map layer: one row per finding that has a place on the coast,
// drawn along the stretches it is about (red errors, orange warnings), so a planner sees where
// the plan falls short and an analyst can export them. Findings with no place (a plan-wide
// total, an asset missing from the register) are in `plan check`'s list and the Problems panel.
#pragma once

#include "layers/plan/plan_check.h"
#include "layers/plan/plan_coast.h"

namespace tidemark::layers {
class Workspace;
}

namespace tidemark::layers::plan {

inline constexpr const char* kFindingsLayer = "plan_findings";

// The located findings of `check` (a check of plan `plan` on `coast`) as layer plan_findings, with
// the fields plan, severity, severity_colour, about, finding, from_segment, to_segment, length_m.
Layer findings_layer(const std::string& plan, const PlanCheck& check, const PlanCoast& coast);

// The row of `findings` (a findings_layer) that holds finding `finding` (its index in the
// check's problems), or -1. Rows are in drawing order: errors last, on top.
std::int64_t finding_row(const Layer& findings, std::size_t finding);

// Replaces plan_findings in `ws` (one plan's latest check), shown by default: the map is where
// findings are looked at. A style the user saved is kept. The caller saves the workspace.
void store_findings(Workspace& ws, const std::string& plan, const PlanCheck& check, const PlanCoast& coast);

}  // namespace tidemark::layers::plan
