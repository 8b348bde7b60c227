// Hand-worked coverage cases: every expected interval below follows from the geometry by hand.
#include "geo/coverage.h"
#include "geo/observation.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tidemark::geo;

namespace {

// A vessel moving in a straight line at constant velocity, with a fix every `step_s`.
Track straight_track(const std::string& name, XY from, XY to, UnixTime t0, UnixTime t1, double step_s) {
    Track t;
    t.vessel = name;
    TrackLeg leg;
    const int n = static_cast<int>(std::round((t1 - t0) / step_s));
    for (int i = 0; i <= n; ++i) {
        const double f = static_cast<double>(i) / n;
        leg.fixes.push_back({t0 + f * (t1 - t0), {from.x + f * (to.x - from.x), from.y + f * (to.y - from.y)}});
    }
    t.legs.push_back(leg);
    return t;
}

// Coast along the x axis from 0 to 10 km, cut into ten 1 km segments.
std::vector<CoastSegment> straight_coast() { return cut_coast_segments({{{0, 0}, {10000, 0}}}, 1000); }

CoverageOptions window(UnixTime from, UnixTime to) {
    CoverageOptions o;
    o.from = from;
    o.to = to;
    return o;
}

}  // namespace

// Vessel at y = 3 km, 10 m/s along x from -20 km (t = 0) to 30 km (t = 5000 s), range 5 km.
// Segment 0 spans x 0..1000: in range while the along-shore offset is <= sqrt(5000^2 - 3000^2)
// = 4000 m, i.e. x in [-4000, 5000] -> t in [1600, 2500].
TEST(Coverage, ParallelPassAtKnownDistanceAndSpeed) {
    const auto segs = straight_coast();
    ASSERT_EQ(segs.size(), 10u);
    const auto tracks = {straight_track("A", {-20000, 3000}, {30000, 3000}, 0, 5000, 10)};
    const CoverageResult r = compute_coverage(segs, tracks, {5000}, window(0, 5000));
    const SegmentCoverage& s0 = r.segments[0];
    EXPECT_NEAR(s0.observed_s, 900, 1e-6);
    EXPECT_EQ(s0.visits, 1);
    ASSERT_TRUE(s0.first_seen && s0.last_seen);
    EXPECT_NEAR(*s0.first_seen, 1600, 1e-6);
    EXPECT_NEAR(*s0.last_seen, 2500, 1e-6);
    EXPECT_NEAR(s0.max_gap_s, 2500, 1e-6);  // from 2500 to the window's end at 5000
    ASSERT_EQ(s0.observers.size(), 1u);
    // Segment 9 spans 9000..10000: x in [5000, 14000] -> t in [2500, 3400].
    EXPECT_NEAR(*r.segments[9].first_seen, 2500, 1e-6);
    EXPECT_NEAR(*r.segments[9].last_seen, 3400, 1e-6);
}

TEST(Coverage, SameAnswerWithSparseFixesAndOneThread) {
    const auto segs = straight_coast();
    const auto tracks = {straight_track("A", {-20000, 3000}, {30000, 3000}, 0, 5000, 1250)};
    CoverageOptions o = window(0, 5000);
    o.threads = 1;
    const CoverageResult r = compute_coverage(segs, tracks, {5000}, o);
    EXPECT_NEAR(*r.segments[0].first_seen, 1600, 1e-6);
    EXPECT_NEAR(r.segments[0].observed_s, 900, 1e-6);
}

// The window [2000, 2400) cuts the pass [1600, 2500] at both ends.
TEST(Coverage, VesselCrossingTheWindowEdges) {
    const auto segs = straight_coast();
    const auto tracks = {straight_track("A", {-20000, 3000}, {30000, 3000}, 0, 5000, 10)};
    const CoverageResult r = compute_coverage(segs, tracks, {5000}, window(2000, 2400));
    EXPECT_NEAR(r.segments[0].observed_s, 400, 1e-6);
    EXPECT_EQ(r.segments[0].visits, 1);
    EXPECT_NEAR(r.segments[0].max_gap_s, 0, 1e-6);
    EXPECT_NEAR(*r.segments[0].first_seen, 2000, 1e-6);
    EXPECT_NEAR(*r.segments[0].last_seen, 2400, 1e-6);
}

