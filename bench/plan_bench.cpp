// Plan benchmarks (issue 12), printed as numbers like coverage_bench:
// - reconcile: a month of patrols (the coverage benchmark's 3,110,400 fixes: 12 vessels, a fix
//   every 10 s for 30 days round the GB coast) against a plan of 500 accepted tasks, the way
//   `tidemark plan reconcile` runs it (tracks loaded from the workspace); goal <= 2 s on 2 cores.
// - suggest: 7 days x 10 assets (the register's five cutters and five coastal patrol vessels at
//   their demo bases) x 1000 draws on the OSM GB coast, every sortie routed at sea, as
//   `tidemark plan suggest --draws 1000` runs it; goal <= 10 s.
// Usage: plan_bench [--no-reconcile] [--no-suggest] [--draws N]
#include "bench/month_patrols.h"
#include "geo/crs.h"
#include "geo/seeded_random.h"
#include "layers/coverage/coverage_store.h"
#include "layers/tracks/fleet.h"
#include "layers/io/ogr_reader.h"
#include "layers/plan/plan_edit.h"
#include "layers/plan/plan_reconcile.h"
#include "layers/plan/plan_suggest.h"
#include "layers/io/ports_csv.h"
#include "layers/tracks/track_io.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>

using namespace tidemark;
using namespace tidemark::layers::plan;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    in >> one;
    return one.empty() ? "?" : one;
}

layers::Layer read_layer(const std::string& path, layers::LayerRole role) {
    layers::ReadOptions ro;
    ro.role = role;
    ro.validate_polygons = false;
    layers::ReadResult r = layers::read_vector(path, ro);
    if (!r.ok || r.layers.empty()) {
        std::fprintf(stderr, "plan_bench: cannot read %s: %s\n", path.c_str(), r.error.c_str());
        std::exit(1);
    }
    return std::move(r.layers.front());
}

