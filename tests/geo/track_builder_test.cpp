#include "geo/track_builder.h"

#include <gtest/gtest.h>

using namespace tidemark::geo;

namespace {
PositionReport rep(const std::string& v, double t, double x, double y, long line = 0) {
    PositionReport r;
    r.vessel = v;
    r.fix.t = t;
    r.fix.p = {x, y};
    r.line = line;
    return r;
}
}  // namespace

TEST(TrackBuilder, SortsDedupesAndSplitsAtGaps) {
    // 10 kn = 5.144 m/s: 60 s apart -> 308.7 m apart is plausible.
    std::vector<PositionReport> in = {rep("A", 120, 617, 0, 3), rep("A", 0, 0, 0, 1), rep("A", 60, 309, 0, 2),
                                      rep("A", 60, 309, 0, 4),  // exact duplicate
                                      rep("A", 120 + 1801, 617, 0, 5)};  // 1801 s silence > 1800 s
    TrackBuildOptions o;
    Problems problems;
    TrackBuildStats stats;
    auto tracks = build_tracks(in, o, problems, &stats);
    ASSERT_EQ(tracks.size(), 1u);
    ASSERT_EQ(tracks[0].legs.size(), 2u);
    ASSERT_EQ(tracks[0].legs[0].fixes.size(), 3u);
    EXPECT_EQ(tracks[0].legs[0].fixes[0].t, 0);
    EXPECT_EQ(tracks[0].legs[0].fixes[2].t, 120);
    EXPECT_EQ(tracks[0].legs[1].fixes.size(), 1u);
    EXPECT_EQ(stats.duplicates, 1u);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].line, 4);
    EXPECT_EQ(problems[0].feature, "A");
}

TEST(TrackBuilder, DropsImpossibleSpeed) {
    // 60 kn = 30.87 m/s. 1000 m in 30 s = 64.8 kn: dropped. 900 m in 30 s = 58.3 kn: kept.
    std::vector<PositionReport> in = {rep("B", 0, 0, 0), rep("B", 30, 1000, 0, 7), rep("B", 30.5, 0, 900, 8)};
    Problems problems;
    TrackBuildStats stats;
    auto tracks = build_tracks(in, TrackBuildOptions{}, problems, &stats);
    ASSERT_EQ(tracks.size(), 1u);
    ASSERT_EQ(tracks[0].legs[0].fixes.size(), 2u);
    EXPECT_EQ(tracks[0].legs[0].fixes[1].p.y, 900);
    EXPECT_EQ(stats.impossible_speed, 1u);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].reason.find("60 kn"), std::string::npos);
}

TEST(TrackBuilder, DropsAnOutlierThatOpensTheTrack) {
    // The first report is 50 km away (a GPS glitch); the next three are 300 m apart every 60 s
    // (about 9.7 kn). Reaching the second from the first would need 1620 kn, so the opening fix
    // is the one dropped and the three good fixes are kept.
    std::vector<PositionReport> in = {rep("C", 0, 50000, 0, 1), rep("C", 60, 0, 0, 2), rep("C", 120, 300, 0, 3),
                                      rep("C", 180, 600, 0, 4)};
    Problems problems;
    TrackBuildStats stats;
    auto tracks = build_tracks(in, TrackBuildOptions{}, problems, &stats);
    ASSERT_EQ(tracks.size(), 1u);
    ASSERT_EQ(tracks[0].legs.size(), 1u);
    ASSERT_EQ(tracks[0].legs[0].fixes.size(), 3u);
    EXPECT_EQ(tracks[0].legs[0].fixes[0].t, 60);
    EXPECT_EQ(tracks[0].legs[0].fixes[2].p.x, 600);
    EXPECT_EQ(stats.kept, 3u);
    EXPECT_EQ(stats.impossible_speed, 1u);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].line, 1);
    EXPECT_NE(problems[0].reason.find("first fix"), std::string::npos);
}

TEST(TrackBuilder, KeepsTheOpeningFixWhenTheFixesAfterItDisagree) {
    // Opening fix good; then two glitches far apart from each other: both are dropped, not the
    // opening fix (the report after the first glitch does not confirm it).
    std::vector<PositionReport> in = {rep("D", 0, 0, 0, 1), rep("D", 60, 50000, 0, 2), rep("D", 120, -50000, 0, 3),
                                      rep("D", 180, 900, 0, 4)};
    Problems problems;
    TrackBuildStats stats;
    auto tracks = build_tracks(in, TrackBuildOptions{}, problems, &stats);
    ASSERT_EQ(tracks.size(), 1u);
    ASSERT_EQ(tracks[0].legs[0].fixes.size(), 2u);
    EXPECT_EQ(tracks[0].legs[0].fixes[0].t, 0);
    EXPECT_EQ(tracks[0].legs[0].fixes[1].t, 180);
    EXPECT_EQ(stats.impossible_speed, 2u);
}

TEST(TrackBuilder, VesselsKeptApartAndFlagsCarried) {
    std::vector<PositionReport> in = {rep("B", 0, 0, 0), rep("A", 0, 5, 5), rep("B", 10, 10, 0)};
    TrackBuildOptions o;
    o.planned = true;
    o.synthetic = true;
    Problems problems;
    auto tracks = build_tracks(in, o, problems);
    ASSERT_EQ(tracks.size(), 2u);
    EXPECT_EQ(tracks[0].vessel, "A");
    EXPECT_EQ(tracks[1].legs[0].fixes.size(), 2u);
    EXPECT_TRUE(tracks[0].planned);
    EXPECT_TRUE(tracks[1].synthetic);
    EXPECT_TRUE(problems.empty());
}
