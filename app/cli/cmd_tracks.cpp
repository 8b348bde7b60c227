// `tidemark tracks import|plan|synthesize`: vessel tracks into a workspace, planned patrols,
// and the seeded synthetic demo patrols (AIS NMEA logs that go through the real decoder).
#include "app/cli/commands.h"
#include "app/cli/open_workspace.h"
#include "app/cli/problem_printer.h"
#include "app/cli/tracks_commands.h"
#include "layers/tracks/fleet.h"
#include "layers/tracks/track_io.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

namespace tidemark::cli {
namespace {

int import_tracks(const TrackImportOptions& opt) {
    if (opt.follow) return follow_ais_log(opt);
    std::string error;
    auto ws = open_workspace(opt.workspace, &error);
    if (!ws) return fail(error);
    std::vector<layers::Vessel> fleet;
    geo::Problems problems;
    if (!import_fleet(*ws, opt, fleet, problems, &error)) return fail(error);
    layers::TrackFilesRead read = layers::read_track_files(opt.files, ws->crs(), opt.read);
    int code = kOk;
    for (const auto& f : read.files) {
        if (!f.error.empty()) code = fail(f.error);
        else std::cout << f.path << ": " << f.vessels << " vessel(s), " << f.legs << " leg(s), " << f.fixes << " fix(es)\n";
    }
    problems.insert(problems.end(), read.problems.begin(), read.problems.end());
    const layers::TracksAdded added = layers::add_tracks(*ws, std::move(read.tracks), opt.replace);
    if (!ws->save(&error)) return fail(error);
    std::cout << opt.workspace << ": " << added.stored << " track(s) stored in layer " << layers::kTrackLegsLayer
              << " (one row per leg; `export --layer " << layers::kTrackPointsLayer << "` gives one point per fix)\n";
    print_unknown_vessels(added.unknown);
    print_problems(std::cerr, problems, opt.all_problems ? 0 : 20);
    return code;
}

}  // namespace

bool import_fleet(layers::Workspace& ws, const TrackImportOptions& opt, std::vector<layers::Vessel>& fleet,
                  geo::Problems& problems, std::string* error) {
    if (opt.fleet.empty()) {
        fleet = layers::load_fleet(ws);
        return true;
    }
    layers::FleetReadResult fr = layers::read_fleet_csv(opt.fleet);
    if (!fr.ok) {
        *error = fr.error;
        return false;
    }
    problems.insert(problems.end(), fr.problems.begin(), fr.problems.end());
    fleet = std::move(fr.vessels);
    layers::store_fleet(ws, fleet);
    return true;
}

void print_unknown_vessels(const std::set<std::string>& unknown) {
    if (unknown.empty()) return;
    std::cout << "vessels not in the fleet register (" << unknown.size() << "): add them to the fleet CSV to link them\n";
    for (const auto& u : unknown) std::cout << "  " << u << "\n";
}

void add_tracks_command(CLI::App& app, Context& ctx) {
    CLI::App* tracks = app.add_subcommand("tracks", "Vessel tracks: import AIS/GPX/CSV, planned patrols, synthetic demo patrols");
    tracks->require_subcommand(1);
    auto opt = std::make_shared<TrackImportOptions>();
    CLI::App* imp = tracks->add_subcommand("import", "Read tracks (AIS NMEA, GPX, CSV) into a workspace");
    imp->add_option("workspace", opt->workspace, "Workspace (.gpkg) to store the tracks in")->required();
    imp->add_option("files", opt->files, "Track files")->required();
    imp->add_option("--format", opt->read.format, "ais, gpx or csv (default: from extension and content)")
        ->check(CLI::IsMember({"ais", "gpx", "csv"}));
    imp->add_option("--columns", opt->read.columns,
                    "CSV column mapping, e.g. vessel=boat,time=ts,lat=y,lon=x (or x=..,y=..,crs=EPSG:27700)");
    imp->add_option("--fleet", opt->fleet, "Fleet register CSV (also stored in the workspace as table 'fleet')");
    imp->add_option("--max-gap", opt->read.max_gap_s, "Start a new leg after this many seconds without a fix")
        ->capture_default_str();
    imp->add_option("--max-speed", opt->read.max_speed_kn, "Drop fixes implying more than this speed (knots)")
        ->capture_default_str();
    imp->add_flag("--replace", opt->replace, "Replace all tracks in the workspace instead of adding to them");
    imp->add_flag("--all-problems", opt->all_problems, "List every problem, not the first 20");
    imp->add_flag("--follow", opt->follow,
                  "Keep importing one AIS log as another program appends to it (AIS-catcher, rtl-ais, a gpsd relay), "
                  "committing in batches, until Ctrl-C / SIGTERM");
    imp->add_option("--batch-lines", opt->batch_lines, "With --follow: commit after this many lines read...")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    imp->add_option("--batch-seconds", opt->batch_seconds, "...or this many seconds after the first uncommitted line")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    imp->callback([opt, &ctx] { ctx.exit_code = import_tracks(*opt); });
    add_tracks_plan_command(*tracks, ctx);
    add_tracks_synthesize_command(*tracks, ctx);
}

}  // namespace tidemark::cli
