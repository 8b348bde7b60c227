// The map scene both backends draw: coverage classes against the stored run's revisit target,
// one distinct colour per vessel, vessels at T by the one interpolation rule.
#include "layers/scene/map_scene.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tidemark::layers {
namespace {

Feature line(geo::XY a, geo::XY b, std::vector<Value> values) {
    Feature f;
    f.geometry.kind = geo::GeometryKind::Line;
    f.geometry.lines = {{a, b}};
    f.values = std::move(values);
    return f;
}

Feature fix(geo::XY p, const std::string& vessel, const std::string& time) {
    Feature f;
    f.geometry.kind = geo::GeometryKind::Point;
    f.geometry.points = {p};
    f.values = {vessel, time};
    return f;
}

Layer tracks_of(std::size_t vessels) {
    Layer t;
    t.name = "track_points";
    t.role = LayerRole::Tracks;
    t.fields = {{"vessel", FieldType::String}, {"time", FieldType::DateTime}};
    for (std::size_t i = 0; i < vessels; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "Vessel %02zu", i);
        t.features().push_back(fix({i * 1000.0, 0}, name, "2026-03-02T12:00:00Z"));
        t.features().push_back(fix({i * 1000.0, 3600}, name, "2026-03-02T13:00:00Z"));
    }
    return t;
}

// CIE L*a*b* of an sRGB colour (D65), written here from the sRGB and CIE definitions rather
// than taken from the code under test, which goes the other way (Lab to sRGB).
std::array<double, 3> lab(const Rgba& c) {
    auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const double r = lin(c.r), g = lin(c.g), b = lin(c.b);
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, y = 0.2126 * r + 0.7152 * g + 0.0722 * b,
                 z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double delta_e(const Rgba& a, const Rgba& b) {
    const auto p = lab(a), q = lab(b);
    return std::sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
}

TEST(MapScene, CoverageClassesAgainstTheStoredRunsTargetWithTheWindowInTheLegend) {
    Workspace ws;
    Layer seg;
    seg.name = "segments";
    seg.role = LayerRole::Segments;
    seg.fields = {{"max_gap_s", FieldType::Real}, {"visits", FieldType::Integer}};
    // Target 12 h: 11 h met, 20 h up to 2x, 40 h up to 4x, 60 h beyond, 0 visits never observed.
    const double gaps[] = {11, 20, 40, 60, 168};
    const std::int64_t visits[] = {3, 2, 1, 1, 0};
    for (int i = 0; i < 5; ++i) seg.features().push_back(line({i * 1000.0, 0}, {i * 1000.0 + 900, 0}, {gaps[i] * 3600, visits[i]}));
    ws.put(std::move(seg));
    ws.settings["coverage"] = {{"from", "2026-03-02T00:00:00Z"}, {"to", "2026-03-09T00:00:00Z"}, {"revisit_target_h", 12}};
    const SceneLayer s = scene_layer(ws, *ws.find("segments"));
    ASSERT_EQ(s.classes.classes.size(), 5u);
    EXPECT_EQ(s.classes.feature_class, (std::vector<int>{0, 1, 2, 3, 4}));
    EXPECT_EQ(s.legend[0].label, "≤ 12 h (revisit target met)");
    EXPECT_EQ(s.legend[1].label, "12 h – 24 h (up to 2× target)");
    EXPECT_EQ(s.legend[4].label, "never observed");
    EXPECT_EQ(s.legend_title, "Segments: longest gap between visits");
    EXPECT_EQ(s.legend_notes,
              (std::vector<std::string>{"revisit target 12 h", "window 2026-03-02 00:00 – 2026-03-09 00:00 UTC"}));
    for (int i = 0; i < 5; ++i) {  // every feature in its class's colour
        EXPECT_FLOAT_EQ(s.colour[i].r, s.classes.classes[i].colour.r);
        EXPECT_FLOAT_EQ(s.colour[i].g, s.classes.classes[i].colour.g);
    }
    // The met colour is green and never-observed red, whatever the other values are: a
    // min-max ramp would have made the 11 h segment green only by being the smallest.
    EXPECT_GT(s.colour[0].g, s.colour[0].r);
    EXPECT_GT(s.colour[4].r, 0.8f);
    EXPECT_LT(s.colour[4].g, 0.1f);
}

TEST(MapScene, TwentyThreeVesselsGetTwentyThreeDistinctColours) {
    Workspace ws;
    ws.put(tracks_of(23));
    const SceneLayer s = scene_layer(ws, *ws.find("track_points"));
    ASSERT_EQ(s.classes.classes.size(), 23u);  // no "other" class for vessels
    double closest = 1e9;
    for (std::size_t i = 0; i < 23; ++i)
        for (std::size_t j = i + 1; j < 23; ++j) closest = std::min(closest, delta_e(s.legend[i].colour, s.legend[j].colour));
    // ΔE*ab 10 is clearly different side by side; the old palette repeated after 10 (ΔE 0).
    EXPECT_GT(closest, 10.0);
    // None is lost against the sea.
    for (const auto& e : s.legend) EXPECT_GT(delta_e(e.colour, kSeaColour), 15.0) << e.label;
}

TEST(MapScene, VesselsAtTInterpolatedAndInTheirTrackColourEvenWithTheFixesHidden) {
    Workspace ws;
    ws.put(tracks_of(3));
    ws.settings["styles"]["track_points"] = {{"visible", false}};
    const MapScene scene = build_map_scene(ws, geo::parse_iso8601("2026-03-02T12:15:00Z"));
    EXPECT_EQ(scene.layers.size(), 0u);  // the fixes are hidden...
    ASSERT_EQ(scene.vessels.size(), 3u); // ...the vessels are not
    const SceneLayer tracks = scene_layer(ws, *ws.find("track_points"));
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_NEAR(scene.vessels[i].p.x, i * 1000.0, 1e-9);
        EXPECT_NEAR(scene.vessels[i].p.y, 900.0, 1e-9);  // a quarter of 3600 m in a quarter hour
        EXPECT_FLOAT_EQ(scene.vessels[i].colour.r, tracks.legend[i].colour.r);
        EXPECT_FLOAT_EQ(scene.vessels[i].colour.b, tracks.legend[i].colour.b);
    }
    // Outside the fixes' span a vessel is not drawn (no position held after its last fix).
    EXPECT_TRUE(build_map_scene(ws, geo::parse_iso8601("2026-03-02T13:00:01Z")).vessels.empty());
}

TEST(VesselPositions, NoInterpolationAcrossLegsOrLongSilences) {
    const std::vector<TimedFix> fixes = {{0, {0, 0}, "1"}, {600, {600, 0}, "1"}, {1200, {0, 0}, "2"}, {1200 + 7 * 3600, {0, 0}, "2"}};
    EXPECT_NEAR(position_at(fixes, 300)->x, 300, 1e-9);
    EXPECT_FALSE(position_at(fixes, 900));           // 600..1200 changes leg
    EXPECT_TRUE(position_at(fixes, 1200).has_value());  // exactly at a fix
    EXPECT_FALSE(position_at(fixes, 5000));          // 7 h of silence > 6 h
    EXPECT_FALSE(position_at(fixes, -1));
}

}  // namespace
}  // namespace tidemark::layers
