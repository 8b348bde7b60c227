// One coverage run from gathered inputs to the three result layers: sensor ranges per track,
// segments cut and attributed, the engine, the gap analysis, the layers. `tidemark coverage`
// and the app's Coverage panel both call this, so a run from either gives the same layers.
#pragma once

#include "geo/coverage.h"
#include "geo/crs.h"
#include "geo/gaps.h"
#include "geo/problem.h"
#include "layers/coverage/coverage_store.h"
#include "layers/tracks/fleet.h"
#include "layers/reports/reports.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

class Workspace;

// Everything coverage needs, in one working CRS.
struct CoverageInputs {
    geo::Crs crs = geo::Crs::british_national_grid();
    std::vector<geo::Path> coast;
    std::vector<geo::ForceArea> forces;
    std::vector<geo::XY> ports;
    std::vector<geo::Track> tracks;
    std::vector<Vessel> fleet;
    std::vector<Report> reports;
    std::optional<geo::UnixTime> from, to;  // the workspace's window, when it has one
    geo::Problems problems;
};

// Which inputs to take from the workspace (the CLI replaces some with files).
struct WorkspaceInputParts {
    bool coast = true, forces = true, ports = true;
};

// Fills `in` from the workspace: coastline lines, force areas, ports, tracks, fleet register,
// reports, window and CRS. Missing layers leave their inputs empty; the caller says what to do.
void gather_workspace_inputs(const Workspace& ws, CoverageInputs& in, WorkspaceInputParts parts = {});

struct CoverageRunOptions {
    geo::UnixTime from = 0, to = 0;  // the window [from, to)
    double segment_m = geo::kDefaultSegmentLengthM;
    double revisit_s = geo::kDefaultRevisitS;
    double max_gap_s = geo::kDefaultMaxGapS;
    std::optional<double> radius_m;  // one sensor range for every track; else the fleet register's
    bool line_of_sight = false;
    std::string fleet_source;        // names the register in "vessel not in the register" problems
    std::string range_hint = "give --radius-nm";  // how to give a range instead, in those problems
    std::function<void(double)> progress;       // fraction of fixes swept, on the calling thread
    const std::atomic<bool>* cancel = nullptr;  // see geo::CoverageOptions::cancel
};

struct CoverageRun {
    bool ok = false;         // false: `error` says why (nothing computed)
    bool cancelled = false;  // stopped through `cancel`: no layers
    std::string error;
    CoverageLayers layers;
    std::size_t fixes = 0, segments = 0;
    geo::GapAnalysis gaps;  // per force and per gap, for tables
};

// Runs coverage on `in` (its problems gain the tracks left out for want of a range).
CoverageRun run_coverage(CoverageInputs& in, const CoverageRunOptions& options);

}  // namespace tidemark::layers