int bench_reconcile(const layers::Layer& coast_layer) {
    layers::Workspace ws;
    ws.put(coast_layer);
    const auto lines = layers::coast_lines(coast_layer);
    const geo::UnixTime t0 = *geo::parse_iso8601("2026-03-01T00:00:00Z");
    auto month = bench::synthetic_patrols(lines, 12, 30, 10, t0);
    std::vector<layers::Vessel> fleet;
    for (std::size_t i = 0; i < month.size(); ++i) {
        layers::Vessel v;
        v.name = month[i].vessel;
        v.agency = "Border Force";
        v.vessel_class = "cutter";
        v.antenna_height_m = 100;  // a horizon beyond 10 nm, so the 10 nm radar cap is the range (as coverage_bench)
        v.radar_range_nm = 10;
        v.cruise_speed_kn = 12;
        v.max_speed_kn = 26;
        v.endurance_h = 168;
        fleet.push_back(v);
    }
    layers::store_fleet(ws, fleet);
    std::size_t fixes = 0;
    for (const auto& t : month) fixes += t.legs[0].fixes.size();
    layers::store_tracks(ws, month);

    geo::Problems problems;
    const PlanCoast coast = plan_coast(ws, 1000, problems);
    PlanBook book;
    EditContext ctx{&coast, &fleet, "bench", t0};
    if (auto e = new_plan(book, ctx, {"Month", t0, t0 + 30 * 86400.0, 1000, 86400}); !e.empty()) {
        std::fprintf(stderr, "plan_bench: %s\n", e.c_str());
        return 1;
    }
    // 500 accepted tasks of 4-12 h for a random vessel: 4 in 5 on 20 km of the ring starting
    // where the vessel is when the window opens, ahead of it or behind it; 1 in 5 on 20 km anywhere.
    std::vector<double> line_m;
    for (const auto& seg : coast.segments) {
        if (seg.line_id >= line_m.size()) line_m.resize(seg.line_id + 1, 0);
        line_m[seg.line_id] += seg.length_m;
    }
    const auto ring = static_cast<std::uint32_t>(std::max_element(line_m.begin(), line_m.end()) - line_m.begin());
    geo::SeededRandom rng(2026);
    auto run_of = [&](std::uint32_t at, bool ahead) {
        const std::uint32_t line = coast.segments[at].line_id;
        std::uint32_t from = at, to = at;
        for (int k = 0; k < 19; ++k) {
            if (ahead && to + 1 < coast.segments.size() && coast.segments[to + 1].line_id == line) ++to;
            if (!ahead && from > 0 && coast.segments[from - 1].line_id == line) --from;
        }
        return Stretch{from, to};
    };
    for (int k = 0; k < 500; ++k) {
        Task t;
        t.plan = "Month";
        t.agency = kBorderForceCode;
        const std::size_t v = rng.below(fleet.size());
        t.asset = fleet[v].name;
        const std::uint64_t hour = rng.below(29 * 24);
        t.from = t0 + 3600.0 * static_cast<double>(hour);
        t.to = t.from + 3600.0 * static_cast<double>(4 + rng.below(9));
        if (rng.below(5) == 0) {
            t.stretch = run_of(static_cast<std::uint32_t>(rng.below(coast.segments.size())), true);
        } else {
            const geo::XY at = month[v].legs[0].fixes[static_cast<std::size_t>(hour * 360)].p;
            std::uint32_t nearest = 0;
            double best = 1e300;
            for (const auto& seg : coast.segments)
                if (seg.line_id == ring)
                    if (double d = std::hypot(seg.midpoint.x - at.x, seg.midpoint.y - at.y); d < best) best = d, nearest = seg.id;
            t.stretch = run_of(nearest, rng.below(2) == 0);
        }
        t.status = TaskStatus::Accepted;
        if (auto e = add_task(book, ctx, t); !e.empty()) {
            std::fprintf(stderr, "plan_bench: task %d: %s\n", k, e.c_str());
            return 1;
        }
    }
    month.clear();
    // The part of the run that only reads the stored tracks back (reconcile does it again).
    const auto tl = std::chrono::steady_clock::now();
    const double load_cpu0 = cpu_seconds();
    const std::size_t loaded = layers::load_tracks(ws).size();
    const double load_s = seconds_since(tl), load_cpu = cpu_seconds() - load_cpu0;
    const auto t = std::chrono::steady_clock::now();
    const double cpu0 = cpu_seconds();
    const Reconciliation r = reconcile_plan(ws, book, book.plans[0], coast);
    const double wall = seconds_since(t), cpu = cpu_seconds() - cpu0;
    int done = 0, partly = 0, missed = 0, unjudged = 0;
    for (const auto& row : r.by_agency) done += row.done, partly += row.partly, missed += row.missed, unjudged += row.unjudged;
    std::printf("reconcile: %zu fixes (%zu used), %zu segments, %zu tasks: %.2f s wall, %.2f CPU-s (goal <= 2 s on 2 cores), "
                "(reading the %zu tracks back from the workspace alone: %.2f s, %.2f CPU-s); done %d, partly %d, missed %d, not judged %d; "
                "observed %.0f km; peak RSS %.0f MB; load average %s\n",
                fixes, r.fixes, coast.segments.size(), r.tasks.size(), wall, cpu, loaded, load_s, load_cpu, done, partly, missed, unjudged,
                r.observed_m / 1000, peak_rss_mb(), load_average().c_str());
    return 0;
}

