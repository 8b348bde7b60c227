// File > Save off the UI thread (app/gui/save_job.h): the save of a GeoPackage in place runs on a
// worker while the app goes on drawing frames from the workspace; nothing may change it meanwhile.
// Ordered, not timed: another connection holds the file's write lock, so the save cannot finish
// until the test lets it — were it run on the calling thread, start_save would never return.
#include "app/gui/app_state.h"
#include "gui_fixture.h"
#include "layers/io/gdal_handles.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

// Whether the workspace saved at `path` shows its coastline, as the app reads it on opening.
bool coastline_shown(const std::string& path) {
    AppState app;
    std::string error;
    EXPECT_TRUE(app.open(path, &error)) << error;
    return app.workspace && app.style(*app.workspace->find("coastline")).visible;
}

// Waits for the running save and lands it, as the next frame would.
void land_save(AppState& app) {
    app.save_job.wait();
    app.poll_background();
}

TEST(SaveJob, TheAppDrawsFramesWhileASaveWaitsAndTheSaveLandsWhole) {
    test::ScratchDir dir;
    const std::string path = test::make_island_workspace(dir);
    AppState app;
    std::string error;
    ASSERT_TRUE(app.open(path, &error)) << error;
    app.set_visible("coastline", false);
    ASSERT_TRUE(app.dirty());

    // Another writer holds the file's write lock (a transaction with a write in it).
    layers::ensure_gdal_registered();
    layers::DatasetPtr other(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    ASSERT_TRUE(other);
    ASSERT_EQ(other->StartTransaction(TRUE), OGRERR_NONE);
    other->ExecuteSQL("UPDATE gpkg_contents SET description = description", nullptr, nullptr);

    ASSERT_TRUE(app.start_save(&error)) << error;
    EXPECT_TRUE(app.saving());
    EXPECT_NE(app.status.find("Saving"), std::string::npos) << app.status;
    // A frame: the map scene of every layer, read while the save waits for the lock.
    for (const layers::Layer& l : app.workspace->layers) (void)app.scene_layer(l);
    app.advance(0.1);
    app.poll_background();
    EXPECT_TRUE(app.saving()) << "the save cannot have finished while the lock is held";
    // Nothing that writes the workspace may start meanwhile.
    EXPECT_FALSE(app.save(&error));
    EXPECT_NE(error.find("is still being saved"), std::string::npos) << error;
    EXPECT_FALSE(app.save_as(dir.file("copy.gpkg"), &error));
    EXPECT_TRUE(app.dirty());

    ASSERT_EQ(other->CommitTransaction(), OGRERR_NONE);
    other.reset();
    land_save(app);
    EXPECT_FALSE(app.saving());
    EXPECT_FALSE(app.dirty());
    EXPECT_NE(app.status.find("Saved " + path), std::string::npos) << app.status;

    EXPECT_FALSE(coastline_shown(path));
}

// Save as on the worker: nothing in the workspace changes until the outcome lands (the UI reads
// its path meanwhile); then the workspace is the new file, and the next save writes only there.
TEST(SaveJob, SaveAsWritesTheWholeCopyOffTheUiThreadAndTheWorkspaceMovesWhenItLands) {
    test::ScratchDir dir;
    const std::string path = test::make_island_workspace(dir);
    const std::string copy = dir.file("copy.gpkg");
    AppState app;
    std::string error;
    ASSERT_TRUE(app.open(path, &error)) << error;
    app.set_visible("coastline", false);
    const std::string original = test::read_file(path);
    ASSERT_TRUE(SaveJob::saves_off_thread(*app.workspace, copy));
    EXPECT_FALSE(SaveJob::saves_off_thread(*app.workspace, path));  // its own file: a save in place

    ASSERT_TRUE(app.start_save_as(copy, &error)) << error;
    EXPECT_TRUE(app.saving());
    EXPECT_EQ(app.workspace->path(), path);  // until it lands
    app.save_job.wait();
    EXPECT_EQ(app.workspace->path(), path);  // the outcome is there, not landed
    app.poll_background();
    EXPECT_FALSE(app.saving());
    EXPECT_EQ(app.workspace->path(), copy);
    EXPECT_FALSE(app.dirty());
    EXPECT_NE(app.status.find("Saved " + copy), std::string::npos) << app.status;
    ASSERT_FALSE(app.recent_files().empty());
    EXPECT_EQ(app.recent_files().front(), copy);

    EXPECT_FALSE(coastline_shown(copy));

    // The next save writes to the copy only; the original file is as it was before the Save as.
    app.set_visible("coastline", true);
    ASSERT_TRUE(app.start_save(&error)) << error;
    land_save(app);
    EXPECT_FALSE(app.dirty());
    EXPECT_EQ(test::read_file(path), original);
    EXPECT_TRUE(coastline_shown(copy));
}

// A Save as that cannot be written leaves the workspace where it was, saying why.
TEST(SaveJob, ASaveAsThatFailsLeavesTheWorkspaceWhereItWas) {
    test::ScratchDir dir;
    const std::string path = test::make_island_workspace(dir);
    AppState app;
    std::string error;
    ASSERT_TRUE(app.open(path, &error)) << error;
    app.set_visible("coastline", false);
    const std::string nowhere = dir.file("no-such-folder/copy.gpkg");
    ASSERT_TRUE(app.start_save_as(nowhere, &error)) << error;
    land_save(app);
    EXPECT_EQ(app.workspace->path(), path);
    EXPECT_TRUE(app.dirty());
    EXPECT_NE(app.status.find("no-such-folder"), std::string::npos) << app.status;
}

}  // namespace
}  // namespace tidemark::gui
