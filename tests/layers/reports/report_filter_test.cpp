// The report filter as users type it (the Reports panel, `render --grading` and friends):
// gradings in either order ("B2" is source 2, assessment B under the 3x5x2 scheme), time and
// category together.
#include "layers/scene/map_scene.h"
#include "layers/reports/report_filter.h"

#include <gtest/gtest.h>

namespace tidemark::layers {
namespace {

Layer graded_reports() {
    Layer l;
    l.role = LayerRole::Reports;
    l.fields = {{"reported_at", FieldType::DateTime}, {"category", FieldType::String},
                {"source_evaluation", FieldType::String}, {"assessment", FieldType::String},
                {"handling", FieldType::String}};
    auto add = [&](const char* t, const char* cat, const char* src, const char* as, const char* h) {
        Feature f;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{0, 0}};
        f.values = {std::string(t), std::string(cat), std::string(src), std::string(as), std::string(h)};
        l.features().push_back(f);
    };
    add("2026-03-02T10:00:00Z", "small boat", "2", "B", "P");   // 0: graded B2 / 2B
    add("2026-03-03T10:00:00Z", "small boat", "1", "B", "P");   // 1
    add("2026-03-04T10:00:00Z", "drugs", "2", "C", "C");        // 2
    add("2026-03-05T10:00:00Z", "Small Boat", "2", "b", "C");   // 3: lower-case assessment
    return l;
}

std::vector<std::size_t> kept(const Layer& l, const ReportFilter& f) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < l.features().size(); ++i)
        if (report_matches(l, i, f)) out.push_back(i);
    return out;
}

TEST(ReportFilter, GradingB2AsUsersWriteItInEitherOrder) {
    const Layer l = graded_reports();
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
    const Layer l = graded_reports();
    ReportFilter f;
    f.category = "small";
    f.from = geo::parse_iso8601("2026-03-03T00:00:00Z");
    f.to = geo::parse_iso8601("2026-03-05T10:00:00Z");  // exclusive
    EXPECT_EQ(kept(l, f), (std::vector<std::size_t>{1}));
}

TEST(ReportFilter, DescribedAsTheLegendSaysIt) {
    ReportFilter f;
    EXPECT_TRUE(f.empty());
    EXPECT_EQ(describe(f), "");
    std::string error;
    f.grading = *parse_grading_query("2b", &error);
    EXPECT_FALSE(f.empty());
    EXPECT_EQ(describe(f), "grading B2");
    f.category = "small";
    f.from = geo::parse_iso8601("2026-03-03T00:00:00Z");
    f.to = geo::parse_iso8601("2026-03-05T10:00:00Z");
    f.hide_duplicates = true;
    EXPECT_EQ(describe(f),
              "grading B2, category contains 'small', reported 2026-03-03 00:00 – 2026-03-05 10:00 UTC, "
              "possible duplicates left out");
}

// The scene both map backends draw: the desktop map and `render` leave out the same reports.
TEST(ReportFilter, TheMapSceneHidesWhatTheFilterLeavesOutAndSaysSo) {
    Workspace ws;
    Layer l = graded_reports();
    l.name = "reports";
    ws.put(std::move(l));
    std::string error;
    ReportFilter f;
    f.grading = *parse_grading_query("B2", &error);
    const MapScene scene = build_map_scene(ws, std::nullopt, nullptr, &f);
    ASSERT_EQ(scene.layers.size(), 1u);
    const SceneLayer& d = scene.layers[0];
    EXPECT_EQ(d.hidden, (std::vector<char>{0, 1, 1, 0}));
    EXPECT_FALSE(d.shown(1));
    ASSERT_FALSE(d.legend_notes.empty());
    EXPECT_EQ(d.legend_notes.back(), "filter: 2 of 4 shown; grading B2");
    const MapScene unfiltered = build_map_scene(ws, std::nullopt);
    EXPECT_TRUE(unfiltered.layers[0].hidden.empty());
    const ReportFilter none;
    EXPECT_TRUE(build_map_scene(ws, std::nullopt, nullptr, &none).layers[0].hidden.empty());
}

}  // namespace
}  // namespace tidemark::layers
