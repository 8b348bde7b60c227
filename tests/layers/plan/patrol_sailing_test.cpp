#include "layers/plan/patrol_sailing.h"

#include "suggest_fixture.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tidemark;
using namespace tidemark::layers::plan;

namespace {

constexpr double kKnotMs = 1852.0 / 3600.0;

double dist(geo::XY a, geo::XY b) { return std::hypot(a.x - b.x, a.y - b.y); }

layers::SeaGrid island_grid() {
    const layers::Workspace ws = test::suggest_fixture_workspace();
    std::vector<geo::Polygon> land = ws.find_role(layers::LayerRole::Coastline)->features()[0].geometry.polygons;
    return layers::SeaGrid({520000, 80000}, 40000, 250, land);
}

}  // namespace

TEST(PatrolSailing, PassesEveryWaypointAtAboutTheSpeedAndLoitersForItsMinutes) {
    SailStyle style;  // weave up to 60 m, loiters within 800 m at about 4 kn
    const std::vector<layers::PlannedWaypoint> route = {{{0, 0}, 0}, {{10000, 0}, 30}, {{10000, 8000}, 0}};
    geo::SeededRandom rng(7);
    const auto path = sail_path(route, 1000, 10, style, nullptr, rng);
    // Every waypoint is on the path, in order; the loiter ends on its waypoint 30 min after arriving.
    std::size_t at = 0;
    std::vector<geo::UnixTime> on_waypoint;
    for (const auto& p : path)
        if (at < route.size() && p.p == route[at].p) on_waypoint.push_back(p.t), ++at;
    ASSERT_EQ(at, route.size());
    EXPECT_EQ(path.front().t, 1000);
    // The first leg: 10 km at 94-103 % of 10 kn, lengthened by the wander (under 1 % for a 60 m
    // sine of at least 3 km wavelength: 1 + (pi 60 / 3000)^2 / ... < 1.004).
    const double leg_s = on_waypoint[1] - 1000;
    EXPECT_GE(leg_s, 10000 / (1.03 * 10 * kKnotMs));
    EXPECT_LE(leg_s, 10000 * 1.01 / (0.94 * 10 * kKnotMs));
    geo::UnixTime left = 0;
    double farthest = 0;
    for (const auto& p : path)
        if (p.t >= on_waypoint[1] && p.t <= on_waypoint[1] + 1800) farthest = std::max(farthest, dist(p.p, route[1].p));
    for (std::size_t i = 0; i < path.size(); ++i)
        if (path[i].p == route[1].p) left = path[i].t;  // the last time on it: the loiter's end
    EXPECT_NEAR(left - on_waypoint[1], 1800, 1e-6);
    EXPECT_GT(farthest, 50);                 // it moved about while loitering...
    EXPECT_LE(farthest, 800 + 1e-6);         // ...within the radius
    // Times only go forward, and no part of it is faster than the fastest leg.
    for (std::size_t i = 1; i < path.size(); ++i) {
        ASSERT_GT(path[i].t, path[i - 1].t);
        EXPECT_LE(dist(path[i].p, path[i - 1].p) / (path[i].t - path[i - 1].t), 1.03 * 10 * kKnotMs + 1e-9);
    }
}

TEST(PatrolSailing, StaysOffLandRoundAnIsland) {
    const layers::SeaGrid grid = island_grid();
    SailStyle style;
    style.weave_m = 150, style.loiter_radius_m = 2500;  // a cutter's
    // Along the north shore 600 m off, loitering an hour at each end: wander and loiters must
    // keep off the island.
    const std::vector<layers::PlannedWaypoint> route = {{{502000, 100600}, 60}, {{538000, 100600}, 60}, {{502000, 100600}, 0}};
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        geo::SeededRandom rng(seed);
        for (const auto& p : sail_path(route, 0, 14, style, &grid, rng)) {
            int cx, cy;
            grid.cell_of(p.p, cx, cy);
            ASSERT_TRUE(grid.sea(cx, cy)) << "seed " << seed << " at (" << p.p.x << ", " << p.p.y << ")";
            ASSERT_FALSE(test::on_island(p.p.x, p.p.y));
        }
    }
}

TEST(PatrolSailing, LogsAFixEveryIntervalWithDropouts) {
    SailStyle style;  // a fix every 18-42 s; a dropout of 2-15 min every 4 h on average
    geo::SeededRandom rng(3);
    // 48 h of straight sailing at 10 kn.
    const double metres = 48 * 3600 * 10 * kKnotMs;
    const auto path = sail_path({{{0, 0}, 0}, {{metres, 0}, 0}}, 0, 10, style, nullptr, rng);
    const auto fixes = log_path(path, style, rng);
    ASSERT_GT(fixes.size(), 2u);
    EXPECT_EQ(fixes.front().t, path.front().t);
    EXPECT_EQ(fixes.back().t, path.back().t);
    int dropouts = 0;
    for (std::size_t i = 1; i < fixes.size(); ++i) {
        const double gap = fixes[i].t - fixes[i - 1].t;
        ASSERT_GT(gap, 0);
        if (gap > 1.4 * style.fix_every_s + 1e-9) {
            ++dropouts;
            // A dropout hides at most its 15 min and the fix interval either side.
            EXPECT_LE(gap, style.dropout_max_min * 60 + 2 * 1.4 * style.fix_every_s);
        } else if (i + 1 < fixes.size()) {
            EXPECT_GE(gap, 0.6 * style.fix_every_s - 1e-9);
        }
        // Speed and course over ground as sailed: east give or take the wander (a 60 m sine of at
        // least 3 km wavelength, tapered over 600 m at the ends, slopes at most
        // 60 (1/600 + 2 pi/3000) = 0.226: 12.7 degrees), at 94-103 % of 10 kn.
        EXPECT_NEAR(fixes[i].course_deg, 90, 12.8);
        EXPECT_GE(fixes[i].speed_kn, 9.4 - 1e-9);
        EXPECT_LE(fixes[i].speed_kn, 10.3 + 1e-9);
    }
    // 48 h at one dropout every 4 h: 12 expected (Poisson); 99.9 % of draws give 3 to 24.
    EXPECT_GE(dropouts, 3);
    EXPECT_LE(dropouts, 24);
}

TEST(PatrolSailing, SameStreamSameTrack) {
    SailStyle style;
    const std::vector<layers::PlannedWaypoint> route = {{{0, 0}, 20}, {{5000, 5000}, 0}};
    geo::SeededRandom a(11), b(11), c(12);
    const auto pa = sail_path(route, 0, 12, style, nullptr, a), pb = sail_path(route, 0, 12, style, nullptr, b),
               pc = sail_path(route, 0, 12, style, nullptr, c);
    ASSERT_EQ(pa.size(), pb.size());
    for (std::size_t i = 0; i < pa.size(); ++i) {
        EXPECT_EQ(pa[i].t, pb[i].t);
        EXPECT_EQ(pa[i].p, pb[i].p);
    }
    bool differs = pa.size() != pc.size();
    for (std::size_t i = 0; !differs && i < pa.size(); ++i) differs = !(pa[i].p == pc[i].p);
    EXPECT_TRUE(differs);
}
