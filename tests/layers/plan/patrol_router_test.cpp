#include "layers/plan/patrol_router.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tidemark;
using tidemark::layers::plan::PatrolRouter;

namespace {
// A 10 km square island centred on the origin; the base port on its west shore.
std::vector<geo::Polygon> island() {
    geo::Polygon p;
    p.outer = {{-5000, -5000}, {5000, -5000}, {5000, 5000}, {-5000, 5000}, {-5000, -5000}};
    return {p};
}
}  // namespace

TEST(PatrolRouter, BerthStationsAndLegsBothWays) {
    PatrolRouter r({-5000, 0}, 12000, island());
    EXPECT_EQ(r.grid().cell_size(), 250);  // 24 km across / 600 cells is under the 250 m floor
    ASSERT_TRUE(r.berth());
    const geo::XY berth = r.at(*r.berth());
    EXPECT_LT(std::hypot(berth.x + 5000, berth.y), 250);  // the sea cell next to the port
    // A station 1.5 km off the east shore, on the far side of the island.
    const auto east = r.station({5000, 0}, 1500);
    ASSERT_TRUE(east);
    const geo::XY e = r.at(*east);
    EXPECT_GE(r.grid().land_distance_m(east->first, east->second), 1500);
    EXPECT_NEAR(e.y, 0, 250);
    EXPECT_NEAR(e.x, 6500, 250);
    const auto& out = r.leg(*r.berth(), *east);
    ASSERT_GE(out.size(), 3u);  // round a corner
    const auto back = r.leg(*east, *r.berth());
    ASSERT_EQ(back.size(), out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        EXPECT_EQ(back[i].x, out[out.size() - 1 - i].x);
        EXPECT_EQ(back[i].y, out[out.size() - 1 - i].y);
    }
    EXPECT_NEAR(r.length(*r.berth(), *east), r.length(*east, *r.berth()), 1e-9);
    EXPECT_GT(r.length(*r.berth(), *east), 11500);  // at least the straight line through the island
    EXPECT_EQ(r.length(*east, *east), 0);
    // Outside the grid: no station.
    EXPECT_FALSE(r.station({40000, 0}, 500));
}
