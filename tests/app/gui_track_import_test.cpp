// File > Import tracks without a display (app/gui/track_import_job.h): the file is read off the
// UI thread and the main loop lands the tracks in the workspace the way `tidemark tracks import`
// stores them, linked to the fleet register; Cancel changes nothing.
#include "app/gui/app_state.h"
#include "layers/synthetic/synthetic_ais_log.h"
#include "layers/tracks/track_io.h"
#include "support/test_support.h"
#include "../layers/plan/suggest_fixture.h"

using namespace tidemark;
using tidemark::test::ScratchDir;

namespace {

// An hour of HMC Test (the fixture's cutter, MMSI 235000001) sailing east, a fix every 30 s, as
// AIS NMEA (the log names the vessel by MMSI and its static report).
std::string write_logs(const ScratchDir& dir, const layers::Vessel& known) {
    std::vector<layers::SyntheticFix> fixes;
    for (int i = 0; i < 120; ++i) fixes.push_back({test::kSuggestDay0 + 30.0 * i, {-1.0 + 0.002 * i, 51.0}, 10, 90, false});
    const std::string path = dir.file("hmc_test.nmea");
    EXPECT_EQ(layers::write_synthetic_ais_log(path, known, {"test"}, fixes, nullptr), "");
    return path;
}

}  // namespace

TEST(GuiTrackImport, ReadOffTheUiThreadAndLandedLinkedToTheFleet) {
    ScratchDir dir;
    const std::string ws_path = dir.file("ws.gpkg");
    {
        layers::Workspace w = test::suggest_fixture_workspace();
        std::string error;
        ASSERT_TRUE(w.save(&error, ws_path)) << error;
    }
    gui::AppState app;
    std::string error;
    ASSERT_TRUE(app.open(ws_path, &error)) << error;
    const auto fleet = layers::load_fleet(*app.workspace);
    const std::string log = write_logs(dir, fleet[0]);

    // Cancelled before it lands: nothing changes.
    ASSERT_TRUE(app.track_import.start(*app.workspace, {log}, {}, false, &error)) << error;
    app.track_import.cancel();
    app.track_import.wait();
    app.poll_background();
    EXPECT_FALSE(app.workspace->find(layers::kTrackPointsLayer));

    ASSERT_TRUE(app.track_import.start(*app.workspace, {log, dir.file("missing.nmea")}, {}, false, &error)) << error;
    EXPECT_FALSE(app.track_import.start(*app.workspace, {log}, {}, false, &error));  // one at a time
    app.track_import.wait();
    app.poll_background();
    // The readable file landed; the missing one is named.
    EXPECT_NE(app.track_import_error.find("missing.nmea"), std::string::npos) << app.track_import_error;
    const auto tracks = layers::load_tracks(*app.workspace);
    ASSERT_EQ(tracks.size(), 1u);
    EXPECT_EQ(tracks[0].vessel, "HMC Test");  // linked to the register by MMSI
    std::size_t fixes = 0;
    for (const auto& l : tracks[0].legs) fixes += l.fixes.size();
    EXPECT_EQ(fixes, 120u);
    EXPECT_NE(app.status.find("Read 120 fix(es) from 1 of 2 file(s)"), std::string::npos) << app.status;
    EXPECT_TRUE(app.dirty());

    // A second import adds (the same vessel's legs merge), unless asked to replace.
    ASSERT_TRUE(app.track_import.start(*app.workspace, {log}, {}, true, &error)) << error;
    app.track_import.wait();
    app.poll_background();
    EXPECT_EQ(layers::load_tracks(*app.workspace).size(), 1u);
}
