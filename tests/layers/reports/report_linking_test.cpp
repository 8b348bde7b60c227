#include "layers/reports/report_linking.h"

#include "layers/tracks/fleet.h"
#include "layers/io/import.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace tidemark;

namespace {

layers::Feature polygon(std::vector<geo::XY> ring) {
    layers::Feature f;
    f.geometry.kind = geo::GeometryKind::Polygon;
    f.geometry.polygons.push_back({std::move(ring), {}});
    return f;
}

layers::Feature point(geo::XY p) {
    layers::Feature f;
    f.geometry.kind = geo::GeometryKind::Point;
    f.geometry.points = {p};
    return f;
}

// A hand-made scene in BNG metres:
//   land: the 10 km square (0,0)-(10000,10000), coast = its edge;
//   forces: WEST covers x 0-5000, EAST covers x 5000-10000 (land only);
//   ports: "North Hard" at (5000, 10000), "East Quay" at (10000, 2000);
//   segments: "S-south" along y = 0, "S-east" along x = 10000.
layers::Workspace scene() {
    layers::Workspace ws;
    layers::Layer coast;
    coast.name = "coastline";
    coast.role = layers::LayerRole::Coastline;
    coast.features().push_back(polygon({{0, 0}, {10000, 0}, {10000, 10000}, {0, 10000}, {0, 0}}));
    ws.put(coast);

    layers::Layer forces;
    forces.name = "forces";
    forces.role = layers::LayerRole::Forces;
    forces.fields = {{"code", layers::FieldType::String}, {"name", layers::FieldType::String}};
    auto west = polygon({{0, 0}, {5000, 0}, {5000, 10000}, {0, 10000}, {0, 0}});
    west.values = {std::string("W"), std::string("West Force")};
    auto east = polygon({{5000, 0}, {10000, 0}, {10000, 10000}, {5000, 10000}, {5000, 0}});
    east.values = {std::string("E"), std::string("East Force")};
    forces.features() = {west, east};
    ws.put(forces);

    layers::Layer ports;
    ports.name = "ports";
    ports.role = layers::LayerRole::Ports;
    ports.fields = {{"name", layers::FieldType::String}};
    auto north = point({5000, 10000});
    north.values = {std::string("North Hard")};
    auto quay = point({10000, 2000});
    quay.values = {std::string("East Quay")};
    ports.features() = {north, quay};
    ws.put(ports);

    layers::Layer segments;
    segments.name = "segments";
    segments.role = layers::LayerRole::Segments;
    segments.fields = {{"segment_id", layers::FieldType::String}};
    layers::Feature south, eastern;
    south.geometry.kind = eastern.geometry.kind = geo::GeometryKind::Line;
    south.geometry.lines = {{{0, 0}, {10000, 0}}};
    south.values = {std::string("S-south")};
    eastern.geometry.lines = {{{10000, 0}, {10000, 10000}}};
    eastern.values = {std::string("S-east")};
    segments.features() = {south, eastern};
    ws.put(segments);
    return ws;
}

layers::Report at(geo::XY p) {
    layers::Report r;
    r.position = p;
    return r;
}

}  // namespace

TEST(ReportLinking, OffshoreReportGetsNearestForcePortAndSegment) {
    const auto ws = scene();
    // 2 km east of the east coast, level with East Quay: coast 2000 m, port 2000 m.
    const auto links = layers::link_reports(ws, {at({12000, 2000})});
    ASSERT_EQ(links.size(), 1u);
    const auto& l = links[0];
    EXPECT_NEAR(l.coast_distance_m, 2000, 0.001);
    ASSERT_TRUE(l.on_land);
    EXPECT_FALSE(*l.on_land);
    EXPECT_EQ(l.force_code, "E");
    EXPECT_EQ(l.force_name, "East Force");
    EXPECT_TRUE(l.force_nearest);
    EXPECT_EQ(l.port_name, "East Quay");
    EXPECT_NEAR(l.port_distance_m, 2000, 0.001);
    EXPECT_EQ(l.coast_segment, "S-east");
    EXPECT_FALSE(l.watched);  // no patrol tracks linked here
}

TEST(ReportLinking, InlandReportIsInsideItsForce) {
    const auto ws = scene();
    // (3000, 1000): 1 km from the south coast; ports at hypot(2000, 9000) = 9219.544 m and
    // hypot(7000, 1000) = 7071.068 m (hand calculation): East Quay is nearer.
    const auto links = layers::link_reports(ws, {at({3000, 1000})});
    const auto& l = links[0];
    EXPECT_NEAR(l.coast_distance_m, 1000, 0.001);
    ASSERT_TRUE(l.on_land);
    EXPECT_TRUE(*l.on_land);
    EXPECT_EQ(l.force_code, "W");
    EXPECT_FALSE(l.force_nearest);
    EXPECT_EQ(l.port_name, "East Quay");
    EXPECT_NEAR(l.port_distance_m, 7071.068, 0.001);
    EXPECT_EQ(l.coast_segment, "S-south");
}

