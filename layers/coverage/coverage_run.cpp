#include "layers/coverage/coverage_run.h"

#include "geo/coast_segments.h"
#include "geo/line_of_sight.h"
#include "layers/roles.h"
#include "layers/tracks/track_io.h"
#include "layers/workspace.h"

namespace tidemark::layers {

void gather_workspace_inputs(const Workspace& ws, CoverageInputs& in, WorkspaceInputParts parts) {
    in.crs = ws.crs();
    if (parts.coast)
        if (const Layer* coast = ws.find_role(LayerRole::Coastline)) in.coast = coast_lines(*coast);
    if (parts.forces) {
        if (const Layer* forces = ws.find_role(LayerRole::Forces)) {
            Layer copy = *forces;
            if (prepare_for_role(copy, LayerRole::Forces, in.problems)) in.forces = force_areas(copy);
        }
    }
    if (parts.ports)
        if (const Layer* ports = ws.find_role(LayerRole::Ports)) in.ports = layer_points(*ports);
    in.tracks = load_tracks(ws);
    in.fleet = load_fleet(ws);
    in.reports = load_reports(ws);
    in.from = ws.window_from;
    in.to = ws.window_to;
}

namespace {

// Tracks of vessels the register does not know get no range and a problem.
std::vector<double> track_ranges(CoverageInputs& in, const CoverageRunOptions& options) {
    std::vector<double> ranges;
    for (const auto& t : in.tracks) {
        if (options.radius_m) {
            ranges.push_back(*options.radius_m);
            continue;
        }
        const Vessel* v = find_vessel(in.fleet, t.mmsi, t.vessel);
        ranges.push_back(v ? sensor_range_m(*v) : 0.0);
        if (!v) {
            geo::Problem p;
            p.source = options.fleet_source;
            p.feature = t.vessel;
            p.reason = "vessel not in the fleet register: its track is left out; add it to the register or " + options.range_hint;
            in.problems.push_back(p);
        }
    }
    return ranges;
}

}  // namespace

CoverageRun run_coverage(CoverageInputs& in, const CoverageRunOptions& options) {
    CoverageRun run;
    const std::vector<double> ranges = track_ranges(in, options);
    auto segments = geo::cut_coast_segments(in.coast, options.segment_m);
    if (segments.empty()) {
        run.error = "the coastline has no lines to cut into segments";
        return run;
    }
    geo::assign_forces(segments, in.forces);
    geo::assign_port_distances(segments, in.ports);

    geo::CoverageOptions engine;
    engine.from = options.from;
    engine.to = options.to;
    engine.max_gap_s = options.max_gap_s;
    engine.progress = options.progress;
    engine.cancel = options.cancel;
    std::optional<geo::LandMask> land;
    if (options.line_of_sight) {
        land.emplace(in.coast);
        engine.land = &*land;
    }
    const geo::CoverageResult coverage = geo::compute_coverage(segments, in.tracks, ranges, engine);
    run.ok = true;
    if (coverage.cancelled) {
        run.cancelled = true;
        return run;
    }

    geo::GapOptions gap_options;
    gap_options.revisit_s = options.revisit_s;
    // Report weights decay with age counted back from the window's end (layers/reports/reports.h).
    const auto events = report_events(in.reports, options.to);
    run.gaps = geo::analyse_gaps(segments, coverage, in.forces.size(), in.ports, events, gap_options);

    std::vector<std::string> names;
    for (const auto& t : in.tracks) names.push_back(t.vessel);
    run.layers = coverage_layers(segments, coverage, run.gaps, in.forces, names);
    run.layers.parameters = {options.from, options.to, options.revisit_s, options.segment_m, options.radius_m,
                             options.line_of_sight};
    run.fixes = coverage.fixes;
    run.segments = segments.size();
    return run;
}

}  // namespace tidemark::layers
