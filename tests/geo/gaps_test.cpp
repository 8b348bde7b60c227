#include "geo/gaps.h"

#include <gtest/gtest.h>

using namespace tidemark::geo;

namespace {

CoverageResult with_max_gaps(const std::vector<double>& max_gap_s, UnixTime from, UnixTime to) {
    CoverageResult r;
    r.from = from;
    r.to = to;
    for (double g : max_gap_s) {
        SegmentCoverage s;
        s.max_gap_s = g;
        r.segments.push_back(s);
    }
    return r;
}

constexpr double kDay = 86400;

}  // namespace

// A 5 km line (segments 0..4) and a 4 km square ring (segments 5..8). Line gaps: {1, 2} and {4};
// ring gaps: {8, 5} joined across the ring's start.
TEST(Gaps, RunsOfConsecutiveSegmentsAndRingsJoinAcrossTheirStart) {
    auto segs = cut_coast_segments({{{0, 0}, {5000, 0}},
                                    {{0, 10000}, {1000, 10000}, {1000, 11000}, {0, 11000}, {0, 10000}}}, 1000);
    ASSERT_EQ(segs.size(), 9u);
    const auto cov = with_max_gaps({0, 2 * kDay, 3 * kDay, 0, 1.5 * kDay, 2 * kDay, 0, 0, 2 * kDay}, 0, 4 * kDay);
    const GapAnalysis a = analyse_gaps(segs, cov, 0, {}, {});
    ASSERT_EQ(a.gaps.size(), 3u);
    EXPECT_EQ(a.gaps[0].segments, (std::vector<std::uint32_t>{1, 2}));
    EXPECT_NEAR(a.gaps[0].length_m, 2000, 1e-9);
    EXPECT_NEAR(a.gaps[0].worst_gap_s, 3 * kDay, 1e-9);
    EXPECT_EQ(a.gaps[1].segments, (std::vector<std::uint32_t>{4}));
    EXPECT_EQ(a.gaps[2].segments, (std::vector<std::uint32_t>{8, 5}));
    // Risk with nothing near: length_km * worst / revisit = 2 * 3 = 6.
    EXPECT_NEAR(a.gaps[0].risk, 6.0, 1e-9);
}

// Exactly the revisit target is covered (a gap needs max_gap_s to exceed it).
TEST(Gaps, RevisitTargetItselfIsMet) {
    auto segs = cut_coast_segments({{{0, 0}, {2000, 0}}}, 1000);
    const GapAnalysis a = analyse_gaps(segs, with_max_gaps({kDay, kDay + 1}, 0, 2 * kDay), 0, {}, {});
    ASSERT_EQ(a.gaps.size(), 1u);
    EXPECT_EQ(a.gaps[0].segments, (std::vector<std::uint32_t>{1}));
}

// Line 0..4 km along y = 0; segments 0-1 force 0, 2-3 force 1; gap on segments 1, 2, 3.
// Port at (1500, 3000): 3 km from segment 1 -> in the gap. Port at (500, 8000): 8 km -> not.
// Events: weight 2 at (2500, 1000) in the window -> segment 2 (gap, force 1);
// weight 1 at (500, -100) -> segment 0 (force 0, no gap); one 6 km out and one outside the
// window count nowhere.
TEST(Gaps, PortsReportsRiskAndForceSummary) {
    auto segs = cut_coast_segments({{{0, 0}, {4000, 0}}}, 1000);
    segs[0].force = segs[1].force = 0;
    segs[2].force = segs[3].force = 1;
    const auto cov = with_max_gaps({0, 2 * kDay, 4 * kDay, 2 * kDay}, 0, 5 * kDay);
    const std::vector<WeightedEvent> events = {
        {{2500, 1000}, kDay, 2}, {{500, -100}, kDay, 1}, {{2500, 6000}, kDay, 5}, {{2500, 10}, 6 * kDay, 7}};
    const GapAnalysis a = analyse_gaps(segs, cov, 2, {{1500, 3000}, {500, 8000}}, events);
    ASSERT_EQ(a.gaps.size(), 1u);
    const Gap& g = a.gaps[0];
    EXPECT_NEAR(g.length_m, 3000, 1e-9);
    EXPECT_EQ(g.forces, (std::vector<int>{0, 1}));
    EXPECT_EQ(g.ports, 1);
    EXPECT_NEAR(g.reports, 2, 1e-9);
    // 3 km * (4 d / 1 d) * (1 + 1 port + 2 reports) = 48.
    EXPECT_NEAR(g.risk, 48, 1e-9);
    EXPECT_EQ(a.event_segment, (std::vector<int>{2, 0, -1, -1}));

    ASSERT_EQ(a.forces.size(), 2u);
    EXPECT_EQ(a.forces[0].force, 0);
    EXPECT_NEAR(a.forces[0].coast_km, 2, 1e-9);
    EXPECT_NEAR(a.forces[0].covered_km, 1, 1e-9);
    EXPECT_NEAR(a.forces[0].covered_pct, 50, 1e-9);
    EXPECT_NEAR(a.forces[0].longest_gap_km, 1, 1e-9);
    EXPECT_NEAR(a.forces[0].reports, 1, 1e-9);
    EXPECT_NEAR(a.forces[0].reports_in_gaps, 0, 1e-9);
    EXPECT_NEAR(a.forces[1].covered_pct, 0, 1e-9);
    EXPECT_NEAR(a.forces[1].longest_gap_km, 2, 1e-9);
    EXPECT_NEAR(a.forces[1].reports, 2, 1e-9);
    EXPECT_NEAR(a.forces[1].reports_in_gaps, 2, 1e-9);
}
