// `tracks import --follow` as a receiver feeds it: a writer thread appends AIS sentences to a
// log (some lines in two writes, a copytruncate rotation midway) while the real `tidemark`
// follows it; the test then sends SIGINT and checks that the workspace holds every fix written,
// with the times and positions the writer chose.
#include "layers/ais/ais_encode.h"
#include "layers/tracks/track_store.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <thread>

extern char** environ;

namespace tidemark::test {
namespace {

namespace fs = std::filesystem;
namespace ais = layers::ais;
using namespace std::chrono_literals;

constexpr long long kStart = 1772366400;  // 2026-03-01T12:00:00Z

struct Written {
    std::uint32_t mmsi;
    long long t;
    double lat, lon;
};

// One position report as the receiver writes it: tag block with station and time, '\n' ended.
std::string sentence(const Written& w) {
    ais::PositionA p;
    p.mmsi = w.mmsi;
    p.lat = w.lat;
    p.lon = w.lon;
    p.speed_kn = 7;
    p.course_deg = 90;
    int fill = 0;
    const std::string payload = ais::encode_position_a(p, &fill);
    std::string out;
    for (const auto& s : ais::nmea_sentences(payload, fill, 'A', 0, "test", w.t)) out += s + "\n";
    return out;
}

// Vessel i (0..2) at step k: one fix every 10 s, creeping east at about 7 knots. Coordinates
// are whole multiples of AIS's 1/600000 degree, so the encoded values are exact.
Written fix(int i, int k) {
    return {235000001u + static_cast<std::uint32_t>(i), kStart + 10LL * k, 50.2 + 0.01 * i, -0.5 + 0.0005 * k};
}

void append(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::app | std::ios::binary) << text << std::flush;
}

// Starts `tidemark args` with stdout and stderr going to files.
pid_t spawn_tidemark(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
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

// Waits (up to a minute: the machine may be busy) until `path` contains `text`.
bool wait_for_text(const std::string& path, const std::string& text) {
    for (auto until = std::chrono::steady_clock::now() + 60s; std::chrono::steady_clock::now() < until;
         std::this_thread::sleep_for(50ms))
        if (read_file(path).find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(TracksFollowCli, ImportsEveryFixAppendedWhileFollowingThroughARotationAndStopsOnSigint) {
    ScratchDir dir;
    const std::string ws = dir.file("ws.gpkg"), log = dir.file("receiver.nmea");
    const std::string coast = dir.write("coast.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature",
 "properties":{},"geometry":{"type":"Polygon","coordinates":[[[-1,50.5],[1,50.5],[1,51.5],[-1,51.5],[-1,50.5]]]}}]})");
    ASSERT_EQ(run_tidemark({"workspace", "new", ws, "--coast", coast}).exit_code, 0);
    // A receiver's log starts with whatever it had written before the import was started.
    std::vector<Written> written;
    std::string first;
    for (int k = 0; k < 4; ++k)
        for (int i = 0; i < 3; ++i) {
            written.push_back(fix(i, k));
            first += sentence(written.back());
        }
    append(log, first);
    const std::string out = dir.file("out.txt"), err = dir.file("err.txt");
    const pid_t pid = spawn_tidemark({"tracks", "import", ws, log, "--format", "ais", "--follow", "--batch-lines", "25",
                                      "--batch-seconds", "1"},
                                     out, err);
    ASSERT_GT(pid, 0);

    // The writer: 20 more steps of 3 vessels, a few lines at a time; every fifth line written in
    // two parts with a pause between, so the follower meets a part line at the end of the log.
    std::size_t lines_before_rotation = 12;
    std::thread writer([&] {
        for (int k = 4; k < 24; ++k)
            for (int i = 0; i < 3; ++i) {
                written.push_back(fix(i, k));
                const std::string s = sentence(written.back());
                if (written.size() % 5 == 0) {
                    append(log, s.substr(0, 30));
                    std::this_thread::sleep_for(300ms);
                    append(log, s.substr(30));
                } else {
                    append(log, s);
                    std::this_thread::sleep_for(20ms);
                }
                ++lines_before_rotation;
            }
    });
    writer.join();
    // Everything committed before the rotation, so nothing depends on when the follower polls.
    ASSERT_TRUE(wait_for_text(out, "committed: " + std::to_string(lines_before_rotation) + " line(s) read"))
        << read_file(out) << read_file(err);

    // copytruncate rotation: the log is copied aside and emptied in place.
    fs::copy_file(log, dir.file("receiver.nmea.1"));
    fs::resize_file(log, 0);
    ASSERT_TRUE(wait_for_text(err, "the file shrank")) << read_file(err);
    std::string after;
    for (int k = 24; k < 34; ++k)
        for (int i = 0; i < 3; ++i) {
            written.push_back(fix(i, k));
            after += sentence(written.back());
        }
    append(log, after);
    // Straight away: the lines in the log when the signal arrives are still read and committed.
    ASSERT_EQ(::kill(pid, SIGINT), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 0) << read_file(err);
    const std::string said = read_file(out);
    EXPECT_NE(said.find("stopped by a signal"), std::string::npos) << said;
    EXPECT_NE(said.find("102 fix(es) of 3 vessel(s) in 3 leg(s) from this log"), std::string::npos) << said;
    EXPECT_NE(said.find("read again from its start 1 time(s)"), std::string::npos) << said;

    std::string error;
    auto w = layers::Workspace::open(ws, &error);
    ASSERT_TRUE(w) << error;
    ASSERT_TRUE(layers::has_packed_tracks(*w));
    // One point per fix, as `export --layer track_points` makes them from the stored legs.
    const layers::Layer fixes = layers::track_points_layer(layers::load_tracks(*w));
    const layers::Layer* pts = &fixes;
    ASSERT_EQ(written.size(), 102u);
    ASSERT_EQ(pts->features().size(), written.size());
    // Stored positions are British National Grid metres: back to WGS 84 with GDAL's own
    // transformation to compare with what the writer chose.
    OGRSpatialReference bng, wgs84;
    bng.importFromEPSG(27700);
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84(OGRCreateCoordinateTransformation(&bng, &wgs84));
    ASSERT_TRUE(to_wgs84);
    std::map<std::pair<std::int64_t, long long>, const layers::Feature*> stored;
    const int f_mmsi = pts->field_index("mmsi"), f_unix = pts->field_index("unix_time");
    for (const auto& f : pts->features())
        stored[{static_cast<std::int64_t>(*layers::to_number(f.values[f_mmsi])),
                static_cast<long long>(*layers::to_number(f.values[f_unix]))}] = &f;
    ASSERT_EQ(stored.size(), written.size()) << "a fix is stored twice";
    for (const Written& wr : written) {
        auto it = stored.find({wr.mmsi, wr.t});
        ASSERT_NE(it, stored.end()) << "MMSI " << wr.mmsi << " at " << wr.t << " missing";
        double x = it->second->geometry.points.front().x, y = it->second->geometry.points.front().y;
        ASSERT_TRUE(to_wgs84->Transform(1, &x, &y));
        EXPECT_NEAR(x, wr.lon, 1e-6) << wr.mmsi << " " << wr.t;  // 1e-6 degree: under 0.1 m
        EXPECT_NEAR(y, wr.lat, 1e-6) << wr.mmsi << " " << wr.t;
    }
}

TEST(TracksFollowCli, FollowingAgainDoesNotStoreTheSameFixesTwice) {
    ScratchDir dir;
    const std::string ws = dir.file("ws.gpkg"), log = dir.file("receiver.nmea");
    const std::string coast = dir.write("coast.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature",
 "properties":{},"geometry":{"type":"Polygon","coordinates":[[[-1,50.5],[1,50.5],[1,51.5],[-1,51.5],[-1,50.5]]]}}]})");
    ASSERT_EQ(run_tidemark({"workspace", "new", ws, "--coast", coast}).exit_code, 0);
    std::string text;
    for (int k = 0; k < 10; ++k) text += sentence(fix(0, k));
    append(log, text);
    for (int run = 0; run < 2; ++run) {
        const std::string out = dir.file("out.txt"), err = dir.file("err.txt");
        const pid_t pid = spawn_tidemark({"tracks", "import", ws, log, "--follow"}, out, err);
        ASSERT_TRUE(wait_for_text(out, "following")) << read_file(err);
        ASSERT_EQ(::kill(pid, SIGTERM), 0);
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        ASSERT_TRUE(WIFEXITED(status));
        EXPECT_EQ(WEXITSTATUS(status), 0) << read_file(err);
        if (run == 1) {
            EXPECT_NE(read_file(out).find("10 fix(es) were already in the workspace"), std::string::npos) << read_file(out);
        }
    }
    std::string error;
    auto w = layers::Workspace::open(ws, &error);
    ASSERT_TRUE(w) << error;
    ASSERT_TRUE(layers::has_packed_tracks(*w));
    EXPECT_EQ(layers::track_points_layer(layers::load_tracks(*w)).features().size(), 10u);
}

TEST(TracksFollowCli, FollowTakesOneAisLog) {
    ScratchDir dir;
    auto r = run_tidemark({"tracks", "import", dir.file("ws.gpkg"), dir.write("a.csv", "x"), "--format", "csv", "--follow"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--follow reads AIS NMEA logs only"), std::string::npos) << r.err;
}

}  // namespace tidemark::test
