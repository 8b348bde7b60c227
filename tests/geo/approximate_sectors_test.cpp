#include "geo/approximate_sectors.h"

#include <gtest/gtest.h>

using namespace tidemark::geo;

namespace {
bool in_sector(const Sector& s, XY p) {
    for (const auto& poly : s.polygons)
        if (contains(poly, p)) return true;
    return false;
}
}  // namespace

// A 10 km square island, counter-clockwise. Walking clockwise from the south-west corner
// passes the west then the north side to the north-east corner: force A; back round by the
// east and south sides: force B.
TEST(ApproximateSectors, SquareIslandSplitsIntoTwoClockwiseStretches) {
    const Path island{{0, 0}, {10000, 0}, {10000, 10000}, {0, 10000}, {0, 0}};
    const std::vector<CoastStretch> stretches{{"A", "West and north", {0, 0}, {10000, 10000}},
                                              {"B", "East and south", {10000, 10000}, {0, 0}}};
    Problems problems;
    auto sectors = approximate_sectors({island}, stretches, problems, 1000, 20000);
    EXPECT_TRUE(problems.empty());
    ASSERT_EQ(sectors.size(), 2u);
    EXPECT_NEAR(sectors[0].coast_length_m, 20000.0, 1e-6);
    EXPECT_NEAR(sectors[1].coast_length_m, 20000.0, 1e-6);
    EXPECT_TRUE(in_sector(sectors[0], {-1000, 5000}));   // off the west side
    EXPECT_TRUE(in_sector(sectors[0], {5000, 11000}));   // off the north side
    EXPECT_TRUE(in_sector(sectors[1], {11000, 5000}));   // off the east side
    EXPECT_TRUE(in_sector(sectors[1], {5000, -1000}));   // off the south side
    EXPECT_FALSE(in_sector(sectors[0], {11000, 5000}));
    EXPECT_FALSE(in_sector(sectors[1], {-1000, 5000}));
}

TEST(ApproximateSectors, EndsFarFromTheCoastAreReportedAndSkipped) {
    const Path island{{0, 0}, {10000, 0}, {10000, 10000}, {0, 10000}, {0, 0}};
    Problems problems;
    auto sectors = approximate_sectors({island}, {{"X", "Nowhere", {90000, 90000}, {0, 0}}}, problems, 1000, 20000, 5000);
    EXPECT_TRUE(sectors.empty());
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].reason.find("from the coastline"), std::string::npos);
}
