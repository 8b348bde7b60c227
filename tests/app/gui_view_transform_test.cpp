// View transform, simplification, grid references, scale bar lengths, timeline and colour
// ramps: pure functions, expected values worked out by hand or published.
#include "app/gui/grid_reference.h"
#include "app/gui/map/feature_colours.h"
#include "app/gui/map/overlays.h"
#include "app/gui/map/simplify.h"
#include "app/gui/map/view_transform.h"
#include "app/gui/timeline_model.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

ViewTransform view_800x600() {
    ViewTransform v;
    v.rect = {100, 50, 800, 600};  // centre pixel (500, 350)
    v.centre = {400000, 300000};
    v.metres_per_pixel = 250;
    return v;
}

TEST(ViewTransform, WorldToScreenByHand) {
    const ViewTransform v = view_800x600();
    // 10 km east and 5 km north of centre: +40 px right, -20 px (up).
    const geo::XY s = v.world_to_screen({410000, 305000});
    EXPECT_NEAR(s.x, 540.0, 1e-9);
    EXPECT_NEAR(s.y, 330.0, 1e-9);
    const geo::XY w = v.screen_to_world({100, 50});  // top-left corner
    EXPECT_NEAR(w.x, 400000 - 400 * 250.0, 1e-6);
    EXPECT_NEAR(w.y, 300000 + 300 * 250.0, 1e-6);
}

TEST(ViewTransform, VisibleBoxCoversRect) {
    const geo::Box b = view_800x600().visible_box();
    EXPECT_NEAR(b.min_x, 300000, 1e-6);
    EXPECT_NEAR(b.max_x, 500000, 1e-6);
    EXPECT_NEAR(b.min_y, 225000, 1e-6);
    EXPECT_NEAR(b.max_y, 375000, 1e-6);
}

TEST(ViewTransform, ZoomAroundCursorKeepsPointUnderCursor) {
    ViewTransform v = view_800x600();
    const geo::XY cursor{700, 150};
    const geo::XY before = v.screen_to_world(cursor);  // (450000, 350000)
    EXPECT_NEAR(before.x, 450000, 1e-6);
    EXPECT_NEAR(before.y, 350000, 1e-6);
    v.zoom_at(cursor, 2.0);
    EXPECT_NEAR(v.metres_per_pixel, 125, 1e-9);
    const geo::XY after = v.screen_to_world(cursor);
    EXPECT_NEAR(after.x, 450000, 1e-6);
    EXPECT_NEAR(after.y, 350000, 1e-6);
    // The centre moved halfway towards the cursor's world point.
    EXPECT_NEAR(v.centre.x, 425000, 1e-6);
    EXPECT_NEAR(v.centre.y, 325000, 1e-6);
}

TEST(ViewTransform, PanFollowsPointer) {
    ViewTransform v = view_800x600();
    v.pan_pixels(40, -20);  // drag right and up: the map moves with the pointer
    EXPECT_NEAR(v.centre.x, 400000 - 40 * 250.0, 1e-6);
    EXPECT_NEAR(v.centre.y, 300000 - 20 * 250.0, 1e-6);
}

TEST(ViewTransform, FitShowsWholeBoxWithMargin) {
    ViewTransform v = view_800x600();
    v.fit({0, 0, 700000, 1200000}, 0.0);  // tall box: height decides, 1.2e6 m / 600 px
    EXPECT_NEAR(v.metres_per_pixel, 2000, 1e-9);
    EXPECT_NEAR(v.centre.x, 350000, 1e-9);
    EXPECT_NEAR(v.centre.y, 600000, 1e-9);
    v.fit({0, 0, 700000, 1200000}, 0.1);  // 80 % of 600 px = 480 px
    EXPECT_NEAR(v.metres_per_pixel, 2500, 1e-9);
}

TEST(ViewTransform, ClipMatrixMapsRectEdgesToUnitSquare) {
    const ViewTransform v = view_800x600();
    const auto m = v.clip_matrix({400000, 300000});
    // World x = centre + 400 px * 250 m is the right edge: clip x = 1.
    EXPECT_NEAR(m[0] * 100000.0 + m[12], 1.0, 1e-6);
    EXPECT_NEAR(m[5] * -75000.0 + m[13], -1.0, 1e-6);
}

TEST(Simplify, DropsVerticesWithinToleranceByHand) {
    // (1, 0.4) is 0.4 m off the chord (0,0)-(2,0); (3, 3) is far off (0,0)-(4,0).
    const geo::Path path{{0, 0}, {1, 0.4}, {2, 0}, {3, 3}, {4, 0}};
    const geo::Path loose = simplify_path(path, 0.5);
    ASSERT_EQ(loose.size(), 4u);
    EXPECT_EQ(loose[1], (geo::XY{2, 0}));
    EXPECT_EQ(loose[2], (geo::XY{3, 3}));
    EXPECT_EQ(simplify_path(path, 0.3).size(), 5u);
    EXPECT_EQ(simplify_path(path, 10).size(), 2u);
}

TEST(Simplify, ClosedRingStaysClosed) {
    const geo::Path ring{{0, 0}, {10, 0}, {10, 0.01}, {10, 10}, {0, 10}, {0, 0}};
    const geo::Path s = simplify_path(ring, 1.0);
    ASSERT_EQ(s.size(), 5u);  // the 1 cm wiggle goes
    EXPECT_EQ(s.front(), s.back());
}

