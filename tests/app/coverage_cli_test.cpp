// `tidemark coverage` end to end: files -> OUT.gpkg, a workspace, and the real GB data.
#include "geo/time.h"
#include "layers/coverage/coverage_as_of.h"
#include "layers/io/ogr_reader.h"
#include "layers/tracks/track_io.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <cmath>
#include <filesystem>

using namespace tidemark;
using tidemark::test::run_tidemark;
using tidemark::test::ScratchDir;

namespace {

const char* kBng = R"("crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}})";

// Coast along northing 100000 from easting 400000 to 410000 (ten 1 km segments).
std::string coast_geojson() {
    return std::string(R"({"type": "FeatureCollection", )") + kBng + R"(, "features": [
  {"type": "Feature", "properties": {"name": "shore"},
   "geometry": {"type": "LineString", "coordinates": [[400000, 100000], [410000, 100000]]}}]})";
}

// Force W west of easting 405000, E east of it.
std::string forces_geojson() {
    return std::string(R"({"type": "FeatureCollection", )") + kBng + R"(, "features": [
  {"type": "Feature", "properties": {"PFACD": "W1", "PFANM": "West"}, "geometry": {"type": "Polygon",
   "coordinates": [[[390000, 99000], [405000, 99000], [405000, 110000], [390000, 110000], [390000, 99000]]]}},
  {"type": "Feature", "properties": {"PFACD": "E1", "PFANM": "East"}, "geometry": {"type": "Polygon",
   "coordinates": [[[405000, 99000], [420000, 99000], [420000, 110000], [405000, 110000], [405000, 99000]]]}}]})";
}

std::string ports_geojson() {
    return std::string(R"({"type": "FeatureCollection", )") + kBng + R"(, "features": [
  {"type": "Feature", "properties": {"name": "Westhaven"}, "geometry": {"type": "Point", "coordinates": [398000, 100500]}}]})";
}

// One vessel 3 km off the coast at 10 m/s from easting 380000 (t0) to 430000 (t0 + 5000 s),
// a fix every 10 s. With a 5000 m range segment i (easting 400000 + 1000 i .. + 1000) is
// in range while the along-shore offset is <= 4000 m: t in [1600 + 100 i, 2500 + 100 i].
std::string tracks_csv(geo::UnixTime t0) {
    std::string s = "vessel,time,x,y\n";
    for (int k = 0; k <= 500; ++k)
        s += "Valiant," + geo::format_iso8601(t0 + 10 * k) + "," + std::to_string(380000 + 100 * k) + ",103000\n";
    return s;
}

const geo::UnixTime kT0 = 1772323200;  // 2026-03-01T00:00:00Z
const std::string kRadiusNm = "2.699784017278618";  // 5000 m

const layers::Layer* find_layer(const layers::ReadResult& r, const std::string& name) {
    for (const auto& l : r.layers)
        if (l.name == name) return &l;
    return nullptr;
}

}  // namespace

