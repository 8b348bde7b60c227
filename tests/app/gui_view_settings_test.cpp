// The view kept in the workspace: saved as setting "view", put back on opening; values that
// cannot be used are named in Problems and the view fits the workspace instead.
#include "app/gui/app_state.h"
#include "app/gui/view_settings.h"
#include "gui_fixture.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

constexpr geo::UnixTime kFrom = 1772409600, kTo = kFrom + 7 * 86400;  // 2026-03-02 .. 2026-03-09
constexpr geo::UnixTime kT = 1772712000;                              // 2026-03-05T12:00:00Z

struct Saved {
    test::ScratchDir dir;
    std::string path;
    Saved() {
        path = test::make_island_workspace(dir);
        AppState app;
        app.view.rect = {0, 0, 1000, 800};
        std::string error;
        EXPECT_TRUE(app.open(path, &error)) << error;
        app.workspace->window_from = kFrom;
        app.workspace->window_to = kTo;
        app.view.centre = {123456.5, 234567.25};
        app.view.metres_per_pixel = 55.5;
        app.time_t = kT;
        app.show_legend = false;
        app.heat_layer = true;
        app.coverage_as_of = true;
        app.full_tracks = true;
        app.report_filter.grading = "B2";
        app.report_filter.category = "small boat";
        app.report_filter.hide_duplicates = true;
        EXPECT_TRUE(app.save(&error)) << error;
    }
};

TEST(ViewSettings, KeptWhenSavedAndPutBackOnOpening) {
    Saved s;
    AppState app;
    app.view.rect = {0, 0, 1000, 800};
    std::string error;
    ASSERT_TRUE(app.open(s.path, &error)) << error;
    EXPECT_TRUE(app.view_restored());
    EXPECT_DOUBLE_EQ(app.view.centre.x, 123456.5);
    EXPECT_DOUBLE_EQ(app.view.centre.y, 234567.25);
    EXPECT_DOUBLE_EQ(app.view.metres_per_pixel, 55.5);
    EXPECT_DOUBLE_EQ(app.time_t, kT);
    EXPECT_FALSE(app.show_legend);
    EXPECT_TRUE(app.heat_layer);
    EXPECT_TRUE(app.coverage_as_of);
    EXPECT_TRUE(app.full_tracks);
    EXPECT_EQ(app.report_filter.grading, "B2");
    EXPECT_EQ(app.report_filter.category, "small boat");
    EXPECT_TRUE(app.report_filter.hide_duplicates);
    EXPECT_TRUE(app.problems.empty());
    EXPECT_FALSE(app.dirty());
}

TEST(ViewSettings, APannedViewIsOneSettingToSave) {
    Saved s;
    AppState app;
    std::string error;
    ASSERT_TRUE(app.open(s.path, &error)) << error;
    app.view.pan_pixels(100, 0);
    app.workspace->settings[kViewSetting] = view_to_json(app);
    // The incremental save writes that one setting and nothing else.
    EXPECT_EQ(app.workspace->unsaved_changes(), (std::vector<std::string>{"setting 'view'"}));
    ASSERT_TRUE(app.save(&error)) << error;
    AppState again;
    ASSERT_TRUE(again.open(s.path, &error)) << error;
    EXPECT_DOUBLE_EQ(again.view.centre.x, app.view.centre.x);
}

TEST(ViewSettings, UnusableValuesAreNamedAndTheViewFitsTheWorkspace) {
    Saved s;
    {
        AppState app;
        std::string error;
        ASSERT_TRUE(app.open(s.path, &error)) << error;
        app.workspace->settings[kViewSetting] = {{"centre", {1, 2}}, {"metres_per_pixel", -3}, {"time", "yesterday"},
                                                 {"legend", "yes"}};
        ASSERT_TRUE(app.workspace->save(&error)) << error;
    }
    AppState app;
    app.view.rect = {0, 0, 1000, 800};
    std::string error;
    ASSERT_TRUE(app.open(s.path, &error)) << error;
    EXPECT_FALSE(app.view_restored());
    // Fitted to the 200 km island in 1000x800 px with 5 % margins.
    EXPECT_NEAR(app.view.metres_per_pixel, 200000.0 / 720.0, 1e-6);
    EXPECT_TRUE(app.show_legend);
    std::string all;
    for (const auto& p : app.problems) all += p.describe() + "\n";
    EXPECT_NE(all.find("view.metres_per_pixel"), std::string::npos) << all;
    EXPECT_NE(all.find("got -3"), std::string::npos) << all;
    EXPECT_NE(all.find("view.time"), std::string::npos) << all;
    EXPECT_NE(all.find("view.legend"), std::string::npos) << all;
}

}  // namespace
}  // namespace tidemark::gui