TEST(GridReference, PublishedExamples) {
    // Chris Veness's OS grid reference example (movable-type.co.uk): 651409, 313177.
    EXPECT_EQ(os_grid_reference({651409.903, 313177.270}), "TG 51409 13177");
    // OS "Guide to coordinate systems" style: London's TQ square starts at 500 km E, 100 km N.
    EXPECT_EQ(os_grid_reference({530000, 180000}), "TQ 30000 80000");
    // Ben Nevis summit, NN 16667 71254 (E 216667, N 771254).
    EXPECT_EQ(os_grid_reference({216667, 771254}), "NN 16667 71254");
    EXPECT_EQ(os_grid_reference({438700, 114800}, 6), "SU 387 148");
    EXPECT_EQ(os_grid_reference({-5, 100}), "");
}

TEST(ScaleBar, NiceLengths) {
    // 1 km per px, at most 150 px: 150 km -> 100 km; in nautical miles 81 nm -> 50 nm.
    EXPECT_NEAR(nice_scale_length(1000, 150, 1000), 100000, 1e-6);
    EXPECT_NEAR(nice_scale_length(1000, 150, 1852), 50 * 1852.0, 1e-6);
    // 30 m per px: 4.5 km -> 2 km.
    EXPECT_NEAR(nice_scale_length(30, 150, 1000), 2000, 1e-6);
}

TEST(Timeline, InterpolatesPositionAndHeading) {
    layers::Layer tracks;
    tracks.role = layers::LayerRole::Tracks;
    tracks.fields = {{"vessel", layers::FieldType::String}, {"time", layers::FieldType::DateTime}};
    auto add = [&](const char* vessel, const char* time, double x, double y) {
        layers::Feature f;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{x, y}};
        f.values = {std::string(vessel), std::string(time)};
        tracks.features().push_back(f);
    };
    add("HMC Seeker", "2026-03-01T12:00:00Z", 500000, 100000);
    add("HMC Seeker", "2026-03-01T13:00:00Z", 518520, 100000);  // 18.52 km east in an hour: 10 kn
    TimelineModel m;
    m.load(tracks);
    const auto at = m.at(*geo::parse_iso8601("2026-03-01T12:30:00Z"), 3600);
    ASSERT_EQ(at.size(), 1u);
    EXPECT_NEAR(at[0].position.x, 509260, 0.5);
    EXPECT_NEAR(at[0].position.y, 100000, 0.5);
    EXPECT_NEAR(at[0].heading_deg, 90.0, 1e-6);
    EXPECT_TRUE(m.at(*geo::parse_iso8601("2026-03-01T11:00:00Z"), 3600).empty());  // before the first fix
}

TEST(TimelineModel, PresenceRunsBreakAtGapsLongerThanHalfAnHour) {
    layers::Layer tracks;
    tracks.role = layers::LayerRole::Tracks;
    tracks.fields = {{"vessel", layers::FieldType::String}, {"time", layers::FieldType::String}};
    auto add = [&](const char* time) {
        layers::Feature f;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{500000, 100000}};
        f.values = {std::string("HMC Seeker"), std::string(time)};
        tracks.features().push_back(f);
    };
    // Out of order on purpose; 10:00-10:30 (30 min apart: one run), then 11:01 (31 min later: new).
    for (const char* t : {"2026-03-01T10:30:00Z", "2026-03-01T10:00:00Z", "2026-03-01T11:01:00Z", "2026-03-01T10:20:00Z"})
        add(t);
    TimelineModel m;
    m.load(tracks);
    const auto t = [](const char* s) { return *geo::parse_iso8601(s); };
    const auto runs = m.presence("HMC Seeker");
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].first, t("2026-03-01T10:00:00Z"));
    EXPECT_EQ(runs[0].second, t("2026-03-01T10:30:00Z"));
    EXPECT_EQ(runs[1].first, t("2026-03-01T11:01:00Z"));
    EXPECT_EQ(runs[1].second, t("2026-03-01T11:01:00Z"));
    EXPECT_TRUE(m.presence("HMC Searcher").empty());
    // A window's fixes, ends included.
    const auto in = m.fixes_between("HMC Seeker", t("2026-03-01T10:20:00Z"), t("2026-03-01T11:01:00Z"));
    ASSERT_EQ(in.size(), 3u);
    EXPECT_EQ(in.front().t, t("2026-03-01T10:20:00Z"));
    EXPECT_EQ(in.back().t, t("2026-03-01T11:01:00Z"));
    EXPECT_TRUE(m.fixes_between("HMC Seeker", t("2026-03-01T10:31:00Z"), t("2026-03-01T11:00:00Z")).empty());
}

TEST(FeatureColours, RampRunsGreenToRedAndCategoriesGetPalette) {
    const layers::Rgba good = ramp_colour(0), bad = ramp_colour(1);
    EXPECT_GT(good.g, good.r);
    EXPECT_GT(bad.r, bad.g);
    layers::Layer ports;
    ports.role = layers::LayerRole::Ports;
    ports.fields = {{"kind", layers::FieldType::String}};
    for (const char* k : {"marina", "port", "marina"}) {
        layers::Feature f;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{0, 0}};
        f.values = {std::string(k)};
        ports.features().push_back(f);
    }
    const FeatureColours c = feature_colours(ports, layers::default_style(layers::LayerRole::Ports));
    ASSERT_EQ(c.legend.size(), 2u);  // two kinds, sorted: marina, port
    EXPECT_EQ(c.legend[0].label, "marina");
    EXPECT_EQ(c.symbol[0], layers::PointSymbol::Circle);
    EXPECT_EQ(c.symbol[1], layers::PointSymbol::Square);
    EXPECT_EQ(c.colour[0].r, c.colour[2].r);
    EXPECT_NE(c.colour[0].r, c.colour[1].r);
}

}  // namespace
}  // namespace tidemark::gui
