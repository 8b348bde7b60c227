#include "geo/geometry.h"
#include "geo/validity.h"

#include <gtest/gtest.h>

using namespace tidemark::geo;

TEST(Geometry, LengthAndAreaOfAKnownSquare) {
    Path square{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}};
    EXPECT_DOUBLE_EQ(length(square), 4000.0);
    EXPECT_DOUBLE_EQ(signed_area(square), 1e6);  // counter-clockwise
    Polygon with_hole{square, {{{250, 250}, {250, 750}, {750, 750}, {750, 250}, {250, 250}}}};
    EXPECT_DOUBLE_EQ(area(with_hole), 1e6 - 250000.0);
    EXPECT_TRUE(contains(with_hole, {100, 100}));
    EXPECT_FALSE(contains(with_hole, {500, 500}));  // in the hole
    EXPECT_FALSE(contains(with_hole, {1500, 500}));
}

TEST(Geometry, DistanceToPathUsesTheNearestSegmentInterior) {
    Path coast{{0, 0}, {10000, 0}, {10000, 10000}};
    EXPECT_NEAR(distance_to_path({5000, 1852}, coast), 1852.0, 1e-9);
    EXPECT_NEAR(distance_to_path({13000, 14000}, coast), 5000.0, 1e-9);  // 3-4-5 to the end vertex
    std::size_t seg = 99;
    XY c = closest_point_on_path({12000, 6000}, coast, &seg);
    EXPECT_EQ(seg, 1u);
    EXPECT_DOUBLE_EQ(c.x, 10000);
    EXPECT_DOUBLE_EQ(c.y, 6000);
}

TEST(Geometry, BoundariesOfLandPolygonsAreTheCoastline) {
    Geometry land;
    land.kind = GeometryKind::Polygon;
    land.polygons.push_back({{{0, 0}, {10, 0}, {10, 10}, {0, 0}}, {}});
    land.polygons.push_back({{{20, 0}, {30, 0}, {30, 10}, {20, 0}}, {{{21, 1}, {29, 1}, {29, 8}, {21, 1}}}});
    EXPECT_EQ(boundaries(land).size(), 3u);
    EXPECT_EQ(land.vertex_count(), 12u);
}

TEST(Validity, BowTieIsReportedWithItsCrossing) {
    // POLYGON((0 0, 10 10, 10 0, 0 10, 0 0)) crosses itself at (5 5).
    Polygon bowtie{{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}, {}};
    auto why = invalid_reason(bowtie);
    ASSERT_TRUE(why);
    EXPECT_NE(why->find("Self-intersection"), std::string::npos) << *why;
    EXPECT_NE(why->find("(5, 5)"), std::string::npos) << *why;
    double total = 0;
    for (const Polygon& p : make_valid(bowtie)) total += area(p);
    EXPECT_NEAR(total, 50.0, 1e-9);  // two triangles of 25 m² each
}

TEST(Validity, ValidSquareHasNoReason) {
    Polygon square{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, {}};
    EXPECT_FALSE(invalid_reason(square));
}
