// A coverage run's parameters on a team workspace. In a GeoPackage they are workspace settings
// (settings "coverage": window, revisit target, segment length, range; and the time window the
// run set). On a team workspace they describe one agency's run and may be derived from tracks
// other agencies cannot see (a run with no --from/--to takes its window from the tracks), so they
// are a row of `coverage_runs`, owned and shared as the run's segments are (holds_agency_runs),
// not settings every member reads. A person reads the parameters of the run they read.
#pragma once

#include "layers/layer.h"
#include "layers/team/pg_connection.h"
#include "layers/team/pg_layer_table.h"
#include "layers/store/workspace_store.h"

#include <optional>
#include <string>

namespace tidemark::layers::team {

inline constexpr const char* kCoverageRunsTable = "coverage_runs";
inline constexpr const char* kCoverageSetting = "coverage";

// One row per agency's run: parameters (the settings "coverage" JSON), window_from, window_to.
TableShape coverage_runs_shape();

// True when `changes` store a coverage run (segments, gaps or force_summary).
bool stores_run(const ChangeSet& changes);

// The run row of a change set that stores a run: its parameters and window as the change set
// has them, else as the run this person reads has them.
std::optional<Layer> run_parameters(PgConnection& conn, const ChangeSet& changes, std::string* error);

// `changes` without the run's parameters and window (they go to coverage_runs), in its base too.
ChangeSet without_run_parameters(const ChangeSet& changes);

// The state with the parameters and window of `run` (coverage_runs as the person reads it, live
// or as of T) in place of the settings'; unchanged when the person reads no run.
void apply_run_parameters(StoredState& state, const Layer& run);

// `state` as a push stores it: its run parameters moved to a run row (nullopt when it has none).
std::optional<Layer> take_run_parameters(StoredState& state);

}  // namespace tidemark::layers::team
