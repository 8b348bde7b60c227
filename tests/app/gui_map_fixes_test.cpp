// Issue 14's "fix what a user found", where no display is needed: the Inspector's lengths
// and a typed timeline time (the grading filter: tests/layers/reports/report_filter_test.cpp).
#include "app/gui/feature_summary.h"
#include "app/gui/time_input.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

TEST(FeatureSummary, ALineIsMeasuredOnce) {
    geo::Geometry seg;
    seg.kind = geo::GeometryKind::Line;
    seg.lines = {{{0, 0}, {600, 0}, {600, 400}}};  // 600 m + 400 m
    EXPECT_DOUBLE_EQ(feature_length_m(seg), 1000);  // was reported as 2.00 km
    EXPECT_EQ(length_text(1000), "1.00 km (0.54 nm)");  // 1000 / 1852 = 0.5400
    EXPECT_EQ(geometry_summary(seg), "3 vertices; length 1.00 km (0.54 nm)");
    geo::Geometry gap;  // a 77 km gap in two parts
    gap.kind = geo::GeometryKind::Line;
    gap.lines = {{{0, 0}, {0, 40000}}, {{1000, 0}, {1000, 37000}}};
    EXPECT_DOUBLE_EQ(feature_length_m(gap), 77000);
    geo::Geometry square;  // 2 km square with a 1 km square hole: 8 + 4 km of rings
    square.kind = geo::GeometryKind::Polygon;
    square.polygons = {{{{0, 0}, {2000, 0}, {2000, 2000}, {0, 2000}, {0, 0}},
                        {{{500, 500}, {500, 1500}, {1500, 1500}, {1500, 500}, {500, 500}}}}};
    EXPECT_DOUBLE_EQ(feature_length_m(square), 12000);
    geo::Geometry point;
    point.kind = geo::GeometryKind::Point;
    point.points = {{1, 2}};
    EXPECT_EQ(geometry_summary(point), "1 vertex");
}

TEST(TimelineTime, TypedTimesAreCheckedAndNeverBecome1970) {
    const geo::UnixTime from = *geo::parse_iso8601("2026-03-02T00:00:00Z"), to = *geo::parse_iso8601("2026-03-09T00:00:00Z");
    std::string error;
    // 2026-03-04T12:30:00Z = 1772627400 (date -u -d 2026-03-04T12:30:00Z +%s).
    EXPECT_EQ(parse_timeline_time("2026-03-04 12:30", from, to, &error), 1772627400.0);
    EXPECT_EQ(parse_timeline_time(" 2026-03-04T12:30:00Z ", from, to, &error), 1772627400.0);
    EXPECT_EQ(error, "");
    // What Ctrl+click on the slider used to accept: the label's text, read as a number.
    EXPECT_FALSE(parse_timeline_time("2026", from, to, &error));
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(parse_timeline_time("yesterday", from, to, &error));
    EXPECT_NE(error.find("ISO 8601"), std::string::npos) << error;
    EXPECT_FALSE(parse_timeline_time("", from, to, &error));
    EXPECT_FALSE(parse_timeline_time("1970-01-01T00:00:00Z", from, to, &error));
    EXPECT_NE(error.find("outside the window"), std::string::npos) << error;
    EXPECT_FALSE(parse_timeline_time("2026-03-10", from, to, &error));
    EXPECT_EQ(timeline_text(1772627400), "2026-03-04 12:30:00");
    // Steps stop at the window's ends.
    EXPECT_EQ(step_time(from + 1800, -3600, from, to), from);
    EXPECT_EQ(step_time(from, 86400, from, to), from + 86400);
    EXPECT_EQ(step_time(to - 3600, 86400, from, to), to);
}

}  // namespace
}  // namespace tidemark::gui
