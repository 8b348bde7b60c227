// Reading and writing files off the UI thread: File > Open (OpenJob), Layers > Add
// (AddLayerJob) and File > Export map (ExportJob). What they bring lands in poll_background, as
// the app's loop calls it; a file that cannot be read leaves the workspace as it was. No display.
#include "app/gui/app_state.h"
#include "gui_fixture.h"
#include "layers/io/gdal_handles.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

using test::ScratchDir;

// Runs the app loop's landing step once the jobs have ended.
void land(AppState& app) {
    app.opening.wait();
    app.adding.wait();
    app.exporting.wait();
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

TEST(OpenJob, UnsavedChangesAreNeverDroppedWithoutBeingAsked) {
    ScratchDir dir;
    const std::string first = test::make_island_workspace(dir);
    test::ScratchDir other_dir;
    const std::string second = test::make_island_workspace(other_dir);
    AppState app;
    std::string error;
    ASSERT_TRUE(app.open(first, &error)) << error;
    app.set_visible("coastline", false);  // an unsaved change
    ASSERT_TRUE(app.dirty());
    EXPECT_FALSE(app.start_open(second, &error));
    EXPECT_NE(error.find("unsaved changes"), std::string::npos) << error;
    EXPECT_NE(error.find(first), std::string::npos) << error;
    EXPECT_FALSE(app.opening.busy());
    ASSERT_TRUE(app.start_open(second, &error, /*drop_unsaved=*/true)) << error;
    land(app);
    EXPECT_EQ(app.workspace->path(), second);
    EXPECT_FALSE(app.dirty());
}

TEST(AddLayerJob, TheLayerLandsProjectedAndAMissingFileIsNamed) {
    ScratchDir dir;
    AppState app;
    std::string error;
    ASSERT_TRUE(app.open(test::make_island_workspace(dir), &error)) << error;
    const std::string reports = dir.write("reports.geojson", test::report_geojson());
    ASSERT_TRUE(app.start_add_layer(reports, layers::LayerRole::Reports, "reports", &error)) << error;
    land(app);
    const layers::Layer* added = app.workspace->find("reports");
    ASSERT_NE(added, nullptr) << app.status;
    ASSERT_EQ(added->features().size(), 1u);
    ASSERT_EQ(added->features()[0].geometry.points.size(), 1u);
    EXPECT_NEAR(added->features()[0].geometry.points[0].x, 200000, 0.01);  // already British National Grid
    EXPECT_NEAR(added->features()[0].geometry.points[0].y, 350000, 0.01);
    EXPECT_TRUE(app.add_layer_error.empty()) << app.add_layer_error;

    const std::size_t layers_before = app.workspace->layers.size();
    ASSERT_TRUE(app.start_add_layer(dir.file("absent.geojson"), layers::LayerRole::Reports, "absent", &error)) << error;
    land(app);
    EXPECT_NE(app.add_layer_error.find("absent.geojson"), std::string::npos) << app.add_layer_error;
    EXPECT_EQ(app.workspace->layers.size(), layers_before);
}

// The export renders the workspace as it was when Export was pressed: removing the coast right
// after does not reach the file.
TEST(ExportJob, TheMapIsTheWorkspaceAsItWasWhenExportWasPressed) {
    ScratchDir dir;
    AppState app;
    std::string error;
    ASSERT_TRUE(app.open(test::make_island_workspace(dir), &error)) << error;
    render::RenderOptions options;
    options.width_px = 400;
    options.height_px = 400;
    options.bbox = geo::Box{0, 0, 400000, 400000};
    const std::string tif = dir.file("map.tif");  // GeoTIFF: map pixels only, placed by its geotransform
    ASSERT_TRUE(app.exporting.start(*app.workspace, options, nullptr, tif, &error)) << error;
    ASSERT_TRUE(app.remove_layer("coastline"));
    land(app);
    EXPECT_EQ(app.status, "Exported map to " + tif);
    layers::ensure_gdal_registered();
    layers::DatasetPtr ds(static_cast<GDALDataset*>(GDALOpen(tif.c_str(), GA_ReadOnly)));
    ASSERT_TRUE(ds) << "no GeoTIFF at " << tif;
    double gt[6];
    ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
    // The island's centre (200 km, 200 km): the land colour (0.93, 0.91, 0.85).
    const int col = static_cast<int>((200000 - gt[0]) / gt[1]), row = static_cast<int>((200000 - gt[3]) / gt[5]);
    const int want[3] = {237, 232, 217};
    for (int b = 0; b < 3; ++b) {
        unsigned char v = 0;
        ASSERT_EQ(ds->GetRasterBand(b + 1)->RasterIO(GF_Read, col, row, 1, 1, &v, 1, 1, GDT_Byte, 0, 0), CE_None);
        EXPECT_NEAR(v, want[b], 3) << "band " << b + 1;
    }

    // A file name the renderer cannot write is named in the status line.
    ASSERT_TRUE(app.exporting.start(*app.workspace, options, nullptr, dir.file("no-dir/map.tif"), &error)) << error;
    land(app);
    EXPECT_NE(app.status.find("no-dir"), std::string::npos) << app.status;
}

}  // namespace
}  // namespace tidemark::gui
