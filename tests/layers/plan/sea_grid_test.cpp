#include "layers/plan/sea_grid.h"

#include <gtest/gtest.h>

#include <cmath>

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

// One search towards a root serves every route ending there: from the west side round the
// island (10 km square, 500 m cells) to the east side. The shortest 8-connected passage from
// (-8000, 0) to (8000, 0) needs at least 16 km of easting plus the detour round a corner: the
// straightened route is longer than 16 km and shorter than the 8-step bound of 32 cells x 707 m.
TEST(SeaGrid, TreeRoutesEndAtTheRootAndStayAtSea) {
    layers::SeaGrid g({0, 0}, 10000, 500, island());
    auto west = g.nearest_sea({-8000, 0});
    auto east = g.nearest_sea({8000, 0});
    ASSERT_TRUE(west && east);
    const auto tree = g.tree_to(*east);
    const auto route = g.route(tree, *west);
    ASSERT_GE(route.size(), 3u);
    EXPECT_EQ(route.front().x, g.centre_of(west->first, west->second).x);
    EXPECT_EQ(route.back().x, g.centre_of(east->first, east->second).x);
    EXPECT_EQ(route.back().y, g.centre_of(east->first, east->second).y);
    double m = 0;
    for (std::size_t i = 1; i < route.size(); ++i) {
        EXPECT_TRUE(g.clear(route[i - 1], route[i]));
        m += std::hypot(route[i].x - route[i - 1].x, route[i].y - route[i - 1].y);
    }
    EXPECT_GT(m, 16000);
    EXPECT_LT(m, 40 * 500 * std::sqrt(2.0));
    // The root itself: a one-point route. Land: no route.
    EXPECT_EQ(g.route(tree, *east).size(), 1u);
    int lx, ly;
    g.cell_of({0, 0}, lx, ly);
    EXPECT_TRUE(g.route(tree, {lx, ly}).empty());
}