// B follows A's path 500 s later: [1600, 2500] and [2100, 3000] overlap; union [1600, 3000].
TEST(Coverage, TwoVesselsWithOverlappingIntervals) {
    const auto segs = straight_coast();
    const std::vector<Track> tracks = {straight_track("A", {-20000, 3000}, {30000, 3000}, 0, 5000, 10),
                                       straight_track("B", {-20000, 3000}, {30000, 3000}, 500, 5500, 10)};
    const CoverageResult r = compute_coverage(segs, tracks, {5000, 5000}, window(0, 6000));
    const SegmentCoverage& s0 = r.segments[0];
    EXPECT_NEAR(s0.observed_s, 1400, 1e-6);
    EXPECT_EQ(s0.visits, 1);
    EXPECT_NEAR(s0.max_gap_s, 3000, 1e-6);  // 3000 -> 6000
    EXPECT_EQ(s0.observers, (std::vector<std::uint32_t>{0, 1}));
}

// Fixes at t = 0 (x = -20 km), 1000 (-10 km), then 4000 (20 km), 5000 (30 km): the 3000 s break
// exceeds the 30 min maximum gap, so the pass over segment 0 is not counted.
TEST(Coverage, TrackBreakLongerThanMaximumGapContributesNothing) {
    const auto segs = straight_coast();
    Track t;
    t.vessel = "A";
    t.legs.push_back({{{0, {-20000, 3000}}, {1000, {-10000, 3000}}, {4000, {20000, 3000}}, {5000, {30000, 3000}}}});
    CoverageResult r = compute_coverage(segs, {t}, {5000}, window(0, 5000));
    EXPECT_EQ(r.segments[0].visits, 0);
    EXPECT_NEAR(r.segments[0].observed_s, 0, 1e-9);
    EXPECT_NEAR(r.segments[0].max_gap_s, 5000, 1e-9);
    EXPECT_FALSE(r.segments[0].first_seen.has_value());
    // With a 1 h maximum gap the break is bridged and the pass counts again.
    CoverageOptions o = window(0, 5000);
    o.max_gap_s = 3600;
    r = compute_coverage(segs, {t}, {5000}, o);
    EXPECT_NEAR(r.segments[0].observed_s, 900, 1e-6);
}

// Bay shore S from (-500, 0) to (500, 0) on a land block below y = 0; a headland block
// x in [-2000, 2000], y in [1000, 1500] lies between it and a vessel running along y = 3000 from
// x = -10 km (t = 0) to 10 km (t = 2000 s). For x > 500 the nearest point of S is (500, 0) and the
// sight line clears the headland's corner (2000, 1000) when 500 + (x - 500) / 3 > 2000, i.e.
// x > 5000 (t > 1500); by symmetry x < -5000 (t < 500). Visible: 1000 s of the 2000 s in range.
TEST(Coverage, HeadlandHidesBayUnderLineOfSight) {
    const std::vector<CoastSegment> segs = cut_coast_segments({{{-500, 0}, {500, 0}}}, 1000);
    ASSERT_EQ(segs.size(), 1u);
    const Path bay_land = {{-3000, -3000}, {3000, -3000}, {3000, 0}, {-3000, 0}, {-3000, -3000}};
    const Path headland = {{-2000, 1000}, {2000, 1000}, {2000, 1500}, {-2000, 1500}, {-2000, 1000}};
    const LandMask land({bay_land, headland});
    const auto tracks = {straight_track("A", {-10000, 3000}, {10000, 3000}, 0, 2000, 10)};

    CoverageResult r = compute_coverage(segs, tracks, {20000}, window(0, 2000));
    EXPECT_NEAR(r.segments[0].observed_s, 2000, 1e-6);

    CoverageOptions o = window(0, 2000);
    o.land = &land;
    r = compute_coverage(segs, tracks, {20000}, o);
    const double step = o.sight_step_s;
    EXPECT_EQ(r.segments[0].visits, 2);
    EXPECT_NEAR(r.segments[0].observed_s, 1000, 2 * step);
    ASSERT_EQ(r.segments[0].observed.size(), 2u);
    EXPECT_NEAR(r.segments[0].observed[0].to, 500, step);
    EXPECT_NEAR(r.segments[0].observed[1].from, 1500, step);
    EXPECT_NEAR(r.segments[0].max_gap_s, 1000, 2 * step);
}

TEST(Coverage, SummariseMergesTouchingAndClipsToWindow) {
    const SegmentCoverage s = summarise_intervals({{50, 80}, {-10, 20}, {20, 30}, {90, 200}}, 0, 100);
    EXPECT_EQ(s.visits, 3);  // [0,30], [50,80], [90,100]
    EXPECT_NEAR(s.observed_s, 30 + 30 + 10, 1e-9);
    EXPECT_NEAR(s.max_gap_s, 20, 1e-9);
    EXPECT_NEAR(*s.first_seen, 0, 1e-9);
    EXPECT_NEAR(*s.last_seen, 100, 1e-9);
}