TEST(CoverageCli, FilesToGeoPackageWithSegmentsGapsAndForceSummary) {
    ScratchDir dir;
    const auto out = dir.file("out.gpkg");
    // Revisit target 0.6 h = 2160 s: segment i's longest gap is max(1600 + 100 i, 2500 - 100 i),
    // over the target for i <= 3 and i >= 6: two gaps of 4 km, segments 4 and 5 covered.
    const auto r = run_tidemark({"coverage", "--coast", dir.write("coast.geojson", coast_geojson()), "--tracks",
                                 dir.write("tracks.csv", tracks_csv(kT0)), "--forces", dir.write("forces.geojson", forces_geojson()),
                                 "--ports", dir.write("ports.geojson", ports_geojson()), "--radius-nm", kRadiusNm,
                                 "--revisit-h", "0.6", "--crs", "EPSG:27700", "-o", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("W1"), std::string::npos) << r.out;

    layers::ReadOptions ro;
    ro.working_crs = geo::Crs::british_national_grid();
    const auto read = layers::read_vector(out, ro);
    ASSERT_TRUE(read.ok) << read.error;
    const layers::Layer* segs = find_layer(read, "segments");
    const layers::Layer* gaps = find_layer(read, "gaps");
    const layers::Layer* summary = find_layer(read, "force_summary");
    ASSERT_TRUE(segs && gaps && summary);
    EXPECT_EQ(read.layers.size(), 3u);

    std::vector<std::string> names;
    for (const auto& f : segs->fields) names.push_back(f.name);
    EXPECT_EQ(names, (std::vector<std::string>{"segment_id", "line_id", "force_code", "force_name", "length_m", "observed_s",
                                               "visits", "max_gap_s", "first_seen", "last_seen", "observers", "sightings"}));
    ASSERT_EQ(segs->features().size(), 10u);
    const auto& s0 = segs->features()[0];
    EXPECT_NEAR(*layers::to_number(segs->value(s0, "observed_s")), 900, 0.01);
    EXPECT_NEAR(*layers::to_number(segs->value(s0, "max_gap_s")), 2500, 0.01);
    EXPECT_EQ(layers::to_string(segs->value(s0, "first_seen")).substr(0, 19), "2026-03-01T00:26:40");  // t0 + 1600 s
    EXPECT_EQ(layers::to_string(segs->value(s0, "force_code")), "W1");
    EXPECT_EQ(layers::to_string(segs->value(segs->features()[9], "force_name")), "East");
    EXPECT_EQ(layers::to_string(segs->value(s0, "observers")), "Valiant");
    // Valiant had it in range from t0 + 1600 s for 900 s (2026-03-01T00:00:00Z = 1772323200).
    EXPECT_EQ(layers::to_string(segs->value(s0, "sightings")), "1772324800+900@0");

    names.clear();
    for (const auto& f : gaps->fields) names.push_back(f.name);
    EXPECT_EQ(names, (std::vector<std::string>{"gap_id", "force_codes", "length_m", "worst_gap_s", "segments", "reports", "ports", "risk"}));
    ASSERT_EQ(gaps->features().size(), 2u);
    const auto& g1 = gaps->features()[0];
    EXPECT_NEAR(*layers::to_number(gaps->value(g1, "length_m")), 4000, 0.01);
    EXPECT_EQ(layers::to_string(gaps->value(g1, "force_codes")), "W1");
    EXPECT_NEAR(*layers::to_number(gaps->value(g1, "ports")), 1, 0);  // Westhaven, 2.06 km from segment 0
    // 4 km * (2500 s / 2160 s) * (1 + 1 port) = 9.259
    EXPECT_NEAR(*layers::to_number(gaps->value(g1, "risk")), 4 * 2500.0 / 2160 * 2, 1e-3);
    EXPECT_NEAR(*layers::to_number(gaps->value(gaps->features()[1], "ports")), 0, 0);

    names.clear();
    for (const auto& f : summary->fields) names.push_back(f.name);
    EXPECT_EQ(names, (std::vector<std::string>{"force_code", "force_name", "coast_km", "covered_km", "covered_pct",
                                               "longest_gap_km", "reports", "reports_in_gaps"}));
    ASSERT_EQ(summary->features().size(), 2u);
    const auto& w = summary->features()[0];
    EXPECT_EQ(layers::to_string(summary->value(w, "force_code")), "W1");
    EXPECT_NEAR(*layers::to_number(summary->value(w, "coast_km")), 5, 1e-6);
    EXPECT_NEAR(*layers::to_number(summary->value(w, "covered_km")), 1, 1e-6);
    EXPECT_NEAR(*layers::to_number(summary->value(w, "covered_pct")), 20, 1e-6);
    EXPECT_NEAR(*layers::to_number(summary->value(w, "longest_gap_km")), 4, 1e-6);
}

TEST(CoverageCli, WorkspaceFormStoresTheThreeLayers) {
    ScratchDir dir;
    // Build a workspace holding the coast and the tracks.
    const auto coast = layers::read_vector(dir.write("coast.geojson", coast_geojson()));
    ASSERT_TRUE(coast.ok) << coast.error;
    layers::Workspace ws;
    layers::Layer c = coast.layers.front();
    c.name = "coastline";
    c.role = layers::LayerRole::Coastline;
    ws.put(c);
    const auto tracks = layers::read_tracks(dir.write("tracks.csv", tracks_csv(kT0)), ws.crs());
    ASSERT_TRUE(tracks.ok) << tracks.error;
    layers::store_tracks(ws, tracks.tracks);
    std::string error;
    const auto path = dir.file("ws.gpkg");
    ASSERT_TRUE(ws.save(&error, path)) << error;

    // The workspace keeps its own CRS: --crs there is refused, not silently ignored.
    const auto refused = run_tidemark({"coverage", path, "--radius-nm", kRadiusNm, "--crs", "EPSG:32630"});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("Leave out --crs"), std::string::npos) << refused.err;

    const auto r = run_tidemark({"coverage", path, "--radius-nm", kRadiusNm});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto reopened = layers::Workspace::open(path, &error);
    ASSERT_TRUE(reopened) << error;
    const layers::Layer* segs = reopened->find("segments");
    ASSERT_TRUE(segs);
    EXPECT_EQ(segs->role, layers::LayerRole::Segments);
    ASSERT_EQ(segs->features().size(), 10u);
    EXPECT_NEAR(*layers::to_number(segs->value(segs->features()[0], "observed_s")), 900, 0.01);
    ASSERT_TRUE(reopened->find("gaps"));
    EXPECT_EQ(reopened->find("gaps")->role, layers::LayerRole::Gaps);
    ASSERT_TRUE(reopened->find("force_summary"));
    EXPECT_EQ(reopened->find("force_summary")->role, layers::LayerRole::Table);
    EXPECT_TRUE(reopened->find("coastline"));  // inputs untouched
    // The run's window (the tracks' span) and revisit target are kept for maps and panels.
    ASSERT_TRUE(reopened->window_from && reopened->window_to);
    EXPECT_LT(*reopened->window_from, *reopened->window_to);
    EXPECT_DOUBLE_EQ(reopened->settings["coverage"]["revisit_target_h"].get<double>(), 24.0);
    EXPECT_NEAR(reopened->settings["coverage"]["radius_nm"].get<double>(), std::stod(kRadiusNm), 1e-9);

    // The sightings came back through the GeoPackage: segment 3 (easting 403000..404000) was in
    // Valiant's range over t0 + [1900, 2800] s, so at t0 + 3000 s it was last seen 200 s before.
    geo::Problems problems;
    const auto history = layers::CoverageHistory::from_layer(*segs, &problems);
    EXPECT_TRUE(problems.empty());
    const auto seen = history.last_seen(3, kT0 + 3000);
    ASSERT_TRUE(seen);
    EXPECT_DOUBLE_EQ(seen->at, kT0 + 2800);
    EXPECT_EQ(seen->vessel, "Valiant");
    EXPECT_FALSE(history.last_seen(3, kT0 + 1800));

    // The export colours the coast as of a time when asked, and says what it needs otherwise.
    const auto map = dir.file("as_of.png");
    const auto as_of = run_tidemark({"render", path, "-o", map, "--size", "400x300", "--time",
                                     geo::format_iso8601(kT0 + 3000), "--coverage-as-of"});
    EXPECT_EQ(as_of.exit_code, 0) << as_of.err;
    EXPECT_TRUE(std::filesystem::exists(map));
    const auto no_time = run_tidemark({"render", path, "-o", dir.file("x.png"), "--coverage-as-of"});
    EXPECT_EQ(no_time.exit_code, 1);
    EXPECT_NE(no_time.err.find("--coverage-as-of needs --time"), std::string::npos) << no_time.err;
}