int bench_suggest(const layers::Layer& coast_layer, int draws) {
    layers::Workspace ws;
    ws.put(coast_layer);
    const std::string data = std::string(TIDEMARK_SOURCE_DIR) + "/data";
    const auto ports = layers::read_ports_csv(data + "/ports.csv");
    const auto fleet_read = layers::read_fleet_csv(data + "/fleet.csv");
    if (!ports.ok || !fleet_read.ok) {
        std::fprintf(stderr, "plan_bench: cannot read data/ports.csv or data/fleet.csv\n");
        return 1;
    }
    layers::Layer pl;
    pl.name = "ports";
    pl.role = layers::LayerRole::Ports;
    pl.fields = {{"name", layers::FieldType::String}};
    geo::Transformer to_bng(geo::Crs::wgs84(), geo::Crs::british_national_grid());
    for (std::size_t i = 0; i < ports.ports.size(); ++i) {
        layers::Feature f;
        f.fid = static_cast<std::int64_t>(i + 1);
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {to_bng.forward(geo::XY{ports.ports[i].lon, ports.ports[i].lat})};
        f.values = {ports.ports[i].name};
        pl.features().push_back(std::move(f));
    }
    ws.put(pl);
    layers::store_fleet(ws, fleet_read.vessels);
    const geo::UnixTime t0 = *geo::parse_iso8601("2026-03-02T00:00:00Z");
    geo::Problems problems;
    const PlanCoast coast = plan_coast(ws, 1000, problems);
    PlanBook book;
    EditContext ctx{&coast, &fleet_read.vessels, "bench", t0};
    if (auto e = new_plan(book, ctx, {"Week", t0, t0 + 7 * 86400.0, 1000, 86400}); !e.empty()) {
        std::fprintf(stderr, "plan_bench: %s\n", e.c_str());
        return 1;
    }
    SuggestOptions o;
    o.seed = 42;
    for (const auto& v : fleet_read.vessels)
        if (v.vessel_class == "cutter" || v.vessel_class == "coastal_patrol_vessel") o.assets.push_back(v.name);
    o.assets.resize(std::min<std::size_t>(o.assets.size(), 10));

    const auto t = std::chrono::steady_clock::now();
    const double cpu0 = cpu_seconds();
    Suggester s(ws, book, book.plans[0], coast, o);
    if (!s.ok()) {
        std::fprintf(stderr, "plan_bench: %s\n", s.error().c_str());
        return 1;
    }
    const double prepare = seconds_since(t);
    std::size_t sorties = 0, waypoints = 0, via_base = 0;
    for (int k = 0; k < draws; ++k)
        for (int d = 0; d < s.days(); ++d)
            for (const Sortie& so : s.draw(d, static_cast<std::uint64_t>(k))) ++sorties, waypoints += so.route.size(), via_base += so.via_base;
    const double wall = seconds_since(t), cpu = cpu_seconds() - cpu0;
    std::size_t reach = 0;
    for (const auto& a : s.assets()) reach += a.reach.size();
    std::printf("suggest: %d days x %zu assets x %d draws on %zu segments (%zu stretches, %zu asset-stretch pairs in reach): "
                "%.2f s wall (prepare %.2f s: grids, stations, reach, game), %.2f CPU-s (goal <= 10 s); %zu sorties routed, "
                "%.1f waypoints each, %zu via base; peak RSS %.0f MB; load average %s\n",
                s.days(), s.assets().size(), draws, coast.segments.size(), s.targets().size(), reach, wall, prepare, cpu, sorties,
                sorties ? static_cast<double>(waypoints) / sorties : 0.0, via_base, peak_rss_mb(), load_average().c_str());
    for (const auto& p : s.problems()) std::printf("  note: %s: %s\n", p.feature.c_str(), p.reason.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    bool reconcile = true, suggest = true;
    int draws = 1000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--no-reconcile") reconcile = false;
        if (a == "--no-suggest") suggest = false;
        if (a == "--draws" && i + 1 < argc) draws = std::max(1, std::atoi(argv[++i]));
    }
    const std::string coast_path = std::string(TIDEMARK_SHARED_DATA) + "/coast/gb_coastline_osm.gpkg";
    const layers::Layer coast = read_layer(coast_path, layers::LayerRole::Coastline);
    int rc = 0;
    if (suggest) rc |= bench_suggest(coast, draws);
    if (reconcile) rc |= bench_reconcile(coast);
    return rc;
}