// The moving point (-10, 3) -> (10, 3) against the edge (-1, 0)-(1, 0), range 5:
// in range while |x| <= 1 + 4 (offset 3, sqrt(25 - 9) = 4): x in [-5, 5] -> u in [0.25, 0.75].
TEST(Observation, MovingPointWithinRangeOfEdge) {
    double lo, hi;
    ASSERT_TRUE(moving_point_within({-10, 3}, {10, 3}, {-1, 0}, {1, 0}, 5, &lo, &hi));
    EXPECT_NEAR(lo, 0.25, 1e-12);
    EXPECT_NEAR(hi, 0.75, 1e-12);
    EXPECT_FALSE(moving_point_within({-10, 6}, {10, 6}, {-1, 0}, {1, 0}, 5, &lo, &hi));
}

// Watched: A passes (0, 0) at 3 km offset between t = 1600 and 2500 (see the parallel pass).
TEST(Observation, WatchedDuringAndOutsideThePass) {
    const std::vector<Track> tracks = {straight_track("A", {-20000, 3000}, {30000, 3000}, 0, 5000, 10)};
    EXPECT_TRUE(watched(tracks, {5000}, {0, 0}, 2400, 2600));
    EXPECT_FALSE(watched(tracks, {5000}, {0, 0}, 2600, 3000));
    EXPECT_FALSE(watched(tracks, {5000}, {0, 0}, 0, 1500));
    EXPECT_FALSE(watched(tracks, {}, {0, 0}, 0, 5000));
}

// The same two vessels: the union hides who saw the segment when, the sightings keep it:
// A [1600, 2500], B [2100, 3000] (B's pass is A's shifted by 500 s), sorted by start.
TEST(Coverage, SightingsKeepEachVesselsOwnIntervals) {
    const auto segs = straight_coast();
    const std::vector<Track> tracks = {straight_track("A", {-20000, 3000}, {30000, 3000}, 0, 5000, 10),
                                       straight_track("B", {-20000, 3000}, {30000, 3000}, 500, 5500, 10)};
    const CoverageResult r = compute_coverage(segs, tracks, {5000, 5000}, window(0, 6000));
    const auto& seen = r.segments[0].sightings;
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[0].track, 0u);
    EXPECT_NEAR(seen[0].when.from, 1600, 1e-6);
    EXPECT_NEAR(seen[0].when.to, 2500, 1e-6);
    EXPECT_EQ(seen[1].track, 1u);
    EXPECT_NEAR(seen[1].when.from, 2100, 1e-6);
    EXPECT_NEAR(seen[1].when.to, 3000, 1e-6);
}

// A window [2000, 2400) clips both vessels' sightings to it.
TEST(Coverage, SightingsAreClippedToTheWindow) {
    const auto segs = straight_coast();
    const std::vector<Track> tracks = {straight_track("A", {-20000, 3000}, {30000, 3000}, 0, 5000, 10),
                                       straight_track("B", {-20000, 3000}, {30000, 3000}, 500, 5500, 10)};
    const CoverageResult r = compute_coverage(segs, tracks, {5000, 5000}, window(2000, 2400));
    const auto& seen = r.segments[0].sightings;
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_NEAR(seen[0].when.from, 2000, 1e-6);
    EXPECT_NEAR(seen[0].when.to, 2400, 1e-6);
    EXPECT_NEAR(seen[1].when.from, 2100, 1e-6);
    EXPECT_NEAR(seen[1].when.to, 2400, 1e-6);
}

TEST(Coverage, MergeSightingsJoinsOneTracksTouchingPiecesOnly) {
    const std::vector<Sighting> raw = {{{300, 400}, 1}, {{100, 200}, 0}, {{200, 250}, 0}, {{150, 260}, 1}};
    const auto merged = merge_sightings(raw, 0, 1000);
    ASSERT_EQ(merged.size(), 3u);
    EXPECT_EQ(merged[0].track, 0u);  // [100, 250]: 200 touches 200
    EXPECT_DOUBLE_EQ(merged[0].when.from, 100);
    EXPECT_DOUBLE_EQ(merged[0].when.to, 250);
    EXPECT_EQ(merged[1].track, 1u);  // [150, 260]
    EXPECT_DOUBLE_EQ(merged[1].when.to, 260);
    EXPECT_EQ(merged[2].track, 1u);  // [300, 400]: 40 s after track 1's previous piece
    EXPECT_DOUBLE_EQ(merged[2].when.from, 300);
}
