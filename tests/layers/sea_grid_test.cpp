#include "layers/sea_grid.h"

#include <gtest/gtest.h>

using namespace tidemark;

namespace {
// A 10 km x 10 km island centred on the origin.
std::vector<geo::Polygon> island() {
    geo::Polygon p;
    p.outer = {{-5000, -5000}, {5000, -5000}, {5000, 5000}, {-5000, 5000}, {-5000, -5000}};
    return {p};
}
}  // namespace

TEST(SeaGrid, LandCellsAndDistanceToLand) {
    layers::SeaGrid g({0, 0}, 10000, 500, island());
    ASSERT_EQ(g.width(), 40);
    int cx, cy;
    g.cell_of({0, 0}, cx, cy);
    EXPECT_FALSE(g.sea(cx, cy));
    g.cell_of({7250, 0}, cx, cy);  // 2250 m east of the shore: 4.5 cells -> 5 cells away
    EXPECT_TRUE(g.sea(cx, cy));
    EXPECT_NEAR(g.land_distance_m(cx, cy), 2500, 1e-9);
}

TEST(SeaGrid, RouteGoesRoundTheIsland) {
    layers::SeaGrid g({0, 0}, 10000, 500, island());
    auto from = g.nearest_sea({-8000, 0});
    auto to = g.nearest_sea({8000, 0});
    ASSERT_TRUE(from && to);
    auto route = g.route(*from, *to);
    ASSERT_GE(route.size(), 3u);  // cannot be straight across
    for (std::size_t i = 1; i < route.size(); ++i) EXPECT_TRUE(g.clear(route[i - 1], route[i]));
    EXPECT_FALSE(g.clear({-8000, 0}, {8000, 0}));
    // Start on land: the nearest sea is just off the west shore.
    auto off = g.nearest_sea({-4900, 0});
    ASSERT_TRUE(off);
    EXPECT_NEAR(g.centre_of(off->first, off->second).x, -5250, 1e-9);
}
