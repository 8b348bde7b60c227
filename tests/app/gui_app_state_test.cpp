// The application object's commands, as panels and tools issue them: no display needed.
#include "app/gui/app_state.h"
#include "gui_fixture.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

using test::ScratchDir;

struct Opened {
    ScratchDir dir;
    AppState app;
    Opened() {
        const std::string ws = test::make_island_workspace(dir);
        app.view.rect = {0, 0, 1000, 800};
        std::string error;
        EXPECT_TRUE(app.open(ws, &error)) << error;
    }
    bool add_report() {
        std::string error;
        const bool ok = app.add_layer(dir.write("reports.geojson", test::report_geojson()), layers::LayerRole::Reports,
                                      "reports", &error);
        EXPECT_TRUE(ok) << error;
        return ok;
    }
};

TEST(AppState, OpenFitsTheIslandInTheView) {
    Opened o;
    // 200 km square in 1000x800 px with 5 % margins: 200000 / (800 * 0.9) m per px.
    EXPECT_NEAR(o.app.view.metres_per_pixel, 200000.0 / 720.0, 1e-6);
    EXPECT_NEAR(o.app.view.centre.x, 200000, 1e-6);
    EXPECT_NEAR(o.app.view.centre.y, 200000, 1e-6);
    EXPECT_FALSE(o.app.dirty());
}

TEST(AppState, HidingALayerIsSavedInTheWorkspaceStyles) {
    Opened o;
    const std::uint64_t before = o.app.revision("coastline");
    o.app.set_visible("coastline", false);
    EXPECT_TRUE(o.app.dirty());
    EXPECT_NE(o.app.revision("coastline"), before);  // the renderer rebuilds
    std::string error;
    ASSERT_TRUE(o.app.save(&error)) << error;
    AppState reopened;
    ASSERT_TRUE(reopened.open(o.dir.file("ws.gpkg"), &error)) << error;
    EXPECT_FALSE(reopened.style(*reopened.workspace->find("coastline")).visible);
    EXPECT_EQ(reopened.workspace->settings["styles"]["coastline"]["visible"], false);
}

TEST(AppState, MoveLayerChangesDrawingOrder) {
    Opened o;
    ASSERT_TRUE(o.add_report());
    ASSERT_EQ(o.app.workspace->layers.back().name, "reports");
    EXPECT_TRUE(o.app.move_layer("reports", -1));
    EXPECT_EQ(o.app.workspace->layers.front().name, "reports");
    EXPECT_FALSE(o.app.move_layer("reports", -1));  // already at the bottom
}

TEST(AppState, ClickNearReportSelectsIt) {
    Opened o;
    ASSERT_TRUE(o.add_report());
    // 3 km from the report with a 5 km pick radius: the report (on top) is chosen.
    ASSERT_TRUE(o.app.select_at({203000, 350000}, 5000));
    EXPECT_EQ(o.app.selection.layer, "reports");
    EXPECT_EQ(o.app.selection.feature, 0);
    // Inside the island, far from the report: the coastline polygon.
    ASSERT_TRUE(o.app.select_at({150000, 150000}, 5000));
    EXPECT_EQ(o.app.selection.layer, "coastline");
    // Open sea far from everything: nothing.
    EXPECT_FALSE(o.app.select_at({600000, 600000}, 5000));
    EXPECT_TRUE(o.app.selection.empty());
}

TEST(AppState, ZoomToFeatureShowsItsSurroundings) {
    Opened o;
    ASSERT_TRUE(o.add_report());
    o.app.zoom_to_feature("reports", 0);
    EXPECT_NEAR(o.app.view.centre.x, 200000, 1e-6);
    EXPECT_NEAR(o.app.view.centre.y, 350000, 1e-6);
    // A point is shown with 5 km around it: 10 km in 720 usable px, ~14 m per px (was 1.4:
    // "zooms to 2 m/px", issue 14), not closer than a harbour's scale.
    EXPECT_NEAR(o.app.view.metres_per_pixel, 10000.0 / 720.0, 1e-6);
    EXPECT_GE(o.app.view.metres_per_pixel, 10.0);
}

TEST(AppState, AddingAMissingFileSaysWhichAndKeepsTheWorkspace) {
    Opened o;
    std::string error;
    EXPECT_FALSE(o.app.add_layer(o.dir.file("nope.geojson"), layers::LayerRole::Reports, "nope", &error));
    EXPECT_NE(error.find("nope.geojson"), std::string::npos) << error;
    EXPECT_EQ(o.app.workspace->layers.size(), 1u);
}

TEST(AppState, RemoveLayerClearsItsSelection) {
    Opened o;
    ASSERT_TRUE(o.add_report());
    o.app.select("reports", 0);
    EXPECT_TRUE(o.app.remove_layer("reports"));
    EXPECT_TRUE(o.app.selection.empty());
    EXPECT_EQ(o.app.workspace->find("reports"), nullptr);
}

}  // namespace
}  // namespace tidemark::gui
