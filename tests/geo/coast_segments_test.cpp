#include "geo/coast_segments.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tidemark::geo;

// 2500 m at a 1000 m target: round(2.5) = 3 pieces of 833.33 m.
TEST(CoastSegments, StraightLineCutIntoEqualPieces) {
    const auto segs = cut_coast_segments({{{0, 0}, {2500, 0}}}, 1000);
    ASSERT_EQ(segs.size(), 3u);
    for (const auto& s : segs) EXPECT_NEAR(s.length_m, 2500.0 / 3, 1e-6);
    EXPECT_NEAR(segs[0].path.back().x, 833.333, 1e-3);
    EXPECT_NEAR(segs[1].midpoint.x, 1250, 1e-6);
    EXPECT_EQ(segs[2].path.back(), (XY{2500, 0}));
    EXPECT_EQ(segs[2].id, 2u);
    EXPECT_FALSE(segs[0].line_closed);
}

// (0,0)-(1500,0)-(1500,1500): 3000 m -> three 1 km pieces; the middle one keeps the corner vertex.
TEST(CoastSegments, PiecesKeepFullResolutionVertices) {
    const auto segs = cut_coast_segments({{{0, 0}, {1500, 0}, {1500, 1500}}}, 1000);
    ASSERT_EQ(segs.size(), 3u);
    const Path expected = {{1000, 0}, {1500, 0}, {1500, 500}};
    EXPECT_EQ(segs[1].path, expected);
    EXPECT_NEAR(segs[1].length_m, 1000, 1e-9);
    EXPECT_NEAR(segs[1].midpoint.x, 1500, 1e-9);
    EXPECT_NEAR(segs[1].midpoint.y, 0, 1e-9);
}

TEST(CoastSegments, SmallIslandStaysOneClosedSegment) {
    const auto segs = cut_coast_segments({{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}, {{5, 5}}}, 1000);
    ASSERT_EQ(segs.size(), 1u);  // the one-point line is skipped
    EXPECT_TRUE(segs[0].line_closed);
    EXPECT_NEAR(segs[0].length_m, 400, 1e-9);
    EXPECT_EQ(segs[0].path.size(), 5u);
}

// Forces A (x in [-10, 0] km) and B (x in [0, 10] km), both y in [0, 10] km. The shore at
// y = -500 lies outside both (generalised boundaries): each midpoint takes the nearest force
// within 2 km; at (-500, -500) A is 500 m away and B sqrt(500^2 + 500^2) = 707 m. A shore at
// y = -3000 is 3 km from both: no force.
TEST(CoastSegments, ForceAssignmentNearABoundary) {
    const std::vector<ForceArea> forces = {
        {"A", "Force A", {{{{-10000, 0}, {0, 0}, {0, 10000}, {-10000, 10000}, {-10000, 0}}, {}}}},
        {"B", "Force B", {{{{0, 0}, {10000, 0}, {10000, 10000}, {0, 10000}, {0, 0}}, {}}}}};
    auto segs = cut_coast_segments({{{-3000, -500}, {3000, -500}}, {{-1000, -3000}, {1000, -3000}}, {{-2000, 5000}, {-1000, 5000}}}, 1000);
    ASSERT_EQ(segs.size(), 6u + 2u + 1u);
    assign_forces(segs, forces);
    EXPECT_EQ(segs[0].force, 0);  // midpoint (-2500, -500)
    EXPECT_EQ(segs[2].force, 0);  // (-500, -500)
    EXPECT_EQ(segs[3].force, 1);  // (500, -500)
    EXPECT_EQ(segs[5].force, 1);  // (2500, -500)
    EXPECT_EQ(segs[6].force, -1);
    EXPECT_EQ(segs[7].force, -1);
    EXPECT_EQ(segs[8].force, 0);  // inside A
}

TEST(CoastSegments, DistanceToNearestPort) {
    auto segs = cut_coast_segments({{{0, 0}, {1000, 0}}, {{0, 5000}, {1000, 5000}}}, 1000);
    assign_port_distances(segs, {{500, 700}, {3000, 4000}});
    EXPECT_NEAR(segs[0].port_distance_m, 700, 1e-9);
    // Second line: (3000, 4000) to its end (1000, 5000) is sqrt(2000^2 + 1000^2) = 2236.07 m;
    // (500, 700) is 4300 m away.
    EXPECT_NEAR(segs[1].port_distance_m, 2236.068, 1e-3);
    auto none = cut_coast_segments({{{0, 0}, {1000, 0}}}, 1000);
    assign_port_distances(none, {});
    EXPECT_TRUE(std::isinf(none[0].port_distance_m));
}
