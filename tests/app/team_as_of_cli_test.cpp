// `--as-of T` on a team workspace: a coverage report produced at T1 is reproduced byte for byte
// with `--as-of T1` after late tracks arrived (which change the report made now), and `export
// --as-of T1` writes the rows as they were at T1. Against the throwaway server; skipped without one.
#include "geo/time.h"
#include "layers/io/import.h"
#include "layers/store/layer_hash.h"
#include "layers/io/ogr_reader.h"
#include "layers/tracks/track_io.h"
#include "layers/workspace.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace tidemark;
using test::run_tidemark;

namespace {

const char* kBng = R"("crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}})";
const geo::UnixTime kT0 = 1772323200;               // 2026-03-01T00:00:00Z
const std::string kRadiusNm = "2.699784017278618";  // 5000 m

// Coast along northing 100000 from easting 400000 to 410000 (ten 1 km segments).
std::string coast_geojson() {
    return std::string(R"({"type": "FeatureCollection", )") + kBng + R"(, "features": [
  {"type": "Feature", "properties": {"name": "shore"},
   "geometry": {"type": "LineString", "coordinates": [[400000, 100000], [410000, 100000]]}}]})";
}

// `vessel` 3 km off the coast at 10 m/s from easting `x0`, a fix every 10 s for 500 s... `steps` fixes.
std::string track_csv(const std::string& vessel, geo::UnixTime t0, int x0, int steps) {
    std::string s = "vessel,time,x,y\n";
    for (int k = 0; k <= steps; ++k)
        s += vessel + "," + geo::format_iso8601(t0 + 10 * k) + "," + std::to_string(x0 + 100 * k) + ",103000\n";
    return s;
}

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

double now_s() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The coverage layers of an output GeoPackage, as content hashes (bit for bit: every value and
// coordinate) with their feature counts.
std::string coverage_layers(const std::string& gpkg) {
    const auto r = layers::read_vector(gpkg);
    EXPECT_TRUE(r.ok) << r.error;
    std::string out;
    for (const char* name : {"segments", "gaps", "force_summary"})
        for (auto l : r.layers)
            if (l.name == name && (l.source.clear(), true))  // the file's own name is not content
                out += std::string(name) + " " + std::to_string(l.features().size()) + " " + std::to_string(layers::content_hash(l)) + "\n";
    EXPECT_NE(out.find("segments 10 "), std::string::npos) << out;
    return out;
}

}  // namespace

TEST(TeamAsOfCli, ACoverageReportAtT1IsReproducedExactlyAfterLateTracksArrived) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    // A workspace with the coast and Valiant passing the western half.
    const auto coast = layers::read_vector(dir.write("coast.geojson", coast_geojson()));
    ASSERT_TRUE(coast.ok) << coast.error;
    layers::Workspace ws;
    layers::Layer c = coast.layers.front();
    c.name = "coastline";
    c.role = layers::LayerRole::Coastline;
    ws.put(c);
    const auto tracks = layers::read_tracks(dir.write("valiant.csv", track_csv("Valiant", kT0, 380000, 250)), ws.crs());
    ASSERT_TRUE(tracks.ok) << tracks.error;
    layers::store_tracks(ws, tracks.tracks);
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;
    for (const std::vector<std::string>& step : {std::vector<std::string>{"team", "init", db.url()},
                                                 std::vector<std::string>{"team", "push", dir.file("ws.gpkg"), db.url(), "--owner", "BFMC"}}) {
        auto r = run_tidemark(step);
        ASSERT_EQ(r.exit_code, 0) << step[1] << ": " << r.err;
    }
    // T1: a whole second after the push committed; Monday's report is made then.
    const double t1 = std::floor(now_s()) + 1;
    std::this_thread::sleep_for(std::chrono::duration<double>(t1 + 0.05 - now_s()));
    const std::string at_t1 = geo::format_iso8601(t1);
    auto monday = run_tidemark({"coverage", db.url(), "--radius-nm", kRadiusNm, "-o", dir.file("monday.gpkg")});
    ASSERT_EQ(monday.exit_code, 0) << monday.err;
    auto tracks_monday = run_tidemark({"export", db.url(), "-l", "track_points", "-f", "csv", "-o", dir.file("points_monday.csv")});
    ASSERT_EQ(tracks_monday.exit_code, 0) << tracks_monday.err;

    // Late AIS: Vigilant passed the eastern half on the same day; it arrives after T1.
    auto late = run_tidemark({"tracks", "import", db.url(), dir.write("vigilant.csv", track_csv("Vigilant", kT0 + 100, 405000, 100))});
    ASSERT_EQ(late.exit_code, 0) << late.err;
    auto friday = run_tidemark({"coverage", db.url(), "--radius-nm", kRadiusNm, "-o", dir.file("friday.gpkg")});
    ASSERT_EQ(friday.exit_code, 0) << friday.err;
    EXPECT_NE(friday.out, monday.out);  // the late tracks change what is known now

    auto again = run_tidemark({"coverage", db.url(), "--radius-nm", kRadiusNm, "--as-of", at_t1, "-o", dir.file("again.gpkg")});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, monday.out);  // the printed report, byte for byte
    EXPECT_EQ(coverage_layers(dir.file("again.gpkg")), coverage_layers(dir.file("monday.gpkg")));
    EXPECT_NE(coverage_layers(dir.file("friday.gpkg")), coverage_layers(dir.file("monday.gpkg")));

    auto points_again = run_tidemark({"export", db.url(), "--as-of", at_t1, "-l", "track_points", "-f", "csv", "-o", dir.file("points_again.csv")});
    ASSERT_EQ(points_again.exit_code, 0) << points_again.err;
    EXPECT_EQ(bytes_of(dir.file("points_again.csv")), bytes_of(dir.file("points_monday.csv")));
    EXPECT_FALSE(bytes_of(dir.file("points_monday.csv")).empty());

    // The stored results are Friday's: a run as of T1 reports, it does not store.
    auto stored = layers::Workspace::open(db.url(), &error);
    ASSERT_TRUE(stored) << error;
    ASSERT_NE(stored->find("segments"), nullptr);
    layers::Layer segments = *stored->find("segments");
    const auto friday_file = layers::read_vector(dir.file("friday.gpkg"));
    ASSERT_TRUE(friday_file.ok) << friday_file.error;
    for (auto l : friday_file.layers)
        if (l.name == "segments") {
            ASSERT_EQ(l.features().size(), segments.features().size());
            for (std::size_t i = 0; i < l.features().size(); ++i)
                EXPECT_EQ(layers::to_string(l.value(l.features()[i], "observed_s")),
                          layers::to_string(segments.value(segments.features()[i], "observed_s")));
        }
}

