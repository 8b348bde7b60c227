// `tidemark coverage` as agency B on a team workspace: tracks Border Force has not shared with B
// never reach B's run — no run, no counts and no output file from them — and once shared they do.
// Against the throwaway server; skipped without one.
#include "geo/time.h"
#include "layers/io/import.h"
#include "layers/io/ogr_reader.h"
#include "layers/tracks/track_io.h"
#include "layers/tracks/track_store.h"
#include "layers/team/pg_connection.h"
#include "layers/workspace.h"
#include "app/team_two_agencies.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace tidemark;
using test::run_tidemark;

namespace {

const geo::UnixTime kT0 = 1772323200;               // 2026-03-01T00:00:00Z
const std::string kRadiusNm = "2.699784017278618";  // 5000 m

// Coast along northing 100000 from easting 400000 to 410000; Valiant 3 km off it at 10 m/s.
void border_force_workspace(const test::ScratchDir& dir, const std::string& path) {
    const std::string coast = std::string(R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": )") +
                              R"({"name": "urn:ogc:def:crs:EPSG::27700"}}, "features": [{"type": "Feature", "properties": {},
       "geometry": {"type": "LineString", "coordinates": [[400000, 100000], [410000, 100000]]}}]})";
    std::string csv = "vessel,time,x,y\n";
    for (int k = 0; k <= 500; ++k)
        csv += "Valiant," + geo::format_iso8601(kT0 + 10 * k) + "," + std::to_string(380000 + 100 * k) + ",103000\n";
    const auto c = layers::read_vector(dir.write("coast.geojson", coast));
    ASSERT_TRUE(c.ok) << c.error;
    layers::Workspace ws;
    layers::Layer line = c.layers.front();
    line.name = "coastline";
    line.role = layers::LayerRole::Coastline;
    ws.put(line);
    const auto tracks = layers::read_tracks(dir.write("tracks.csv", csv), ws.crs());
    ASSERT_TRUE(tracks.ok) << tracks.error;
    layers::store_tracks(ws, tracks.tracks);
    std::string error;
    ASSERT_TRUE(ws.save(&error, path)) << error;
}

}  // namespace

TEST(TeamAgencyBCoverageCli, TracksNotSharedWithBNeverReachBsRun) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    border_force_workspace(dir, dir.file("ws.gpkg"));
    for (const std::vector<std::string>& step :
         {std::vector<std::string>{"team", "init", db.url()},
          std::vector<std::string>{"team", "push", dir.file("ws.gpkg"), db.url(), "--owner", "BFMC"},
          std::vector<std::string>{"team", "agency", "add", db.url(), "KENT", "Kent Police"},
          std::vector<std::string>{"team", "user", "add", db.url(), db.login("kent"), "--agency", "KENT"}}) {
        auto r = run_tidemark(step);
        ASSERT_EQ(r.exit_code, 0) << step[1] << ": " << r.err;
    }
    const std::string kent = db.url_as(db.login("kent"));
    auto hidden = run_tidemark({"coverage", kent, "--radius-nm", kRadiusNm, "-o", dir.file("kent.gpkg")});
    EXPECT_EQ(hidden.exit_code, 1);
    EXPECT_NE(hidden.err.find("no tracks in the workspace"), std::string::npos) << hidden.err;
    EXPECT_EQ(hidden.out, "");  // no window, no counts
    EXPECT_FALSE(std::filesystem::exists(dir.file("kent.gpkg")));

    // Border Force's own run over the same workspace sees Valiant (what Kent's run was kept from).
    auto owner = run_tidemark({"coverage", db.url(), "--radius-nm", kRadiusNm, "-o", dir.file("bf.gpkg")});
    ASSERT_EQ(owner.exit_code, 0) << owner.err;
    EXPECT_NE(owner.out.find("1 tracks"), std::string::npos) << owner.out;
}

namespace {

layers::ReadOptions segments_only() {
    layers::ReadOptions o;
    o.only_layer = "segments";
    return o;
}

}  // namespace

