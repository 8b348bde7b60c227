// `tidemark coverage` as agency B on a team workspace: tracks Border Force has not shared with B
// never reach B's run — no run, no counts and no output file from them — and once shared they do.
// Against the throwaway server; skipped without one.
#include "geo/time.h"
#include "layers/import.h"
#include "layers/ogr_reader.h"
#include "layers/track_io.h"
#include "layers/workspace.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

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
