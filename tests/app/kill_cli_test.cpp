// kill -9 at random moments during the commands that write files. After each kill the target
// must hold either its old or its new complete content; temporaries a kill leaves behind must
// be gone after the next run (which says so on stderr). Kill moments come from a fixed seed
// and span one uninterrupted run, so they land before, during and after the write.
#include "layers/io/gdal_handles.h"
#include "layers/tracks/track_store.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <thread>

extern char** environ;

namespace tidemark::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kKills = 20;
// Enough fixes that a run takes a few hundred milliseconds, so kills land mid-write; few enough
// that 2 x 21 runs stay well under a minute.
constexpr std::size_t kFixes = 12000;

// Starts `tidemark args` with its output discarded.
pid_t spawn_tidemark(const std::vector<std::string>& args) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::string exe = TIDEMARK_EXE;
    std::vector<std::string> copy = args;
    std::vector<char*> argv{exe.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

std::vector<std::string> temporaries_in(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".partial-") != std::string::npos) out.push_back(e.path().filename().string());
    return out;
}

struct KillStats {
    int killed = 0, finished = 0, runs_leaving_temporaries = 0;
};

// Runs `args` until kKills runs were killed with SIGKILL, each after a random delay in
// [0, 1.1 x the time of a full run] (a run that finishes first counts as finished, not as a
// kill: on a loaded machine run times vary); `check` asserts the target after every run. Then
// one run to completion, after which no temporary may remain.
KillStats kill_repeatedly(const std::vector<std::string>& args, const fs::path& dir, const std::function<void()>& check,
                          unsigned seed) {
    const auto t0 = Clock::now();
    auto full = run_tidemark(args);
    EXPECT_EQ(full.exit_code, 0) << full.err;
    const auto full_us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
    std::mt19937 rng(seed);
    std::uniform_int_distribution<long> delay(0, full_us * 11 / 10);
    KillStats stats;
    for (int attempt = 0; stats.killed < kKills && attempt < 3 * kKills; ++attempt) {
        pid_t pid = spawn_tidemark(args);
        EXPECT_GT(pid, 0);
        std::this_thread::sleep_for(std::chrono::microseconds(delay(rng)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        (WIFSIGNALED(status) ? stats.killed : stats.finished)++;
        stats.runs_leaving_temporaries += !temporaries_in(dir).empty();
        check();
    }
    EXPECT_EQ(stats.killed, kKills) << "too few runs could be interrupted: " << stats.finished << " finished first";
    const bool strays = !temporaries_in(dir).empty();
    auto next = run_tidemark(args);
    EXPECT_EQ(next.exit_code, 0) << next.err;
    if (strays) {
        EXPECT_NE(next.err.find("a temporary file left by an interrupted run"), std::string::npos) << next.err;
    }
    EXPECT_EQ(temporaries_in(dir), std::vector<std::string>{});
    check();
    std::printf("[ kills    ] %s: %d killed, %d finished first, a temporary beside the target after %d runs, "
                "none after the next run\n",
                args[0].c_str(), stats.killed, stats.finished, stats.runs_leaving_temporaries);
    return stats;
}

// A workspace on a small coast and a CSV of `fixes` position reports of three vessels.
struct Fixture {
    ScratchDir dir;
    std::string ws, tracks;
    std::size_t fixes = 0;
    explicit Fixture(std::size_t n) : fixes(n) {
        ws = dir.file("ws.gpkg");
        const std::string coast = dir.write("coast.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature",
 "properties":{},"geometry":{"type":"Polygon","coordinates":[[[-1,50.5],[1,50.5],[1,51.5],[-1,51.5],[-1,50.5]]]}}]})");
        auto r = run_tidemark({"workspace", "new", ws, "--coast", coast});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        std::string csv = "vessel,time,lat,lon\n";
        char row[128];
        for (std::size_t i = 0; i < n; ++i) {
            // One fix a minute per vessel, creeping east at about 2 knots.
            std::snprintf(row, sizeof row, "V%zu,%lld,%.5f,%.5f\n", i % 3, 1772366400LL + static_cast<long long>(i / 3) * 60,
                          50.2 + 0.01 * static_cast<double>(i % 3), -0.5 + 0.0005 * static_cast<double>(i / 3));
            csv += row;
        }
        tracks = dir.write("fixes.csv", csv);
    }
};

std::size_t fixes_in(const layers::Workspace& ws) {
    std::size_t n = 0;
    for (const auto& t : layers::load_tracks(ws))
        for (const auto& leg : t.legs) n += leg.fixes.size();
    return n;
}

std::size_t track_points_in(const std::string& ws_path) {
    std::string error;
    auto ws = layers::Workspace::open(ws_path, &error);
    EXPECT_TRUE(ws) << error;
    if (!ws) return static_cast<std::size_t>(-1);
    return fixes_in(*ws);
}