TEST(ReportLinking, MissingLayersLeaveFieldsUnknown) {
    layers::Workspace empty;
    const auto links = layers::link_reports(empty, {at({0, 0})});
    ASSERT_EQ(links.size(), 1u);
    EXPECT_TRUE(std::isnan(links[0].coast_distance_m));
    EXPECT_TRUE(links[0].force_code.empty());
    EXPECT_TRUE(links[0].port_name.empty());
}

TEST(CoastIndex, DistanceToALongCoastline) {
    // A 1000-vertex zigzag-free line along y = 0 from x = 0 to 99900: many indexed runs.
    layers::Layer coast;
    layers::Feature f;
    f.geometry.kind = geo::GeometryKind::Line;
    geo::Path path;
    for (int i = 0; i < 1000; ++i) path.push_back({i * 100.0, 0});
    f.geometry.lines = {path};
    coast.features().push_back(f);
    const layers::CoastIndex index(coast);
    EXPECT_NEAR(index.distance({50050, 300}), 300, 1e-9);
    EXPECT_NEAR(index.distance({99900 + 3000, 4000}), 5000, 1e-9);  // 3-4-5 from the end vertex
    EXPECT_FALSE(index.on_land({0, 0}));  // lines only: side unknown
}

// Real data: Dover (cs2cs -d 3 EPSG:4326 EPSG:27700 <<< "51.1230 1.3290" = 633052, 141239)
// is at the coast of Kent.
TEST(ReportLinking, RealCoastAndForces) {
    TIDEMARK_REQUIRE_SHARED(coast_path, "coast/gb_coastline_osm.gpkg");
    TIDEMARK_REQUIRE_SHARED(forces_path, "police/police_force_areas_uk.gpkg");
    layers::Workspace ws;
    geo::Problems problems;
    std::string error;
    auto coast = layers::import_layer(coast_path, ws.crs(), layers::LayerRole::Coastline, "coastline", problems, &error);
    ASSERT_TRUE(coast) << error;
    auto forces = layers::import_layer(forces_path, ws.crs(), layers::LayerRole::Forces, "forces", problems, &error);
    ASSERT_TRUE(forces) << error;
    ws.put(*coast);
    ws.put(*forces);
    const auto links = layers::link_reports(ws, {at({633052, 141239}), at({633052 + 20000, 141239})});
    EXPECT_LT(links[0].coast_distance_m, 1500);
    EXPECT_NE(links[0].force_name.find("Kent"), std::string::npos) << links[0].force_name;
    ASSERT_TRUE(links[1].on_land);
    EXPECT_FALSE(*links[1].on_land);  // 20 km east of Dover: the Strait
    EXPECT_GT(links[1].coast_distance_m, 5000);
}

// One patrol leg northbound along x = 0 from (0, -5000) at t = 0 to (0, 5000) at t = 3600 s.
TEST(ReportLinking, WatchedWithinRangeAndAnHourEitherSide) {
    geo::Track t;
    t.vessel = "HMC Test";
    t.legs.push_back({{{0, {0, -5000}}, {3600, {0, 5000}}}});
    auto report = [](geo::XY p, double observed) {
        layers::Report r;
        r.position = p;
        r.observed_at = observed;
        return r;
    };
    const std::vector<layers::Report> reports = {
        report({3000, 0}, 1800),          // abeam at 3 km when the patrol passes: watched
        report({3000, 0}, 1800 + 3 * 3600),  // 3 h later: the window [2.5 h, 4.5 h] misses the leg
        report({3000, 0}, 1800 + 3000),   // 50 min after the patrol passed abeam: the window reaches back to it
        report({5000, 0}, 1800)};         // never closer than 5 km: out of a 4 km range
    std::vector<layers::ReportLink> links(reports.size());
    layers::link_watched(links, reports, {t}, {4000.0});
    ASSERT_TRUE(links[0].watched);
    EXPECT_TRUE(*links[0].watched);
    EXPECT_FALSE(*links[1].watched);
    EXPECT_TRUE(*links[2].watched);
    EXPECT_FALSE(*links[3].watched);

    std::vector<layers::ReportLink> none(1);
    layers::link_watched(none, {reports[0]}, {}, {});
    EXPECT_FALSE(none[0].watched.has_value());  // no tracks: unknown, not "unwatched"
}

TEST(ReportLinking, PatrolRangesComeFromTheFleetRegister) {
    layers::Workspace ws;
    layers::Vessel v;
    v.name = "HMC Test";
    v.antenna_height_m = 10;
    layers::store_fleet(ws, {v});
    geo::Track known, unknown;
    known.vessel = "hmc test";
    unknown.vessel = "Nobody";
    const auto ranges = layers::patrol_ranges(ws, {known, unknown});
    ASSERT_EQ(ranges.size(), 2u);
    // Radar horizon for antennas 10 m and 1 m: 4.12 km x (sqrt 10 + 1) = 17.15 km (standard
    // 4/3-earth formula, d_km = 4.12 sqrt(h_m)); any reasonable model gives 10-25 km.
    EXPECT_GT(ranges[0], 10000);
    EXPECT_LT(ranges[0], 25000);
    EXPECT_EQ(ranges[1], 0.0);
}
