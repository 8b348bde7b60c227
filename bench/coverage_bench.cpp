// Coverage benchmark: prints, in one run on the same data, Tidemark's fixes per second against the
// GEOS STRtree peer (shapely-2 method) and PostGIS (ST_DWithin join with GiST) on 20k fixes, the
// ratios, and the month-scale run (12 vessels, a fix every 10 s for 30 days, the GB coast at
// 1 km segments): wall time on 2 threads and peak RSS.
// Usage: coverage_bench [--radius-nm R] [--no-postgis] [--no-month] [--repeat N]
// (--no-month skips the month-scale run; --repeat N times the 20k-fix run N times, for profiling)
#include "bench/coverage_geos_peer.h"
#include "bench/month_patrols.h"
#include "geo/coverage.h"
#include "geo/gaps.h"
#include "layers/coverage/coverage_store.h"
#include "layers/io/ogr_reader.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <ctime>

using namespace tidemark;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU seconds used by the whole process (all threads): the work done, whatever else the machine runs.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// FNV-1a over every bit of the result (intervals, statistics, observers): proves an
// optimisation changed nothing, to the last bit, on the benchmark's data.
std::uint64_t result_checksum(const geo::CoverageResult& r) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](const void* p, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) h = (h ^ static_cast<const unsigned char*>(p)[i]) * 1099511628211ull;
    };
    for (const auto& s : r.segments) {
        for (const auto& iv : s.observed) mix(&iv, sizeof iv);
        mix(&s.observed_s, sizeof s.observed_s);
        mix(&s.visits, sizeof s.visits);
        mix(&s.max_gap_s, sizeof s.max_gap_s);
        for (auto o : s.observers) mix(&o, sizeof o);
    }
    return h;
}

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

double top_speed_kn(const std::vector<geo::Track>& tracks) {
    double top = 0;
    for (const auto& t : tracks)
        for (const auto& leg : t.legs)
            for (std::size_t k = 1; k < leg.fixes.size(); ++k)
                top = std::max(top, std::hypot(leg.fixes[k].p.x - leg.fixes[k - 1].p.x, leg.fixes[k].p.y - leg.fixes[k - 1].p.y) /
                                        (leg.fixes[k].t - leg.fixes[k - 1].t) * 3600 / 1852);
    return top;
}

std::vector<geo::Track> first_fixes(const std::vector<geo::Track>& tracks, std::size_t per_track) {
    std::vector<geo::Track> out = tracks;
    for (auto& t : out) t.legs[0].fixes.resize(std::min(per_track, t.legs[0].fixes.size()));
    return out;
}

std::map<std::string, std::string> run_postgis(const std::vector<geo::CoastSegment>& segs, const std::vector<geo::Track>& tracks,
                                               double range_m) {
    const auto dir = std::filesystem::temp_directory_path() / ("tidemark_bench_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        std::ofstream fixes(dir / "fixes.csv");
        std::size_t id = 0;
        char buf[96];
        for (const auto& t : tracks)
            for (const auto& f : t.legs[0].fixes) {
                std::snprintf(buf, sizeof buf, "%zu,%.3f,%.3f\n", ++id, f.p.x, f.p.y);
                fixes << buf;
            }
        std::ofstream out(dir / "segments.csv");
        for (const auto& s : segs) {
            out << s.id << ",\"LINESTRING(";
            for (std::size_t i = 0; i < s.path.size(); ++i) {
                std::snprintf(buf, sizeof buf, "%s%.3f %.3f", i ? "," : "", s.path[i].x, s.path[i].y);
                out << buf;
            }
            out << ")\"\n";
        }
    }
    const auto script = std::filesystem::path(__FILE__).parent_path() / "postgis_coverage.sh";
    const std::string cmd = "bash '" + script.string() + "' '" + dir.string() + "' " + std::to_string(range_m) + " 2>" +
                            (dir / "stderr.txt").string();
    std::map<std::string, std::string> result;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, p)) {
            std::string s(line);
            if (auto eq = s.find('='); eq != std::string::npos) result[s.substr(0, eq)] = s.substr(eq + 1, s.find_last_not_of("\n") - eq);
        }
        const int rc = ::pclose(p);
        if (rc != 0) result["error"] = "script exited with status " + std::to_string(rc) + " (see " + (dir / "stderr.txt").string() + ")";
    }
    if (!result.count("error")) std::filesystem::remove_all(dir);
    return result;
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    in >> one;
    return one.empty() ? "?" : one;
}

}  // namespace

