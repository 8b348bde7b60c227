// The Reports panel's filters reach the map: the report symbols (the scene's hidden mask the
// GL buffers skip) and the heat layer's bins keep only the reports the table keeps.
#include "app/gui/app_state.h"
#include "app/gui/map/overlays.h"
#include "gui_fixture.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

struct WithReports {
    test::ScratchDir dir;
    AppState app;
    WithReports() {
        app.view.rect = {0, 0, 1000, 800};
        std::string error;
        EXPECT_TRUE(app.open(test::make_island_workspace(dir), &error)) << error;
        layers::Layer l;
        l.name = "reports";
        l.role = layers::LayerRole::Reports;
        l.fields = {{"reported_at", layers::FieldType::DateTime}, {"category", layers::FieldType::String},
                    {"source_evaluation", layers::FieldType::String}, {"assessment", layers::FieldType::String},
                    {"possible_duplicate", layers::FieldType::Integer}};
        auto add = [&](geo::XY p, const char* t, const char* cat, const char* src, const char* as, std::int64_t dup) {
            layers::Feature f;
            f.geometry.kind = geo::GeometryKind::Point;
            f.geometry.points = {p};
            f.values = {std::string(t), std::string(cat), std::string(src), std::string(as), dup};
            l.features().push_back(f);
        };
        add({200000, 200000}, "2026-03-02T10:00:00Z", "small boat", "2", "B", 0);  // 0: B2
        add({200100, 200100}, "2026-03-02T10:10:00Z", "small boat", "2", "B", 1);  // 1: B2, duplicate of 0
        add({150000, 150000}, "2026-03-04T10:00:00Z", "drugs", "1", "C", 0);       // 2: C1
        add({250000, 250000}, "2026-03-05T10:00:00Z", "small boat", "3", "B", 0);  // 3: B3
        app.workspace->put(std::move(l));
        app.heat_layer = true;
    }
    std::vector<char> hidden() { return app.scene_layer(*app.workspace->find("reports")).hidden; }
    int heat_total() {
        int n = 0;
        for (const auto& [cell, count] : report_heat_bins(app)) n += count;
        return n;
    }
};

TEST(ReportFilterOnTheMap, GradingB2HidesTheOtherReportsAndTheirHeat) {
    WithReports w;
    EXPECT_TRUE(w.hidden().empty());  // no filter: every report drawn
    EXPECT_EQ(w.heat_total(), 4);
    w.app.report_filter.grading = "B2";
    EXPECT_EQ(w.hidden(), (std::vector<char>{0, 0, 1, 1}));
    EXPECT_EQ(w.heat_total(), 2);
    // The layer list's legend says it, as the exported map's does (the same scene).
    EXPECT_EQ(w.app.scene_layer(*w.app.workspace->find("reports")).legend_notes.back(), "filter: 2 of 4 shown; grading B2");
    w.app.report_filter.hide_duplicates = true;
    EXPECT_EQ(w.hidden(), (std::vector<char>{0, 1, 1, 1}));
    EXPECT_EQ(w.heat_total(), 1);
    w.app.report_filter = {};
    EXPECT_TRUE(w.hidden().empty());
    for (const std::string& note : w.app.scene_layer(*w.app.workspace->find("reports")).legend_notes)
        EXPECT_EQ(note.find("filter:"), std::string::npos) << note;
    EXPECT_EQ(w.heat_total(), 4);
}

TEST(ReportFilterOnTheMap, CategoryAndTimeTogether) {
    WithReports w;
    w.app.report_filter.category = "small";
    w.app.report_filter.from = "2026-03-02T10:05:00Z";
    EXPECT_EQ(w.hidden(), (std::vector<char>{1, 0, 1, 0}));
    EXPECT_EQ(w.heat_total(), 2);
    // A time that cannot be read is named and left out of the filter (the category still applies).
    w.app.report_filter.from = "yesterday";
    std::vector<std::string> errors;
    layers::parse_report_filter(w.app.report_filter, &errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("From 'yesterday'"), std::string::npos) << errors[0];
    EXPECT_EQ(w.hidden(), (std::vector<char>{0, 0, 1, 0}));
}

TEST(ReportFilterOnTheMap, ANewFilterGivesTheRendererNewBuffers) {
    WithReports w;
    const layers::Layer& reports = *w.app.workspace->find("reports");
    const std::uint64_t unfiltered = w.app.scene_stamp(reports);
    w.app.report_filter.grading = "B2";
    const std::uint64_t b2 = w.app.scene_stamp(reports);
    EXPECT_NE(b2, unfiltered);
    EXPECT_EQ(w.app.scene_stamp(reports), b2);  // the same filter: the same buffers
}

}  // namespace
}  // namespace tidemark::gui
