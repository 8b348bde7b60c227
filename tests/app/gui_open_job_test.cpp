// File > Open off the UI thread (OpenJob): the workspace lands in poll_background, as the app's
// loop calls it; a file that cannot be opened leaves the open workspace as it was. No display.
#include "app/gui/app_state.h"
#include "gui_fixture.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

using test::ScratchDir;

// Runs the app loop's landing step until the open has ended.
void land(AppState& app) {
    app.opening.wait();
    app.poll_background();
}

TEST(OpenJob, TheWorkspaceLandsWhenReadAndTheViewShowsIt) {
    ScratchDir dir;
    const std::string path = test::make_island_workspace(dir);
    AppState app;
    app.view.rect = {0, 0, 1000, 800};
    std::string error;
    ASSERT_TRUE(app.start_open(path, &error)) << error;
    EXPECT_EQ(app.status, "Opening " + path + " ...");
    land(app);
    ASSERT_TRUE(app.has_workspace());
    EXPECT_EQ(app.workspace->path(), path);
    EXPECT_EQ(app.status, "Opened " + path);
    ASSERT_NE(app.workspace->find("coastline"), nullptr);
    // The island (100..300 km square) is in view: its centre at the map's centre.
    EXPECT_NEAR(app.view.centre.x, 200000, 1);
    EXPECT_NEAR(app.view.centre.y, 200000, 1);
    EXPECT_FALSE(app.opening.busy());
}

TEST(OpenJob, AFileThatCannotBeOpenedIsNamedAndTheOpenWorkspaceStays) {
    ScratchDir dir;
    const std::string path = test::make_island_workspace(dir);
    AppState app;
    std::string error;
    ASSERT_TRUE(app.open(path, &error)) << error;
    const std::string missing = dir.file("no-such.gpkg");
    ASSERT_TRUE(app.start_open(missing, &error)) << error;
    land(app);
    EXPECT_NE(app.status.find("no-such.gpkg"), std::string::npos) << app.status;
    ASSERT_TRUE(app.has_workspace());
    EXPECT_EQ(app.workspace->path(), path);
}

TEST(OpenJob, ASecondOpenWhileOneIsGoingIsRefusedNamingBoth) {
    ScratchDir dir;
    const std::string path = test::make_island_workspace(dir);
    AppState app;
    std::string error;
    ASSERT_TRUE(app.start_open(path, &error)) << error;
    // Until the outcome is landed the job is busy, however fast the read was.
    EXPECT_FALSE(app.start_open(dir.file("other.gpkg"), &error));
    EXPECT_NE(error.find(path), std::string::npos) << error;
    EXPECT_NE(error.find("other.gpkg"), std::string::npos) << error;
    land(app);
    EXPECT_TRUE(app.has_workspace());
}

}  // namespace
}  // namespace tidemark::gui