int main(int argc, char** argv) {
    double radius_nm = 10;
    bool postgis = true;
    bool month_run = true;
    int repeats = 5;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--radius-nm" && i + 1 < argc) radius_nm = std::atof(argv[++i]);
        if (a == "--no-postgis") postgis = false;
        if (a == "--no-month") month_run = false;
        if (a == "--repeat" && i + 1 < argc) repeats = std::max(1, std::atoi(argv[++i]));
    }
    const double range = radius_nm * 1852.0;
    const std::string coast_path = std::string(TIDEMARK_SHARED_DATA) + "/coast/gb_coastline_osm.gpkg";
    layers::ReadOptions ro;
    ro.role = layers::LayerRole::Coastline;
    ro.validate_polygons = false;
    const layers::ReadResult read = layers::read_vector(coast_path, ro);
    if (!read.ok || read.layers.empty()) {
        std::fprintf(stderr, "coverage_bench: cannot read %s: %s\n", coast_path.c_str(), read.error.c_str());
        return 1;
    }
    const auto lines = layers::coast_lines(read.layers.front());
    auto t = std::chrono::steady_clock::now();
    const auto segs = geo::cut_coast_segments(lines, 1000);
    const double seg_s = seconds_since(t);
    double coast_km = 0;
    for (const auto& s : segs) coast_km += s.length_m / 1000;
    std::printf("coast: %s, %zu lines, %.0f km, %zu segments of ~1 km (cut in %.3f s); sensor range %.1f nm = %.0f m\n",
                coast_path.c_str(), lines.size(), coast_km, segs.size(), seg_s, radius_nm, range);

    const geo::UnixTime t0 = *geo::parse_iso8601("2026-03-01T00:00:00Z");
    // --- Month scale: 12 vessels x 30 days x a fix every 10 s.
    if (month_run) {
        const auto month = bench::synthetic_patrols(lines, 12, 30, 10, t0);
        std::size_t n = 0;
        for (const auto& tr : month) n += tr.legs[0].fixes.size();
        geo::CoverageOptions o;
        o.from = t0;
        o.to = t0 + 30 * 86400.0;
        o.threads = 2;
        const std::vector<double> ranges(month.size(), range);
        t = std::chrono::steady_clock::now();
        const double cpu0 = cpu_seconds();
        const auto cov = geo::compute_coverage(segs, month, ranges, o);
        const double engine_s = seconds_since(t);
        const double engine_cpu = cpu_seconds() - cpu0;
        t = std::chrono::steady_clock::now();
        const auto gaps = geo::analyse_gaps(segs, cov, 0, {}, {});
        const double gaps_s = seconds_since(t);
        std::size_t observed = 0;
        for (const auto& c : cov.segments) observed += c.visits > 0;
        std::printf("month scale: %zu fixes (12 vessels, 10 s, 30 days, top speed %.1f kn), %zu segments: coverage %.2f s + gaps %.3f s on 2 threads "
                    "= %.2f s (goal <= 10 s); %.2f M fixes/s; peak RSS %.0f MB (goal < 2048 MB); %zu segments observed, %zu gaps\n",
                    n, top_speed_kn(month), segs.size(), engine_s, gaps_s, engine_s + gaps_s, n / engine_s / 1e6, peak_rss_mb(), observed, gaps.gaps.size());
        std::printf("month scale result checksum %016llx\n", static_cast<unsigned long long>(result_checksum(cov)));
        std::printf("month scale CPU: %.2f s of CPU over both threads (wall on an idle 2-core machine would be about %.2f s); "
                    "load average now %s\n", engine_cpu, engine_cpu / 2, load_average().c_str());
    }

    // --- 20k fixes: Tidemark vs GEOS vs PostGIS.
    const auto all = bench::synthetic_patrols(lines, 12, 1, 10, t0);
    const auto small = first_fixes(all, 1667);
    std::size_t n = 0;
    for (const auto& tr : small) n += tr.legs[0].fixes.size();
    const std::vector<double> ranges(small.size(), range);
    geo::CoverageOptions o;
    o.from = t0;
    o.to = t0 + 86400;
    double best2 = 1e30, best1 = 1e30, best1_cpu = 1e30;
    geo::CoverageResult cov;
    for (int rep = 0; rep < repeats; ++rep) {
        o.threads = 2;
        t = std::chrono::steady_clock::now();
        cov = geo::compute_coverage(segs, small, ranges, o);
        best2 = std::min(best2, seconds_since(t));
        o.threads = 1;
        t = std::chrono::steady_clock::now();
        const double cpu0 = cpu_seconds();
        cov = geo::compute_coverage(segs, small, ranges, o);
        best1 = std::min(best1, seconds_since(t));
        best1_cpu = std::min(best1_cpu, cpu_seconds() - cpu0);
    }
    std::printf("20k result checksum %016llx\n", static_cast<unsigned long long>(result_checksum(cov)));
    std::size_t tm_segs = 0;
    for (const auto& c : cov.segments) tm_segs += c.visits > 0;
    const double tm_rate = n / best2;
    std::printf("20k fixes (%zu): Tidemark %.4f s on 2 threads = %.0f fixes/s (1 thread: %.4f s = %.0f fixes/s); %zu segments observed\n",
                n, best2, tm_rate, best1, n / best1, tm_segs);

    std::vector<double> geos_observed;
    std::vector<std::uint32_t> geos_pairs;
    t = std::chrono::steady_clock::now();
    const double geos_cpu0 = cpu_seconds();
    bench::GeosPeer peer(segs);
    const std::size_t pairs = peer.run(small, range, geos_observed, geos_pairs);
    const double geos_s = seconds_since(t);
    const double geos_cpu = cpu_seconds() - geos_cpu0;
    std::size_t geos_segs = 0;
    for (std::uint32_t p : geos_pairs) geos_segs += p > 0;  // segments within range of some fix, as PostGIS counts
    const double geos_rate = n / geos_s;
    std::printf("GEOS STRtree peer (shapely-2 method, 1 thread): %.3f s = %.0f fixes/s; %zu (fix, segment) pairs, %zu segments observed\n",
                geos_s, geos_rate, pairs, geos_segs);
    std::printf("ratio Tidemark / GEOS: %.1fx (goal >= 50x); per thread: %.1fx\n", tm_rate / geos_rate, (n / best1) / geos_rate);
    std::printf("per CPU second (1 thread each, immune to other load): Tidemark %.0f fixes/CPU-s, GEOS %.0f fixes/CPU-s: %.1fx\n",
                n / best1_cpu, n / geos_cpu, geos_cpu / best1_cpu);

    if (postgis) {
        const auto pg = run_postgis(segs, small, range);
        if (pg.count("error") || !pg.count("postgis_join_seconds")) {
            std::printf("PostGIS: not measured: %s\n", pg.count("error") ? pg.at("error").c_str() : "no timing printed");
        } else {
            const double pg_s = std::atof(pg.at("postgis_join_seconds").c_str());
            const double pg_rate = n / pg_s;
            std::printf("PostGIS 3 / PostgreSQL 15 ST_DWithin join with GiST: %.3f s = %.0f fixes/s; %s pairs, %s segments observed\n",
                        pg_s, pg_rate, pg.at("postgis_pairs").c_str(), pg.at("postgis_segments").c_str());
            std::printf("ratio Tidemark / PostGIS: %.1fx (goal >= 100x)\n", tm_rate / pg_rate);
        }
    }
    std::printf("peak RSS of the whole benchmark: %.0f MB; load average at the end %s on %u cores\n", peak_rss_mb(),
                load_average().c_str(), std::thread::hardware_concurrency());
    return 0;
}