TEST(CoverageCli, BadInputSaysWhatToDo) {
    ScratchDir dir;
    const auto coast = dir.write("coast.geojson", coast_geojson());
    const auto tracks = dir.write("tracks.csv", tracks_csv(kT0));
    auto r = run_tidemark({"coverage", "--coast", coast, "--tracks", tracks, "-o", dir.file("o.gpkg")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("--radius-nm"), std::string::npos) << r.err;
    r = run_tidemark({"coverage", "--coast", coast, "--tracks", tracks, "--radius-nm", "3", "--segment-m", "50", "-o", dir.file("o.gpkg")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("--segment-m"), std::string::npos) << r.err;
    r = run_tidemark({"coverage", "--coast", coast, "--tracks", tracks, "--radius-nm", "3"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("-o OUT.gpkg"), std::string::npos) << r.err;
    // Ranges are metres: a geographic working CRS would measure them in degrees.
    r = run_tidemark({"coverage", "--coast", coast, "--tracks", tracks, "--radius-nm", "3", "--crs", "EPSG:4326", "-o",
                      dir.file("o.gpkg")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("--crs: 'EPSG:4326' (WGS 84) is geographic"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("o.gpkg")));
}

// The real GB coastline, force areas and World Port Index: a launch running 2 km off the
// Kent coast from Dover towards Folkestone, range 2 nm. Every observed segment must be Kent's.
TEST(CoverageCli, RealGbCoastAndPoliceForcesEndToEnd) {
    TIDEMARK_REQUIRE_SHARED(coast, "coast/gb_coastline_osm.gpkg");
    TIDEMARK_REQUIRE_SHARED(forces, "police/police_force_areas_uk.gpkg");
    TIDEMARK_REQUIRE_SHARED(ports, "ports/wpi_uk_ports.geojson");
    ScratchDir dir;
    std::string csv = "vessel,time,lat,lon\n";
    for (int k = 0; k <= 60; ++k) {  // 51.10N 1.34E -> 51.06N 1.20E over an hour
        const double f = k / 60.0;
        csv += "Searcher," + geo::format_iso8601(kT0 + 60 * k) + "," + std::to_string(51.10 - 0.04 * f) + "," +
               std::to_string(1.34 - 0.14 * f) + "\n";
    }
    const auto out = dir.file("gb.gpkg");
    const auto r = run_tidemark({"coverage", "--coast", coast, "--forces", forces, "--ports", ports, "--tracks",
                                 dir.write("t.csv", csv), "--radius-nm", "2", "-o", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Kent"), std::string::npos);
    const auto read = layers::read_vector(out);
    ASSERT_TRUE(read.ok) << read.error;
    const layers::Layer* segs = find_layer(read, "segments");
    ASSERT_TRUE(segs);
    EXPECT_GT(segs->features().size(), 15000u);  // ~20,000 km of coast at 1 km
    int observed = 0;
    for (const auto& f : segs->features()) {
        if (*layers::to_number(segs->value(f, "observed_s")) <= 0) continue;
        ++observed;
        EXPECT_EQ(layers::to_string(segs->value(f, "force_name")), "Kent");
    }
    EXPECT_GT(observed, 5);
    const layers::Layer* summary = find_layer(read, "force_summary");
    ASSERT_TRUE(summary);
    EXPECT_GT(summary->features().size(), 20u);
}

// A Kraken report graded 1/A at (402500, 100200), observed at t0 + 1000 s, 200 m off segment 2
// (easting 402000-403000): it belongs to gap 1 and force W1. Its weight is the reports module's
// grading 1.0 x recency 0.5^(4000 s / 7 d) = 0.995426 (age counted back from the window's end
// t0 + 5000 s). Gap 1's risk: 4 km * 2500 / 2160 * (1 + 1 port + 0.995426) = 13.868.
TEST(CoverageCli, ReportsCountInGapsAndForces) {
    ScratchDir dir;
    const std::string reports = "report_id,observed_at,easting,northing,category,source_evaluation,assessment\n"
                                "K1," + geo::format_iso8601(kT0 + 1000) + ",402500,100200,small craft,1,A\n";
    const auto out = dir.file("out.gpkg");
    const auto r = run_tidemark({"coverage", "--coast", dir.write("coast.geojson", coast_geojson()), "--tracks",
                                 dir.write("tracks.csv", tracks_csv(kT0)), "--forces", dir.write("forces.geojson", forces_geojson()),
                                 "--ports", dir.write("ports.geojson", ports_geojson()), "--reports", dir.write("k.csv", reports),
                                 "--radius-nm", kRadiusNm, "--revisit-h", "0.6", "--crs", "EPSG:27700", "-o", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto read = layers::read_vector(out);
    ASSERT_TRUE(read.ok) << read.error;
    const layers::Layer* gaps = find_layer(read, "gaps");
    const layers::Layer* summary = find_layer(read, "force_summary");
    ASSERT_TRUE(gaps && summary);
    ASSERT_EQ(gaps->features().size(), 2u);
    EXPECT_NEAR(*layers::to_number(gaps->value(gaps->features()[0], "reports")), 0.995426, 1e-5);
    EXPECT_NEAR(*layers::to_number(gaps->value(gaps->features()[0], "risk")), 4 * 2500.0 / 2160 * (2 + 0.995426), 1e-4);
    EXPECT_NEAR(*layers::to_number(gaps->value(gaps->features()[1], "reports")), 0, 1e-12);
    ASSERT_EQ(summary->features().size(), 2u);
    EXPECT_NEAR(*layers::to_number(summary->value(summary->features()[0], "reports")), 0.995426, 1e-5);
    EXPECT_NEAR(*layers::to_number(summary->value(summary->features()[0], "reports_in_gaps")), 0.995426, 1e-5);
    EXPECT_NEAR(*layers::to_number(summary->value(summary->features()[1], "reports")), 0, 1e-12);
}
