// What every `tidemark plan` command starts from: the workspace, its fleet register, its plans
// (problems in the stored rows printed) and, per plan, the coast it was made on. Edits go
// through layers::plan (the same path the app uses) and `save` writes the plan tables back.
#pragma once

#include "layers/tracks/fleet.h"
#include "layers/plan/plan_coast.h"
#include "layers/plan/plan_edit.h"
#include "layers/workspace.h"

#include <map>
#include <optional>
#include <string>

namespace tidemark::cli {

struct PlanSession {
    layers::Workspace ws;
    std::vector<layers::Vessel> fleet;
    layers::plan::PlanBook book;

    // nullopt with `error` when the workspace cannot be opened. `as_of` (--as-of, "" for now): the
    // team workspace as it was known then, read-only (open_workspace.h).
    static std::optional<PlanSession> open(const std::string& path, std::string* error, const std::string& as_of = {});
    // The named plan, or nullptr with `error` listing the plans there are.
    const layers::plan::Plan* plan(const std::string& name, std::string* error) const;
    const layers::plan::PlanCoast& coast(double segment_m);
    // Who (TIDEMARK_USER, else USER) and now, with the coast of `segment_m`.
    layers::plan::EditContext context(double segment_m);
    // Stores the plan tables and saves the workspace.
    bool save(std::string* error);

private:
    std::map<double, layers::plan::PlanCoast> coasts_;
};

// "who" for rows: $TIDEMARK_USER, else $USER, else "unknown".
std::string current_user();

}  // namespace tidemark::cli
