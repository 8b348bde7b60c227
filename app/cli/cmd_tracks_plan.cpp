// `tidemark tracks plan WS.gpkg ROUTE_FILE... [--vessel NAME] [--start ISO] [--speed KN] [--fleet CSV]`:
// planned patrols become timed tracks flagged `planned` in the workspace's track layers.
#include "app/cli/open_workspace.h"
#include "app/cli/problem_printer.h"
#include "app/cli/tracks_commands.h"
#include "layers/tracks/planned_patrol.h"
#include "layers/tracks/track_io.h"

#include <cmath>
#include <iostream>

namespace tidemark::cli {
namespace {

struct PlanOptions {
    std::string workspace, vessel, start, fleet;
    std::vector<std::string> files;
    double speed_kn = 0;
    double step_s = 60;
};

int plan(const PlanOptions& opt) {
    std::string error;
    auto ws = open_workspace(opt.workspace, &error);
    if (!ws) return fail(error);
    geo::Problems problems;
    std::vector<layers::Vessel> fleet;
    if (!opt.fleet.empty()) {
        auto fr = layers::read_fleet_csv(opt.fleet);
        if (!fr.ok) return fail(fr.error);
        fleet = fr.vessels;
        layers::store_fleet(*ws, fleet);
    } else {
        fleet = layers::load_fleet(*ws);
    }
    layers::PlanReadOptions ro;
    ro.vessel = opt.vessel;
    ro.speed_kn = opt.speed_kn;
    if (!opt.start.empty()) {
        ro.start = geo::parse_iso8601(opt.start);
        if (!ro.start) return fail("--start '" + opt.start + "' is not an ISO 8601 time (e.g. 2026-03-01T08:00:00Z)");
    }
    std::vector<geo::Track> planned;
    int code = kOk;
    for (const auto& path : opt.files) {
        auto r = layers::read_planned_patrols(path, ws->crs(), ro);
        if (!r.ok) {
            code = fail(r.error);
            continue;
        }
        problems.insert(problems.end(), r.problems.begin(), r.problems.end());
        for (auto& p : r.patrols) {
            const layers::Vessel* v = layers::find_vessel(fleet, 0, p.vessel);
            if (v) p.vessel = v->name;
            if (p.speed_kn <= 0 && v) p.speed_kn = v->cruise_speed_kn;
            geo::Track t = layers::plan_track(p, opt.step_s);
            auto checks = layers::check_patrol(p, t, v);
            problems.insert(problems.end(), checks.begin(), checks.end());
            if (t.legs.empty()) {
                if (!std::isnan(p.start)) {
                    geo::Problem pr;
                    pr.severity = geo::Problem::Severity::Error;
                    pr.source = path;
                    pr.layer = "planned patrols";
                    pr.feature = p.vessel;
                    pr.line = p.line;
                    pr.reason = layers::impossible_patrol(p);
                    if (pr.reason.empty())
                        pr.reason = "needs at least 2 waypoints and a speed (speed_kn, --speed or the fleet's cruise speed)";
                    problems.push_back(std::move(pr));
                }
                continue;
            }
            t.mmsi = v ? v->mmsi : 0;
            const auto& f = t.legs[0].fixes;
            std::cout << "planned " << t.vessel << ": " << geo::format_iso8601(f.front().t) << " to "
                      << geo::format_iso8601(f.back().t) << ", " << p.waypoints.size() << " waypoints at " << p.speed_kn << " kn\n";
            planned.push_back(std::move(t));
        }
    }
    auto all = layers::load_tracks(*ws);
    merge_tracks(all, std::move(planned));
    layers::store_tracks(*ws, all);
    if (!ws->save(&error)) return fail(error);
    print_problems(std::cerr, problems);
    return code;
}

}  // namespace

void add_tracks_plan_command(CLI::App& tracks, Context& ctx) {
    auto opt = std::make_shared<PlanOptions>();
    CLI::App* cmd = tracks.add_subcommand("plan", "Add planned patrols (CSV waypoints, GeoJSON/GPX routes) as timed tracks flagged planned");
    cmd->add_option("workspace", opt->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("files", opt->files, "Route files: CSV (vessel,start,lat,lon,loiter_min,speed_kn) or GeoJSON/GPX routes")->required();
    cmd->add_option("--vessel", opt->vessel, "Vessel when the file does not name one");
    cmd->add_option("--start", opt->start, "Start time (ISO 8601) when the file does not give one");
    cmd->add_option("--speed", opt->speed_kn, "Transit speed in knots when the file does not give one (default: the vessel's cruise speed)");
    cmd->add_option("--fleet", opt->fleet, "Fleet register CSV (default: the workspace's fleet table)");
    cmd->add_option("--step", opt->step_s, "Seconds between generated fixes")->capture_default_str();
    cmd->callback([opt, &ctx] { ctx.exit_code = plan(*opt); });
}

}  // namespace tidemark::cli
