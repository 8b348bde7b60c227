// The app's coast as of T: the Coverage as of T switch recolours the segments layer from its
// stored sightings, a new T rebuilds the map's buffers only when a segment changes class.
#include "app/gui/app_state.h"
#include "gui_fixture.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

layers::Feature segment(double x, double max_gap_s, std::int64_t visits, const std::string& observers,
                        const std::string& sightings) {
    layers::Feature f;
    f.geometry.kind = geo::GeometryKind::Line;
    f.geometry.lines = {{{x, 100000}, {x + 1000, 100000}}};
    f.values = {max_gap_s, visits, observers, sightings};
    return f;
}

// T0 = 2026-03-05T12:00:00Z = 1772712000. Segment 0 seen until T0 - 1 h, segment 1 until
// T0 - 30 h, segment 2 never. Over the window all but segment 2 met the 24 h target.
struct AsOfWorkspace {
    test::ScratchDir dir;
    AppState app;
    static constexpr geo::UnixTime kT0 = 1772712000;
    AsOfWorkspace() {
        std::string error;
        EXPECT_TRUE(app.open(test::make_island_workspace(dir), &error)) << error;
        layers::Layer seg;
        seg.name = "segments";
        seg.role = layers::LayerRole::Segments;
        seg.fields = {{"max_gap_s", layers::FieldType::Real}, {"visits", layers::FieldType::Integer},
                      {"observers", layers::FieldType::String}, {"sightings", layers::FieldType::String}};
        seg.features() = {segment(100000, 3600, 4, "Valiant", "1772704800+3600@0"),
                        segment(101000, 3600, 4, "Searcher", "1772600000+4000@0"),
                        segment(102000, 7 * 86400, 0, "", "")};
        app.workspace->put(std::move(seg));
        app.workspace->settings["coverage"] = {{"revisit_target_h", 24}};
        app.refresh_coverage_history();
    }
    const layers::SceneLayer& scene() { return app.scene_layer(*app.workspace->find("segments")); }
    std::uint64_t stamp() { return app.scene_stamp(*app.workspace->find("segments")); }
};

TEST(CoverageAsOfInApp, SwitchRecoloursTheCoastByTimeSinceLastSeen) {
    AsOfWorkspace w;
    ASSERT_TRUE(w.app.coverage_as_of_available());
    w.app.time_t = AsOfWorkspace::kT0;
    EXPECT_EQ(w.scene().classes.feature_class, (std::vector<int>{0, 0, 4}));  // the window's classes
    w.app.coverage_as_of = true;
    EXPECT_EQ(w.scene().classes.feature_class, (std::vector<int>{0, 1, 4}));
    EXPECT_EQ(w.scene().legend_title, "Coast as of 2026-03-05 12:00 UTC: time since last seen");
    const std::uint64_t before = w.stamp();
    // One minute later nothing changes class: same buffers, the legend says the new T.
    w.app.time_t = AsOfWorkspace::kT0 + 60;
    EXPECT_EQ(w.stamp(), before);
    EXPECT_EQ(w.scene().legend_title, "Coast as of 2026-03-05 12:01 UTC: time since last seen");
    // 24 h later segment 0 (seen until 11:00) is past the target: new colours, new buffers.
    w.app.time_t = AsOfWorkspace::kT0 + 86400;
    EXPECT_EQ(w.scene().classes.feature_class, (std::vector<int>{1, 2, 4}));
    EXPECT_NE(w.stamp(), before);
    w.app.coverage_as_of = false;
    EXPECT_EQ(w.scene().classes.feature_class, (std::vector<int>{0, 0, 4}));
}

TEST(CoverageAsOfInApp, UnavailableWithoutSightings) {
    AsOfWorkspace w;
    layers::Layer* seg = w.app.workspace->find("segments");
    seg->fields.pop_back();
    for (auto& f : seg->features()) f.values.pop_back();
    w.app.workspace->put(layers::Layer(*seg));  // a new layer object: the history is read again
    w.app.set_visible("segments", true);         // touches the layer
    w.app.refresh_coverage_history();
    EXPECT_FALSE(w.app.coverage_as_of_available());
    w.app.coverage_as_of = true;
    w.app.time_t = AsOfWorkspace::kT0;
    EXPECT_EQ(w.scene().classes.feature_class, (std::vector<int>{0, 0, 4}));  // the window's
}

TEST(CoverageAsOfInApp, AClickOnTheCoastSelectsTheSegmentNotTheGapHaloOverIt) {
    AsOfWorkspace w;
    layers::Layer gaps;
    gaps.name = "gaps";
    gaps.role = layers::LayerRole::Gaps;
    gaps.fields = {{"gap_id", layers::FieldType::Integer}};
    layers::Feature g;
    g.geometry.kind = geo::GeometryKind::Line;
    g.geometry.lines = {{{100000, 100000}, {103000, 100000}}};
    g.values = {std::int64_t{1}};
    gaps.features() = {g};
    w.app.workspace->put(std::move(gaps));  // last in the list: drawn on top of the segments
    ASSERT_TRUE(w.app.select_at({101500, 100010}, 200));
    EXPECT_EQ(w.app.selection.layer, "segments");
    EXPECT_EQ(w.app.selection.feature, 1);  // 101000..102000
    w.app.set_visible("segments", false);
    ASSERT_TRUE(w.app.select_at({101500, 100010}, 200));
    EXPECT_EQ(w.app.selection.layer, "gaps");
}

}  // namespace
}  // namespace tidemark::gui
