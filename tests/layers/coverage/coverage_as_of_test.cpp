// Coverage as of T from hand-worked sightings: the age at T is T minus the latest end of any
// sighting that began at or before T (0 while a vessel has the segment in sight), classed
// against the revisit target (here 24 h = 86400 s) as the window's coverage classes are.
#include "layers/coverage/coverage_as_of.h"
#include "layers/scene/map_scene.h"

#include <gtest/gtest.h>

namespace tidemark::layers {
namespace {

constexpr double kDay = 86400;

// Segment 0: A [0, 3600], B [100000, 103600]. Segment 1: never seen. Segment 2: A [0, 500000].
// Segment 3: A [10000, 20000] with B's [12000, 15000] inside it (the later start ends earlier).
CoverageHistory worked_history() {
    return CoverageHistory::from_entries({{{0, 3600, "A"}, {100000, 103600, "B"}},
                                          {},
                                          {{0, 500000, "A"}},
                                          {{12000, 15000, "B"}, {10000, 20000, "A"}}});
}

std::vector<int> classes_at(const CoverageHistory& h, double t) {
    std::vector<int> out;
    h.classes_at(t, kDay, out);
    return out;
}

TEST(CoverageAsOf, ClassesAtChosenTimes) {
    const CoverageHistory h = worked_history();
    // T = 50000: seg 0 seen 46400 s before (met); seg 2 in sight; seg 3 last seen at 20000 by A.
    EXPECT_EQ(classes_at(h, 50000), (std::vector<int>{0, 4, 0, 0}));
    // T = 3600 + 86400 + 1: seg 0 one second past the target.
    EXPECT_EQ(classes_at(h, 90001), (std::vector<int>{1, 4, 0, 0}));
    // T = 100050: B has seg 0 in sight again.
    EXPECT_EQ(classes_at(h, 100050)[0], kSeenWithinTarget);
    // T = 20000 + 2 days + 1: seg 3 past 2x; seg 0 last seen at 103600, 88801 s before: past 1x.
    EXPECT_EQ(classes_at(h, 20000 + 2 * kDay + 1), (std::vector<int>{1, 4, 0, 2}));
    // T = 103600 + 4 days: seg 0 exactly 4x (still "up to 4x"); a second later beyond; seg 2 too.
    EXPECT_EQ(classes_at(h, 103600 + 4 * kDay)[0], kSeenUpTo4x);
    EXPECT_EQ(classes_at(h, 103600 + 4 * kDay + 1)[0], kSeenOver4x);
    EXPECT_EQ(classes_at(h, 500000 + 4 * kDay + 1)[2], kSeenOver4x);
    // Before anything began: never seen before T; at the first start: in sight.
    EXPECT_EQ(classes_at(h, -1), (std::vector<int>{4, 4, 4, 4}));
    EXPECT_EQ(classes_at(h, 0), (std::vector<int>{0, 4, 0, 4}));
}

TEST(CoverageAsOf, LastSeenSaysWhenAndByWhom) {
    const CoverageHistory h = worked_history();
    auto s = h.last_seen(0, 50000);
    ASSERT_TRUE(s);
    EXPECT_DOUBLE_EQ(s->at, 3600);
    EXPECT_EQ(s->vessel, "A");
    EXPECT_FALSE(s->in_sight);
    s = h.last_seen(0, 100050);
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->in_sight);
    EXPECT_DOUBLE_EQ(s->at, 100050);
    EXPECT_EQ(s->vessel, "B");
    s = h.last_seen(3, 16000);  // both in sight; A's reaches further
    ASSERT_TRUE(s);
    EXPECT_EQ(s->vessel, "A");
    s = h.last_seen(3, 30000);
    EXPECT_DOUBLE_EQ(s->at, 20000);
    EXPECT_EQ(s->vessel, "A");
    EXPECT_FALSE(h.last_seen(1, 1e9));
    EXPECT_FALSE(h.last_seen(0, -5));
    EXPECT_FALSE(h.last_seen(99, 0));  // no such segment
}

Feature segment(std::int64_t fid, const std::string& observers, const std::string& sightings) {
    Feature f;
    f.fid = fid;
    f.geometry.kind = geo::GeometryKind::Line;
    f.geometry.lines = {{{0, 0}, {1000, 0}}};
    f.values = {observers, sightings};
    return f;
}

TEST(CoverageAsOf, ReadsTheSegmentsLayerAndNamesARowItCannotRead) {
    Layer seg;
    seg.name = "segments";
    seg.source = "ws.gpkg";
    seg.role = LayerRole::Segments;
    seg.fields = {{"observers", FieldType::String}, {"sightings", FieldType::String}};
    seg.features() = {segment(1, "Valiant; Searcher", "1000+600@1;5000+100@0"), segment(2, "", ""),
                    segment(3, "Valiant", "1000+600@4")};
    geo::Problems problems;
    const CoverageHistory h = CoverageHistory::from_layer(seg, &problems);
    EXPECT_TRUE(h.has_sightings());
    ASSERT_EQ(h.segments(), 3u);
    auto s = h.last_seen(0, 2000);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->vessel, "Searcher");
    EXPECT_DOUBLE_EQ(s->at, 1600);
    EXPECT_EQ(h.last_seen(0, 9000)->vessel, "Valiant");
    EXPECT_FALSE(h.last_seen(2, 9000));  // unreadable: never seen
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].feature, "3");
    EXPECT_EQ(problems[0].layer, "segments");
    EXPECT_NE(problems[0].reason.find("lists 1 observers"), std::string::npos) << problems[0].reason;

    Layer old = seg;
    old.fields.pop_back();
    for (auto& f : old.features()) f.values.pop_back();
    EXPECT_FALSE(CoverageHistory::from_layer(old).has_sightings());
}

