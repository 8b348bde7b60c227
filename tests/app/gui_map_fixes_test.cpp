// Issue 14's "fix what a user found", where no display is needed: the Inspector's lengths,
// the grading filter as users write it, a typed timeline time.
#include "app/gui/feature_summary.h"
#include "app/gui/report_filter.h"
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

layers::Layer graded_reports() {
    layers::Layer l;
    l.role = layers::LayerRole::Reports;
    l.fields = {{"reported_at", layers::FieldType::DateTime}, {"category", layers::FieldType::String},
                {"source_evaluation", layers::FieldType::String}, {"assessment", layers::FieldType::String},
                {"handling", layers::FieldType::String}};
    auto add = [&](const char* t, const char* cat, const char* src, const char* as, const char* h) {
        layers::Feature f;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{0, 0}};
        f.values = {std::string(t), std::string(cat), std::string(src), std::string(as), std::string(h)};
        l.features.push_back(f);
    };
    add("2026-03-02T10:00:00Z", "small boat", "2", "B", "P");   // 0: graded B2 / 2B
    add("2026-03-03T10:00:00Z", "small boat", "1", "B", "P");   // 1
    add("2026-03-04T10:00:00Z", "drugs", "2", "C", "C");        // 2
    add("2026-03-05T10:00:00Z", "Small Boat", "2", "b", "C");   // 3: lower-case assessment
    return l;
}

std::vector<std::size_t> kept(const layers::Layer& l, const ReportFilter& f) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < l.features.size(); ++i)
        if (report_matches(l, i, f)) out.push_back(i);
    return out;
}

TEST(ReportFilter, GradingB2AsUsersWriteItInEitherOrder) {
    const layers::Layer l = graded_reports();
    std::string error;
    for (const char* text : {"B2", "2B", "b2", "2/B", " 2 - b "}) {
        auto q = parse_grading_query(text, &error);
        ASSERT_TRUE(q) << text << ": " << error;
        ReportFilter f;
        f.grading = *q;
        EXPECT_EQ(kept(l, f), (std::vector<std::size_t>{0, 3})) << text;  // source 2 and assessment B
    }
    ReportFilter f;
    f.grading = *parse_grading_query("B", &error);
    EXPECT_EQ(kept(l, f), (std::vector<std::size_t>{0, 1, 3}));
    f.grading = *parse_grading_query("2BC", &error);
    EXPECT_EQ(kept(l, f), (std::vector<std::size_t>{3}));
    f.grading = *parse_grading_query("", &error);
    EXPECT_TRUE(f.grading.empty());
    EXPECT_EQ(kept(l, f).size(), 4u);
    EXPECT_FALSE(parse_grading_query("B7", &error));
    EXPECT_NE(error.find("B7"), std::string::npos) << error;
}

TEST(ReportFilter, TimeAndCategoryTogether) {
    const layers::Layer l = graded_reports();
    ReportFilter f;
    f.category = "small";
    f.from = geo::parse_iso8601("2026-03-03T00:00:00Z");
    f.to = geo::parse_iso8601("2026-03-05T10:00:00Z");  // exclusive
    EXPECT_EQ(kept(l, f), (std::vector<std::size_t>{1}));
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
