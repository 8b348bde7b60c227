// `tidemark coverage`: which stretches of coast were watched, when, how often, and where the
// gaps are, per police force. From files (-o OUT.gpkg) or a workspace (results stored in it).
// Definitions: geo/coverage.h, geo/gaps.h, docs/coverage.md.
#include "app/cli/commands.h"
#include "app/cli/damage_check.h"
#include "app/cli/workspace_option.h"
#include "app/cli/open_workspace.h"
#include "app/cli/output_files.h"
#include "app/cli/problem_printer.h"
#include "geo/coverage.h"
#include "geo/gaps.h"
#include "geo/sensor_range.h"
#include "layers/coverage/coverage_run.h"
#include "layers/coverage/coverage_store.h"
#include "layers/tracks/fleet.h"
#include "layers/io/import.h"
#include "layers/io/ogr_reader.h"
#include "layers/reports/reports.h"
#include "layers/roles.h"
#include "layers/tracks/track_io.h"
#include "layers/workspace.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

namespace tidemark::cli {
namespace {

struct CoverageArgs {
    std::string workspace;
    std::string coast, forces, ports, reports, fleet, crs, output;
    std::string as_of;  // --as-of: inputs as the team workspace knew them then; results reported, not stored
    std::vector<std::string> tracks;
    std::optional<double> radius_nm;
    std::string from, to;
    double segment_m = geo::kDefaultSegmentLengthM;
    double revisit_h = geo::kDefaultRevisitS / 3600;
    double max_gap_min = geo::kDefaultMaxGapS / 60;
    bool line_of_sight = false;
    bool uk_time = false;  // --reports times without an offset are UK clock times
    bool overwrite = false;
    bool skip_damaged = false;
};

using Inputs = layers::CoverageInputs;

bool is_workspace(const std::string& path) {
    return std::filesystem::path(path).extension() == ".gpkg";
}

// Reads every layer of `path` for `role`; false with `error` when nothing usable came out.
bool read_role_file(const std::string& path, layers::LayerRole role, const geo::Crs& crs, std::vector<layers::Layer>& out,
                    geo::Problems& problems, std::string* error) {
    layers::ReadOptions ro;
    ro.working_crs = crs;
    ro.role = role;
    ro.validate_polygons = false;
    layers::ReadResult r = layers::read_vector(path, ro);
    if (!r.ok) {
        *error = r.error;
        return false;
    }
    problems.insert(problems.end(), r.problems.begin(), r.problems.end());
    for (auto& l : r.layers) {
        if (l.name == layers::kSettingsTable) continue;
        if (layers::prepare_for_role(l, role, problems)) out.push_back(std::move(l));
    }
    if (out.empty()) {
        *error = path + ": no layer usable as " + layers::role_name(role) + " (see the problems above)";
        return false;
    }
    return true;
}

bool add_tracks_from(const std::string& path, const geo::Crs& crs, const CoverageArgs& a, Inputs& in, std::string* error) {
    if (is_workspace(path)) {
        auto ws = open_workspace(path, error);
        if (!ws) return false;
        layers::WorkspaceDamage damage;
        if (!check_damage(*ws, a.skip_damaged, "coverage", damage, error)) return false;
        layers::DamageHidden hidden(*ws, damage);
        auto t = layers::load_tracks(*ws);
        if (t.empty()) {
            *error = path + ": workspace has no tracks (layer track_legs); import some with `tidemark tracks import`";
            return false;
        }
        in.tracks.insert(in.tracks.end(), t.begin(), t.end());
        return true;
    }
    layers::TrackReadOptions to;
    to.max_gap_s = a.max_gap_min * 60;
    layers::TrackReadResult r = layers::read_tracks(path, crs, to);
    if (!r.ok) {
        *error = r.error;
        return false;
    }
    in.problems.insert(in.problems.end(), r.problems.begin(), r.problems.end());
    in.tracks.insert(in.tracks.end(), r.tracks.begin(), r.tracks.end());
    return true;
}

// Adds what the file options name (coast, forces, ports, tracks) to the inputs, in in.crs.
bool add_file_inputs(const CoverageArgs& a, Inputs& in, std::string* error) {
    if (!a.coast.empty()) {
        std::vector<layers::Layer> coast;
        if (!read_role_file(a.coast, layers::LayerRole::Coastline, in.crs, coast, in.problems, error)) return false;
        for (const auto& l : coast) {
            auto lines = layers::coast_lines(l);
            in.coast.insert(in.coast.end(), lines.begin(), lines.end());
        }
    }
    if (!a.forces.empty()) {
        std::vector<layers::Layer> forces;
        if (!read_role_file(a.forces, layers::LayerRole::Forces, in.crs, forces, in.problems, error)) return false;
        for (const auto& l : forces) {
            auto f = layers::force_areas(l);
            in.forces.insert(in.forces.end(), f.begin(), f.end());
        }
    }
    if (!a.ports.empty()) {
        std::vector<layers::Layer> ports;
        if (!read_role_file(a.ports, layers::LayerRole::Ports, in.crs, ports, in.problems, error)) return false;
        for (const auto& l : ports) {
            auto p = layers::layer_points(l);
            in.ports.insert(in.ports.end(), p.begin(), p.end());
        }
    }
    for (const auto& t : a.tracks)
        if (!add_tracks_from(t, in.crs, a, in, error)) return false;
    return true;
}

bool gather_from_files(const CoverageArgs& a, Inputs& in, std::string* error) {
    if (a.coast.empty() || a.tracks.empty() || a.output.empty()) {
        *error = "without a workspace, give --coast FILE, --tracks FILE... and -o OUT.gpkg";
        return false;
    }
    auto crs = layers::working_crs(a.crs, a.coast, error);
    if (!crs) return false;
    in.crs = *crs;
    return add_file_inputs(a, in, error);
}

bool gather_from_workspace(const CoverageArgs& a, layers::Workspace& ws, Inputs& in, std::string* error) {
    if (!a.crs.empty()) {
        *error = "--crs is for file inputs; " + a.workspace + " works in its own CRS (" + ws.crs().name() +
                 ", set when it was created), where the results are stored. Leave out --crs";
        return false;
    }
    layers::WorkspaceInputParts parts;
    parts.coast = a.coast.empty();
    parts.forces = a.forces.empty();
    parts.ports = a.ports.empty();
    layers::gather_workspace_inputs(ws, in, parts);
    if (!ws.find_role(layers::LayerRole::Coastline)) {
        *error = a.workspace + ": no coastline layer (role coastline) in the workspace; add one, or give --coast FILE";
        if (a.coast.empty()) return false;
    }
    if (!add_file_inputs(a, in, error)) return false;
    if (in.tracks.empty()) {
        *error = a.workspace + ": no tracks in the workspace; import some with `tidemark tracks import`, or give --tracks FILE";
        return false;
    }
    return true;
}

void print_table(const geo::GapAnalysis& gaps, const std::vector<geo::ForceArea>& forces) {
    std::printf("%-10s %-34s %9s %10s %8s %14s %8s %15s\n", "force_code", "force_name", "coast_km", "covered_km", "covered%",
                "longest_gap_km", "reports", "reports_in_gaps");
    for (const auto& r : gaps.forces) {
        const bool has = r.force >= 0;
        std::printf("%-10s %-34.34s %9.1f %10.1f %8.1f %14.1f %8.1f %15.1f\n", has ? forces[r.force].code.c_str() : "-",
                    has ? forces[r.force].name.c_str() : "(no force area)", r.coast_km, r.covered_km, r.covered_pct,
                    r.longest_gap_km, r.reports, r.reports_in_gaps);
    }
}

int run_coverage(const CoverageArgs& a) {
    if (a.segment_m < geo::kMinSegmentLengthM || a.segment_m > geo::kMaxSegmentLengthM)
        return fail("--segment-m must be between 100 and 10000 metres");
    if (a.radius_nm && !(*a.radius_nm > 0 && *a.radius_nm <= geo::kMaxSensorRangeNm))
        return fail("--radius-nm " + std::to_string(*a.radius_nm) + ": expected a sensor range above 0 and at most " +
                    std::to_string(static_cast<int>(geo::kMaxSensorRangeNm)) + " nautical miles");
    std::vector<std::string> inputs = {a.workspace, a.coast, a.forces, a.ports, a.reports, a.fleet};
    inputs.insert(inputs.end(), a.tracks.begin(), a.tracks.end());
    if (auto clash = output_clobbers_input(a.output, inputs, a.overwrite); !clash.empty()) return fail(clash);
    if (!(a.revisit_h > 0)) return fail("--revisit-h must be > 0");
    if (!a.as_of.empty() && a.workspace.empty()) return fail("--as-of reads a team workspace's history: give its postgresql:// URL");
    std::string error;
    Inputs in;
    std::optional<layers::Workspace> ws;
    if (!a.workspace.empty()) {
        ws = open_workspace(a.workspace, &error, a.as_of);
        if (!ws) return fail(error);
        layers::WorkspaceDamage damage;
        if (!check_damage(*ws, a.skip_damaged, "coverage", damage, &error)) return fail(error);
        layers::DamageHidden hidden(*ws, damage);  // until the inputs are gathered: the results are saved after
        if (!gather_from_workspace(a, *ws, in, &error)) return fail(error);
    } else if (!gather_from_files(a, in, &error)) {
        return fail(error);
    }
    if (!a.fleet.empty()) {
        layers::FleetReadResult f = layers::read_fleet_csv(a.fleet);
        if (!f.ok) return fail(f.error);
        in.problems.insert(in.problems.end(), f.problems.begin(), f.problems.end());
        in.fleet = f.vessels;
    }
    if (!a.radius_nm && in.fleet.empty()) return fail("no sensor ranges: give --fleet FILE (the fleet register) or --radius-nm R");
    if (!a.reports.empty()) {
        const auto unzoned = a.uk_time ? layers::UnzonedTimes::UkClock : layers::UnzonedTimes::Utc;
        layers::ReportReadResult r = layers::read_reports(a.reports, in.crs, {}, unzoned);
        if (!r.ok) return fail(r.error);
        in.problems.insert(in.problems.end(), r.problems.begin(), r.problems.end());
        in.reports = r.reports;
    }

    // The window: --from/--to, else the workspace's, else the span of the tracks.
    const geo::Interval span = geo::track_time_span(in.tracks);
    geo::Interval window;
    window.from = in.from.value_or(span.from);
    window.to = in.to.value_or(span.to);
    if (!a.from.empty()) {
        auto t = geo::parse_iso8601(a.from);
        if (!t) return fail("--from " + a.from + ": expected an ISO 8601 time such as 2026-03-01T00:00Z");
        window.from = *t;
    }
    if (!a.to.empty()) {
        auto t = geo::parse_iso8601(a.to);
        if (!t) return fail("--to " + a.to + ": expected an ISO 8601 time such as 2026-03-08T00:00Z");
        window.to = *t;
    }
    // Name where each end came from: a corrupt workspace setting is fixed elsewhere than an option.
    auto origin = [&](const std::string& option, const std::optional<geo::UnixTime>& from_ws, const char* ws_key) {
        return !option.empty() ? "--" + std::string(ws_key).substr(7) : from_ws ? a.workspace + ": setting " + ws_key
                                                                                : std::string("the tracks' span");
    };
    for (auto [t, where] : {std::pair{window.from, origin(a.from, in.from, "window_from")},
                            std::pair{window.to, origin(a.to, in.to, "window_to")}})
        if (!geo::plausible_time(t))
            return fail(where + ": time window end " + geo::format_iso8601(t) + " refused; " + geo::kPlausibleTimeText);
    if (!(window.to > window.from))
        return fail("empty time window " + geo::format_iso8601(window.from) + " .. " + geo::format_iso8601(window.to) +
                    " (start from " + origin(a.from, in.from, "window_from") + ", end from " +
                    origin(a.to, in.to, "window_to") + "): give --from and --to with --to after --from");
    layers::CoverageRunOptions run_options;
    run_options.from = window.from;
    run_options.to = window.to;
    run_options.segment_m = a.segment_m;
    run_options.revisit_s = a.revisit_h * 3600;
    run_options.max_gap_s = a.max_gap_min * 60;
    if (a.radius_nm) run_options.radius_m = *a.radius_nm * 1852.0;
    run_options.line_of_sight = a.line_of_sight;
    run_options.fleet_source = a.fleet.empty() ? a.workspace : a.fleet;
    if (isatty(STDERR_FILENO)) {
        run_options.progress = [](double f) {
            const int filled = static_cast<int>(f * 40);
            std::fprintf(stderr, "\rcoverage [%-40s] %3.0f%%", std::string(static_cast<std::size_t>(filled), '#').c_str(), f * 100);
            if (f >= 1.0) std::fprintf(stderr, "\n");
        };
    }
    layers::CoverageRun run = layers::run_coverage(in, run_options);
    if (!run.ok) return fail(run.error);
    layers::CoverageLayers& result = run.layers;
    if (!in.problems.empty()) print_problems(std::cerr, in.problems, 20);
    if (!a.output.empty()) clean_stale_temporaries(a.output);
    if (!a.output.empty() && !layers::write_coverage_file(a.output, result, in.crs, &error)) return fail(error);
    if (ws && a.as_of.empty()) {
        layers::store_coverage(*ws, std::move(result));
        if (!ws->save(&error)) return fail(error);
    }
    std::printf("window %s .. %s: %zu tracks, %zu fixes, %zu segments, %zu gaps (revisit target %.1f h)\n",
                geo::format_iso8601(window.from).c_str(), geo::format_iso8601(window.to).c_str(), in.tracks.size(),
                run.fixes, run.segments, run.gaps.gaps.size(), a.revisit_h);
    print_table(run.gaps, in.forces);
    return kOk;
}

}  // namespace

void add_coverage_command(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<CoverageArgs>();
    CLI::App* cmd = app.add_subcommand("coverage", "Coverage of the coast by patrol tracks: segments, gaps and a per-force summary");
    cmd->add_option("workspace", a->workspace, "Workspace (.gpkg or postgresql:// URL): read inputs from it and store the results in it")
        ->check(workspace_location());
    cmd->add_option("--coast", a->coast, "Coastline: land polygons or lines")->check(CLI::ExistingFile);
    cmd->add_option("--tracks", a->tracks, "Tracks: AIS NMEA, GPX, CSV or a workspace (.gpkg)")->check(CLI::ExistingFile);
    cmd->add_option("--forces", a->forces, "Police force areas (polygons with a code/name)")->check(CLI::ExistingFile);
    cmd->add_option("--ports", a->ports, "Ports and landing places (points)")->check(CLI::ExistingFile);
    cmd->add_option("--reports", a->reports, "Kraken reports (CSV, GeoJSON, GeoPackage, KML)")->check(CLI::ExistingFile);
    cmd->add_flag("--uk-time", a->uk_time, "--reports times without a UTC offset are UK clock times (GMT, or BST in summer)");
    cmd->add_option("--fleet", a->fleet, "Fleet register CSV (sensor ranges)")->check(CLI::ExistingFile);
    cmd->add_option("--radius-nm", a->radius_nm, "Sensor range for every vessel, nautical miles (overrides the fleet)");
    cmd->add_option("--from", a->from, "Window start, ISO 8601 (default: workspace window, else first fix)");
    cmd->add_option("--to", a->to, "Window end, ISO 8601 (default: workspace window, else last fix)");
    cmd->add_option("--segment-m", a->segment_m, "Target segment length, metres (100-10000, default 1000)");
    cmd->add_option("--revisit-h", a->revisit_h, "Revisit target, hours (default 24)");
    cmd->add_option("--max-gap-min", a->max_gap_min, "Fixes further apart than this break a leg, minutes (default 30)");
    cmd->add_flag("--line-of-sight", a->line_of_sight, "Sight lines must not cross land (except within 50 m of the coast)");
    cmd->add_option("--crs", a->crs, "Working CRS for file inputs, e.g. EPSG:27700 (default: chosen from the coast)");
    cmd->add_option("-o,--output", a->output, "GeoPackage to write (segments, gaps, force_summary)");
    cmd->add_option("--as-of", a->as_of, std::string(kAsOfHelp) + "; the results are reported (and written to -o), not stored");
    cmd->add_flag("--overwrite", a->overwrite, "Allow -o to replace one of the inputs (the workspace, a tracks file, ...)");
    add_skip_damaged_flag(*cmd, a->skip_damaged);
    cmd->callback([a, &ctx] { ctx.exit_code = run_coverage(*a); });
}

}  // namespace tidemark::cli