TEST(KillCli, TracksImportKilledLeavesTheOldOrNewWorkspaceAndNoStrays) {
    Fixture f(kFixes);
    const std::vector<std::string> args = {"tracks", "import", f.ws, f.tracks, "--replace"};
    // Old: no tracks (before the first import finished); new: every fix.
    kill_repeatedly(args, f.dir.path(), [&] {
        const std::size_t n = track_points_in(f.ws);
        EXPECT_TRUE(n == 0 || n == f.fixes) << n << " track points";
    }, 16);
}

TEST(KillCli, ExportKilledLeavesTheOldOrNewFileAndNoStrays) {
    Fixture f(kFixes);
    ASSERT_EQ(run_tidemark({"tracks", "import", f.ws, f.tracks}).exit_code, 0);
    const std::string out = f.dir.file("out.gpkg");
    ASSERT_EQ(run_tidemark({"export", f.ws, "--layer", "coastline", "--format", "gpkg", "-o", out}).exit_code, 0);
    const std::vector<std::string> args = {"export", f.ws, "--layer", "track_points", "--format", "gpkg", "-o", out, "-q"};
    // Old: the coastline export; new: the track points. Never both, never a broken file.
    kill_repeatedly(args, f.dir.path(), [&] {
        layers::ensure_gdal_registered();
        layers::DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(out.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
        ASSERT_TRUE(ds) << out << " cannot be opened";
        // Beside the layer, the export holds its QGIS style table.
        OGRLayer* old_layer = ds->GetLayerByName("coastline");
        OGRLayer* new_layer = ds->GetLayerByName("track_points");
        EXPECT_TRUE((old_layer != nullptr) != (new_layer != nullptr)) << "expected exactly one of coastline, track_points";
        if (old_layer) {
            EXPECT_EQ(old_layer->GetFeatureCount(), 1);
        }
        if (new_layer) {
            EXPECT_EQ(new_layer->GetFeatureCount(), static_cast<GIntBig>(f.fixes));
        }
    }, 23);
}

// Coverage stores three result layers in the workspace it reads; a kill must leave either no
// results or all of them, and the tracks it read untouched.
TEST(KillCli, CoverageIntoTheWorkspaceKilledLeavesOldOrNewResultsAndNoStrays) {
    Fixture f(kFixes);
    ASSERT_EQ(run_tidemark({"tracks", "import", f.ws, f.tracks}).exit_code, 0);
    const std::vector<std::string> args = {"coverage", f.ws, "--radius-nm", "20"};
    std::size_t segments = 0;  // learnt from the first complete run, which every later one repeats
    kill_repeatedly(args, f.dir.path(), [&] {
        std::string error;
        auto ws = layers::Workspace::open(f.ws, &error);
        ASSERT_TRUE(ws) << error;
        ASSERT_TRUE(ws->find("track_legs"));
        EXPECT_EQ(fixes_in(*ws), f.fixes);
        const layers::Layer* seg = ws->find("segments");
        ASSERT_TRUE(seg) << "the results of the completed first run are gone";
        if (segments == 0) segments = seg->features().size();
        EXPECT_GT(segments, 0u);
        EXPECT_EQ(seg->features().size(), segments);
        EXPECT_TRUE(ws->find("gaps") && ws->find("force_summary"));
    }, 42);
}

// Reports import replaces the workspace's reports layer: after a kill it holds none (before the
// first import finished) or every accepted report, never part of them.
TEST(KillCli, ReportsImportKilledLeavesTheOldOrNewLayerAndNoStrays) {
    Fixture f(100);
    const std::string reports = f.dir.file("reports.csv");
    ASSERT_EQ(run_tidemark({"reports", "synthesize", "--ports", std::string(TIDEMARK_SOURCE_DIR) + "/data/ports.csv",
                            "--from", "2026-03-01T00:00:00Z", "--to", "2026-03-08T00:00:00Z", "--count", "4000", "-o",
                            reports})
                  .exit_code,
              0);
    const std::vector<std::string> args = {"reports", "import", f.ws, reports};
    std::size_t accepted = 0;  // learnt from the first complete run, which every later one repeats
    kill_repeatedly(args, f.dir.path(), [&] {
        std::string error;
        auto ws = layers::Workspace::open(f.ws, &error);
        ASSERT_TRUE(ws) << error;
        const layers::Layer* layer = ws->find("reports");
        ASSERT_TRUE(layer) << "the reports of the completed first run are gone";
        if (accepted == 0) accepted = layer->features().size();
        EXPECT_GT(accepted, 0u);
        EXPECT_EQ(layer->features().size(), accepted);
    }, 7);
}

}  // namespace
}  // namespace tidemark::test