TEST(TeamAsOfCli, AsOfIsRefusedWhereThereIsNoHistoryToRead) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    layers::Workspace ws;
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;
    auto gpkg = run_tidemark({"export", dir.file("ws.gpkg"), "--as-of", "2026-03-01T00:00:00Z", "-l", "all", "-f", "gpkg", "-o", dir.file("x.gpkg")});
    EXPECT_EQ(gpkg.exit_code, 1);
    EXPECT_NE(gpkg.err.find("keeps no history"), std::string::npos) << gpkg.err;
    for (const std::vector<std::string>& step :
         {std::vector<std::string>{"team", "init", db.url()}, std::vector<std::string>{"team", "push", dir.file("ws.gpkg"), db.url()},
          std::vector<std::string>{"team", "agency", "add", db.url(), "KENT", "Kent Police"},
          std::vector<std::string>{"team", "user", "add", db.url(), db.login("kent"), "--agency", "KENT"}}) {
        auto r = run_tidemark(step);
        ASSERT_EQ(r.exit_code, 0) << step[1] << ": " << r.err;
    }
    // Before the push: what the workspace held then was replaced.
    auto before = run_tidemark({"export", db.url(), "--as-of", "2026-03-01T00:00:00Z", "-l", "all", "-f", "gpkg", "-o", dir.file("y.gpkg")});
    EXPECT_EQ(before.exit_code, 1);
    EXPECT_NE(before.err.find("replaced as a whole"), std::string::npos) << before.err;
    // A whole second after the push (as-of times are whole seconds) that has already come: the
    // push's own second rounded down would fall before it.
    const double after_push = std::ceil(now_s());
    while (now_s() <= after_push) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const std::string now = geo::format_iso8601(after_push);
    // Any member reads as of a time (what they could see then: team_as_of_agency_b_cli_test.cpp).
    auto kent = run_tidemark({"export", db.url_as(db.login("kent")), "--as-of", now, "-l", "all", "-f", "gpkg", "-o", dir.file("z.gpkg")});
    EXPECT_EQ(kent.exit_code, 1);  // the workspace is empty: nothing to export, as for the owner
    EXPECT_NE(kent.err.find("the workspace has no layers to export"), std::string::npos) << kent.err;
    auto future = run_tidemark({"export", db.url(), "--as-of", "2099-01-01T00:00:00Z", "-l", "all", "-f", "gpkg", "-o", dir.file("w.gpkg")});
    EXPECT_EQ(future.exit_code, 1);
    EXPECT_NE(future.err.find("has not come yet"), std::string::npos) << future.err;
}
