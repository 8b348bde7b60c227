// The real public layers in ../shared/data: counts and validity as that folder's README states them.
#include "layers/io/ogr_reader.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <set>

using namespace tidemark;
using namespace tidemark::layers;

namespace {

ReadResult read(const std::string& path) {
    ReadOptions o;
    o.working_crs = geo::Crs::british_national_grid();
    return read_vector(path, o);
}

std::set<std::string> features_with_invalid_polygons(const ReadResult& r) {
    std::set<std::string> ids;
    for (const auto& p : r.problems)
        if (p.reason.find("invalid polygon") != std::string::npos) ids.insert(p.feature);
    return ids;
}

}  // namespace

TEST(SharedData, OsmCoastlineHasFourValidLandMultipolygons) {
    TIDEMARK_REQUIRE_SHARED(path, "coast/gb_coastline_osm.gpkg");
    ReadResult r = read(path);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.layers.size(), 1u);
    EXPECT_EQ(r.layers[0].name, "coastline");
    EXPECT_EQ(r.layers[0].features().size(), 4u);
    EXPECT_TRUE(features_with_invalid_polygons(r).empty());
    // GBR alone: 38,555 vertices in 551 parts (README).
    for (const auto& f : r.layers[0].features())
        if (to_string(r.layers[0].value(f, "A3")) == "GBR") {
            EXPECT_EQ(f.geometry.vertex_count(), 38555u);
            EXPECT_EQ(f.geometry.polygons.size(), 551u);
        }
    // Great Britain in BNG: the coast reaches ~0 to ~660 km east.
    Box e = r.layers[0].extent();
    EXPECT_LT(e.min_x, 0);
    EXPECT_GT(e.max_x, 600000);
}

TEST(SharedData, GshhgExtractHas1953PolygonsAnd105455Vertices) {
    TIDEMARK_REQUIRE_SHARED(path, "coast/uk_gshhg_full_land.gpkg");
    ReadResult r = read(path);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layers[0].features().size(), 1953u);
    EXPECT_EQ(r.layers[0].vertex_count(), 105455u);
    EXPECT_TRUE(features_with_invalid_polygons(r).empty());
}

TEST(SharedData, UkPoliceForceAreasAre45ValidPolygons) {
    TIDEMARK_REQUIRE_SHARED(path, "police/police_force_areas_uk.gpkg");
    ReadResult r = read(path);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layers[0].features().size(), 45u);
    EXPECT_EQ(r.layers[0].vertex_count(), 38799u);
    EXPECT_TRUE(features_with_invalid_polygons(r).empty());
}

TEST(SharedData, UnrepairedForceAreasReportEveryAreaAndStillLoad) {
    TIDEMARK_REQUIRE_SHARED(path, "police/police_force_areas_uk_unrepaired.geojson");
    ReadResult r = read(path);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layers[0].features().size(), 45u);
    EXPECT_EQ(features_with_invalid_polygons(r).size(), 45u);  // "every ring self-crosses somewhere"
}

TEST(SharedData, EnglandAndWales2020HasExactlyOneInvalidArea) {
    TIDEMARK_REQUIRE_SHARED(path, "police/police_force_areas_ew_dec2020.geojson");
    ReadResult r = read(path);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layers[0].features().size(), 43u);
    EXPECT_EQ(features_with_invalid_polygons(r).size(), 1u);  // "43 (42 valid)"
}

TEST(SharedData, PortsLoadAsPoints) {
    TIDEMARK_REQUIRE_SHARED(wpi, "ports/wpi_uk_ports.geojson");
    ReadResult r = read(wpi);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layers[0].features().size(), 185u);
    EXPECT_EQ(r.layers[0].geometry_kind(), geo::GeometryKind::Point);
    TIDEMARK_REQUIRE_SHARED(ne, "ports/ne_10m_ports.geojson");
    ReadResult world = read(ne);
    ASSERT_TRUE(world.ok) << world.error;
    EXPECT_GT(world.layers[0].features().size(), 1000u);
}