// Stored coverage results are counts derived from tracks. Border Force's run is stored shared
// with exactly the agencies that see every track it read: Kent sees none of it while Valiant is
// Border Force's alone, all of it once Valiant is shared with Kent. Kent's own run is Kent's: it
// replaces nothing of Border Force's, and each agency reads its own run.
TEST(TeamAgencyBCoverageCli, AStoredRunIsSeenOnlyByAgenciesThatSeeEveryTrackItRead) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    border_force_workspace(dir, dir.file("ws.gpkg"));
    const std::string bf = db.login("bf"), kent = db.login("kent");
    test::push_as_border_force_with_kent(db, dir.file("ws.gpkg"));
    const std::string as_bf = db.url_as(bf), as_kent = db.url_as(kent);
    auto bf_run = run_tidemark({"coverage", as_bf, "--radius-nm", kRadiusNm});
    ASSERT_EQ(bf_run.exit_code, 0) << bf_run.err;
    // 10 km of coast in 1 km segments (the default length).
    const std::string all_segments = test::pg_value(as_bf, "SELECT count(*) FROM segments");
    ASSERT_EQ(all_segments, "10");
    EXPECT_EQ(test::pg_value(as_bf, "SELECT count(*) FROM segments WHERE owner_agency = 'BFMC' AND shared_with = '{BFMC}'"), "10");
    std::string bf_observed = test::pg_value(as_bf, "SELECT sum(observed_s) FROM segments");
    ASSERT_NE(bf_observed, "0");
    for (const char* table : {"segments", "gaps", "force_summary", "coverage_runs"})
        EXPECT_EQ(test::pg_value(as_kent, std::string("SELECT count(*) FROM ") + table), "0") << table;
    // Nor the run's window, which came from Valiant's times: it is the run's, not a setting.
    std::string error;
    auto kent_state = layers::Workspace::open(as_kent, &error);
    ASSERT_TRUE(kent_state) << error;
    EXPECT_FALSE(kent_state->window_from);
    EXPECT_FALSE(kent_state->settings.contains("coverage"));
    auto bf_state = layers::Workspace::open(as_bf, &error);
    ASSERT_TRUE(bf_state) << error;
    ASSERT_TRUE(bf_state->window_from);
    EXPECT_EQ(*bf_state->window_from, kT0);
    EXPECT_TRUE(bf_state->settings.contains("coverage"));
    EXPECT_EQ(test::pg_value(as_kent, "SELECT count(*) FROM tidemark_settings WHERE value LIKE '%" +
                                          geo::format_iso8601(kT0).substr(0, 10) + "%'"),
              "0");
    // What Kent's commands read of the workspace: no segments either.
    auto pulled = run_tidemark({"team", "pull", as_kent, dir.file("kent.gpkg")});
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    auto kent_view = layers::read_vector(dir.file("kent.gpkg"), segments_only());
    EXPECT_TRUE(!kent_view.ok || kent_view.layers.empty() || kent_view.layers.front().features().empty());

    // Valiant shared with Kent, Border Force's next run (a wider range: other results, so it is
    // stored; an identical run is not written again) is Kent's to see as well.
    auto share = run_tidemark({"team", "share", db.url(), layers::kTrackLegsLayer, "--with", "KENT"});
    ASSERT_EQ(share.exit_code, 0) << share.err;
    bf_run = run_tidemark({"coverage", as_bf, "--radius-nm", "3.2397408207343412"});  // 6 km
    ASSERT_EQ(bf_run.exit_code, 0) << bf_run.err;
    const std::string first_observed = bf_observed;
    bf_observed = test::pg_value(as_bf, "SELECT sum(observed_s) FROM segments");
    ASSERT_NE(bf_observed, first_observed);
    EXPECT_EQ(test::pg_value(as_kent, "SELECT count(*) FROM segments"), "10");
    EXPECT_EQ(test::pg_value(as_kent, "SELECT sum(observed_s) FROM segments"), bf_observed);
    EXPECT_EQ(test::pg_value(as_kent, "SELECT DISTINCT shared_with::text FROM segments"), "{BFMC,KENT}");
    // Kent cannot change Border Force's run.
    EXPECT_EQ(test::pg_value(as_kent, "WITH d AS (DELETE FROM segments RETURNING 1) SELECT count(*) FROM d"), "0");

    // Kent's own run with a 1 km range sees less; each agency reads its own run.
    auto kent_run = run_tidemark({"coverage", as_kent, "--radius-nm", "0.5399568034557235"});
    ASSERT_EQ(kent_run.exit_code, 0) << kent_run.err;
    EXPECT_EQ(test::pg_value(as_bf, "SELECT count(*) FROM segments WHERE owner_agency = 'BFMC'"), "10");
    EXPECT_EQ(test::pg_value(as_bf, "SELECT sum(observed_s) FROM segments WHERE owner_agency = 'BFMC'"), bf_observed);
    EXPECT_EQ(test::pg_value(as_kent, "SELECT count(*) FROM segments WHERE owner_agency = 'KENT'"), "10");
    auto bf_info = run_tidemark({"team", "pull", as_bf, dir.file("bf.gpkg")});
    ASSERT_EQ(bf_info.exit_code, 0) << bf_info.err;
    pulled = run_tidemark({"team", "pull", as_kent, dir.file("kent2.gpkg"), "--overwrite"});
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    auto observations = [](const std::string& path) {
        auto r = layers::read_vector(path, segments_only());
        EXPECT_TRUE(r.ok) << r.error;
        double sum = 0;
        if (!r.ok || r.layers.empty()) return sum;
        const layers::Layer& l = r.layers.front();
        const auto col = std::find_if(l.fields.begin(), l.fields.end(), [](const layers::Field& f) { return f.name == "observed_s"; });
        EXPECT_NE(col, l.fields.end());
        for (const layers::Feature& f : l.features())
            sum += layers::to_number(f.values[static_cast<std::size_t>(col - l.fields.begin())]).value_or(0);
        EXPECT_EQ(l.features().size(), 10u);
        return sum;
    };
    EXPECT_EQ(observations(dir.file("bf.gpkg")), std::stod(bf_observed));
    // A 3 km track off the coast seen from 1 km: Kent's run observed nothing.
    EXPECT_EQ(observations(dir.file("kent2.gpkg")), 0.0);
}