TEST(CoverageAsOf, SceneColoursTheCoastAsOfTWithTheTimeInTheLegend) {
    Workspace ws;
    Layer seg;
    seg.name = "segments";
    seg.role = LayerRole::Segments;
    seg.fields = {{"max_gap_s", FieldType::Real}, {"visits", FieldType::Integer}, {"observers", FieldType::String},
                  {"sightings", FieldType::String}};
    // 2026-03-05T12:00:00Z = 1772712000. Seg 0 seen until 11:00 that day; seg 1 until 30 h
    // before T; seg 2 never. Over the whole window they were all met or never: max_gap_s 1 h.
    for (auto [i, sightings] : {std::pair{0, "1772700000+7200@0"}, std::pair{1, "1772600000+4000@0"}, std::pair{2, ""}}) {
        Feature f = segment(i, i == 2 ? "" : "Valiant", sightings);
        f.values.insert(f.values.begin(), {Value{3600.0}, Value{std::int64_t{i == 2 ? 0 : 5}}});
        seg.features().push_back(f);
    }
    ws.put(std::move(seg));
    ws.settings["coverage"] = {{"revisit_target_h", 24}};
    const CoverageHistory h = CoverageHistory::from_layer(*ws.find("segments"));
    const geo::UnixTime t = 1772712000;
    const MapScene as_of = build_map_scene(ws, t, &h);
    ASSERT_EQ(as_of.layers.size(), 1u);
    const SceneLayer& s = as_of.layers[0];
    EXPECT_EQ(s.classes.feature_class, (std::vector<int>{0, 1, 4}));
    EXPECT_EQ(s.legend_title, "Coast as of 2026-03-05 12:00 UTC: time since last seen");
    ASSERT_EQ(s.legend.size(), 5u);
    EXPECT_EQ(s.legend[0].label, "seen within 24 h (revisit target met)");
    EXPECT_EQ(s.legend[4].label, "never seen before T");
    for (int i = 0; i < 3; ++i) {
        const Rgba want = coverage_class_colour(s.classes.feature_class[i]);
        EXPECT_FLOAT_EQ(s.colour[i].r, want.r);
        EXPECT_FLOAT_EQ(s.colour[i].g, want.g);
    }
    // Without the history the same scene keeps the window's classes.
    EXPECT_EQ(build_map_scene(ws, t).layers[0].classes.feature_class, (std::vector<int>{0, 0, 4}));
}

}  // namespace
}  // namespace tidemark::layers
