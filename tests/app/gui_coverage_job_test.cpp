// The Coverage panel's worker (app/gui/coverage_job.h), without a display: a run from the app
// stores the same segments as `tidemark coverage WS.gpkg`, Cancel discards the run, and the
// app lands a finished run whichever panel is shown.
#include "app/gui/app_state.h"
#include "app/gui/coverage_job.h"
#include "geo/coverage.h"
#include "layers/io/gdal_handles.h"
#include "layers/io/ogr_reader.h"
#include "layers/tracks/track_io.h"
#include "layers/tracks/track_store.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gdal_priv.h>

#include <algorithm>
#include <atomic>

using namespace tidemark;
using tidemark::test::run_tidemark;
using tidemark::test::ScratchDir;

namespace {

const geo::UnixTime kT0 = 1772323200;  // 2026-03-01T00:00:00Z

// Coast along northing 100000 from easting 400000 to 410000: ten 1 km segments.
std::string coast_geojson() {
    return R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
 "features": [{"type": "Feature", "properties": {"name": "shore"},
   "geometry": {"type": "LineString", "coordinates": [[400000, 100000], [410000, 100000]]}}]})";
}

// One vessel 3 km off the coast at 10 m/s from easting 380000 (t0) to 430000 (t0 + 5000 s).
// With a 5 km range it is within 5 km of segment i (easting 400000 + 1000 i .. + 1000) while
// its along-shore offset is <= 4 km (3-4-5 triangle): t0 + [1600 + 100 i, 2500 + 100 i], 900 s.
std::string tracks_csv() {
    std::string s = "vessel,time,x,y\n";
    for (int k = 0; k <= 500; ++k)
        s += "Valiant," + geo::format_iso8601(kT0 + 10 * k) + "," + std::to_string(380000 + 100 * k) + ",103000\n";
    return s;
}

layers::Workspace coast_and_track_workspace(const ScratchDir& dir) {
    const auto coast = layers::read_vector(dir.write("coast.geojson", coast_geojson()));
    EXPECT_TRUE(coast.ok) << coast.error;
    layers::Workspace ws;
    layers::Layer c = coast.layers.front();
    c.name = "coastline";
    c.role = layers::LayerRole::Coastline;
    ws.put(c);
    const auto tracks = layers::read_tracks(dir.write("tracks.csv", tracks_csv()), ws.crs());
    EXPECT_TRUE(tracks.ok) << tracks.error;
    layers::store_tracks(ws, tracks.tracks);
    return ws;
}

// The CLI's defaults (revisit 24 h, no line of sight, 1000 m segments) with a 5 km range.
gui::CoverageParams cli_default_params() {
    gui::CoverageParams p;
    p.segment_m = 1000;
    p.revisit_h = 24;
    p.radius_km = 5;
    p.line_of_sight = false;
    return p;
}

double number(const layers::Layer& l, const layers::Feature& f, const char* field) {
    return layers::to_number(l.value(f, field)).value_or(-1);
}

}  // namespace

TEST(GuiCoverageJob, RunStoresTheSameSegmentsAsTheCli) {
    ScratchDir dir;
    layers::Workspace ws = coast_and_track_workspace(dir);
    std::string error;
    const std::string path = dir.file("ws.gpkg");
    ASSERT_TRUE(ws.save(&error, path)) << error;

    gui::CoverageJob job;
    std::atomic<int> wakes{0};
    job.wake = [&] { ++wakes; };
    ASSERT_TRUE(job.start(ws, cli_default_params(), &error)) << error;
    job.wait();
    auto outcome = job.take_outcome();
    ASSERT_TRUE(outcome);
    EXPECT_FALSE(outcome->cancelled);
    EXPECT_EQ(outcome->error, "");
    ASSERT_TRUE(outcome->layers);
    EXPECT_GE(wakes.load(), 1);
    EXPECT_DOUBLE_EQ(job.progress(), 1.0);
    EXPECT_FALSE(job.take_outcome());  // handed over once

    // 5 km = 2.699784017278618 nm.
    const auto r = run_tidemark({"coverage", path, "--radius-nm", "2.699784017278618"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto cli = layers::Workspace::open(path, &error);
    ASSERT_TRUE(cli) << error;
    const layers::Layer* cli_segments = cli->find("segments");
    ASSERT_TRUE(cli_segments);

    const layers::Layer& app_segments = outcome->layers->segments;
    ASSERT_EQ(app_segments.features().size(), 10u);
    ASSERT_EQ(cli_segments->features().size(), 10u);
    for (std::size_t i = 0; i < 10; ++i) {
        const layers::Feature& a = app_segments.features()[i];
        const layers::Feature& c = cli_segments->features()[i];
        // Hand values: 900 s observed in one visit; the window is the track's 5000 s.
        EXPECT_NEAR(number(app_segments, a, "observed_s"), 900, 0.01) << i;
        EXPECT_NEAR(number(app_segments, a, "visits"), 1, 0) << i;
        EXPECT_NEAR(number(app_segments, a, "max_gap_s"), std::max(1600 + 100.0 * i, 2500 - 100.0 * i), 0.01) << i;
        EXPECT_NEAR(number(app_segments, a, "length_m"), 1000, 0.01) << i;
        for (const char* field : {"segment_id", "length_m", "observed_s", "visits", "max_gap_s"})
            EXPECT_NEAR(number(app_segments, a, field), number(*cli_segments, c, field), 1e-6) << field << " " << i;
        ASSERT_EQ(a.geometry.lines.size(), 1u);
        ASSERT_EQ(c.geometry.lines.size(), 1u);
        ASSERT_EQ(a.geometry.lines[0].size(), c.geometry.lines[0].size());
        for (std::size_t k = 0; k < a.geometry.lines[0].size(); ++k) {
            EXPECT_NEAR(a.geometry.lines[0][k].x, c.geometry.lines[0][k].x, 1e-6);
            EXPECT_NEAR(a.geometry.lines[0][k].y, c.geometry.lines[0][k].y, 1e-6);
        }
    }
    ASSERT_TRUE(cli->find("gaps"));
    EXPECT_EQ(outcome->layers->gaps.features().size(), cli->find("gaps")->features().size());
}

TEST(GuiCoverageJob, CancelDiscardsTheRunAndLeavesTheWorkspaceAlone) {
    ScratchDir dir;
    layers::Workspace ws = coast_and_track_workspace(dir);
    const std::size_t layer_count = ws.layers.size();
    gui::CoverageJob job;
    std::string error;
    ASSERT_TRUE(job.start(ws, cli_default_params(), &error)) << error;
    job.cancel();
    job.wait();
    auto outcome = job.take_outcome();
    ASSERT_TRUE(outcome);
    EXPECT_TRUE(outcome->cancelled);
    EXPECT_FALSE(outcome->layers);
    EXPECT_EQ(ws.layers.size(), layer_count);
    EXPECT_FALSE(ws.find("segments"));
    // The job can run again after a cancel, and then finishes.
    ASSERT_TRUE(job.start(ws, cli_default_params(), &error)) << error;
    job.wait();
    outcome = job.take_outcome();
    ASSERT_TRUE(outcome);
    EXPECT_FALSE(outcome->cancelled);
    EXPECT_TRUE(outcome->layers);
}

TEST(GuiCoverageJob, EngineStopsWhenCancelIsSet) {
    // One segment and a track passing 3 km off it: observed without cancel, nothing with it.
    const std::vector<geo::CoastSegment> segments =
        geo::cut_coast_segments({geo::Path{{0, 0}, {1000, 0}}}, 1000);
    ASSERT_EQ(segments.size(), 1u);
    geo::Track track;
    track.vessel = "Valiant";
    geo::TrackLeg leg;
    for (int k = 0; k <= 100; ++k) leg.fixes.push_back(geo::Fix{kT0 + 10.0 * k, {-5000 + 100.0 * k, 3000}});
    track.legs.push_back(leg);
    geo::CoverageOptions options;
    options.from = kT0;
    options.to = kT0 + 1000;
    options.threads = 1;
    const auto full = geo::compute_coverage(segments, {track}, {5000}, options);
    EXPECT_FALSE(full.cancelled);
    ASSERT_EQ(full.segments.size(), 1u);
    EXPECT_GT(full.segments[0].observed_s, 0);
    std::atomic<bool> cancel{true};
    options.cancel = &cancel;
    const auto stopped = geo::compute_coverage(segments, {track}, {5000}, options);
    EXPECT_TRUE(stopped.cancelled);
    EXPECT_TRUE(stopped.segments.empty());
}

TEST(GuiCoverageJob, MissingInputsSayWhatToDo) {
    layers::Workspace empty;
    gui::CoverageJob job;
    std::string error;
    EXPECT_FALSE(job.start(empty, cli_default_params(), &error));
    EXPECT_NE(error.find("coastline"), std::string::npos) << error;
    ScratchDir dir;
    layers::Workspace ws = coast_and_track_workspace(dir);
    gui::CoverageParams no_range = cli_default_params();
    no_range.radius_km = 0;  // and no fleet register in the workspace
    EXPECT_FALSE(job.start(ws, no_range, &error));
    EXPECT_NE(error.find("radius override"), std::string::npos) << error;
    EXPECT_FALSE(job.running());
}

// The main loop lands the run (AppState::poll_background), not the Coverage panel: the result
// arrives when the user has moved to another panel, and is dropped when they opened another
// workspace meanwhile.
TEST(GuiCoverageJob, AppLandsTheFinishedRunWhicheverPanelIsShown) {
    ScratchDir dir;
    layers::Workspace ws = coast_and_track_workspace(dir);
    std::string error;
    const std::string path = dir.file("ws.gpkg");
    ASSERT_TRUE(ws.save(&error, path)) << error;

    gui::AppState app;
    ASSERT_TRUE(app.open(path, &error)) << error;
    app.poll_background();  // nothing to land yet
    EXPECT_FALSE(app.workspace->find("segments"));
    EXPECT_FALSE(app.dirty());
    const auto before = app.revision("segments");

    ASSERT_TRUE(app.coverage.start(*app.workspace, cli_default_params(), &error)) << error;
    app.coverage.wait();
    EXPECT_FALSE(app.workspace->find("segments"));  // not until the loop polls
    app.poll_background();
    const layers::Layer* segments = app.workspace->find("segments");
    ASSERT_TRUE(segments);
    ASSERT_EQ(segments->features().size(), 10u);
    EXPECT_NEAR(*layers::to_number(segments->value(segments->features()[0], "observed_s")), 900, 0.01);
    EXPECT_TRUE(app.workspace->find("gaps") && app.workspace->find("force_summary"));
    EXPECT_TRUE(app.dirty());
    EXPECT_NE(app.revision("segments"), before);  // the map rebuilds the layer
    EXPECT_EQ(app.coverage_error, "");

    // A run whose workspace was replaced while it ran is discarded.
    const std::string other = dir.file("other.gpkg");
    ASSERT_TRUE(coast_and_track_workspace(dir).save(&error, other)) << error;
    ASSERT_TRUE(app.coverage.start(*app.workspace, cli_default_params(), &error)) << error;
    ASSERT_TRUE(app.open(other, &error)) << error;
    app.coverage.wait();
    app.poll_background();
    EXPECT_FALSE(app.workspace->find("segments"));
    EXPECT_NE(app.status.find("discarded"), std::string::npos) << app.status;
}

// Issue 14: the panel wrote settings["coverage"] with keys of its own (segment_length_m ...)
// that the store does not use, so after every run it snapped back to 1000 m, and it wrote
// parameters of runs that were cancelled. The form now starts from what the finished run
// stored, and nothing but a finished run writes those settings.
TEST(GuiCoverageJob, ThePanelStartsFromTheFinishedRunsParametersAndACancelChangesNothing) {
    ScratchDir dir;
    layers::Workspace ws = coast_and_track_workspace(dir);
    gui::CoverageParams p = cli_default_params();
    p.segment_m = 500;
    p.revisit_h = 12;
    gui::CoverageJob job;
    std::string error;
    ASSERT_TRUE(job.start(ws, p, &error)) << error;
    job.wait();
    auto outcome = job.take_outcome();
    ASSERT_TRUE(outcome && outcome->layers);
    layers::store_coverage(ws, std::move(*outcome->layers));
    const gui::CoverageParams stored = gui::stored_coverage_params(ws.settings);
    EXPECT_DOUBLE_EQ(stored.segment_m, 500);
    EXPECT_DOUBLE_EQ(stored.revisit_h, 12);
    EXPECT_NEAR(stored.radius_km, 5, 1e-9);
    EXPECT_FALSE(stored.line_of_sight);

    const std::string before = ws.settings.dump();
    gui::CoverageParams other = p;
    other.segment_m = 2000;
    other.revisit_h = 48;
    ASSERT_TRUE(job.start(ws, other, &error)) << error;
    job.cancel();
    job.wait();
    outcome = job.take_outcome();
    ASSERT_TRUE(outcome);
    ASSERT_TRUE(outcome->cancelled);
    EXPECT_EQ(ws.settings.dump(), before);
    EXPECT_DOUBLE_EQ(gui::stored_coverage_params(ws.settings).segment_m, 500);
    // An empty workspace: the defaults.
    EXPECT_DOUBLE_EQ(gui::stored_coverage_params(nlohmann::json::object()).segment_m, 1000);
}

// The hint for a missing fleet names a command that exists and takes --fleet.
TEST(GuiCoverageJob, FleetHintNamesARealCommand) {
    const std::string hint = gui::kFleetImportCommand;
    ASSERT_EQ(hint.rfind("tidemark tracks import ", 0), 0u) << hint;
    EXPECT_NE(hint.find("--fleet"), std::string::npos);
    const auto r = run_tidemark({"tracks", "import", "--help"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("--fleet"), std::string::npos) << r.out;
    // And there is no `tidemark fleet`.
    const auto fleet = run_tidemark({"fleet"});
    EXPECT_NE(fleet.exit_code, 0);
    EXPECT_NE(fleet.err.find("not expected: fleet"), std::string::npos) << fleet.err;
}

// Issue 16: the Coverage panel computed on damaged rows that `tidemark coverage` refuses. Now a
// run on a workspace with a damaged track leg is refused naming the row, and with "Leave out
// damaged rows" it runs on the rest and the damaged row stays in the workspace untouched.
TEST(GuiCoverageJob, ADamagedTrackIsRefusedNamedAndLeftOutOnlyWhenAsked) {
    ScratchDir dir;
    layers::Workspace built = coast_and_track_workspace(dir);
    // A second vessel 100 km off the coast (never within the 5 km range), whose leg is damaged.
    std::string far = "vessel,time,x,y\n";
    for (int k = 0; k <= 50; ++k) far += "Far," + geo::format_iso8601(kT0 + 100 * k) + ",400000,200000\n";
    const auto far_tracks = layers::read_tracks(dir.write("far.csv", far), built.crs());
    ASSERT_TRUE(far_tracks.ok) << far_tracks.error;
    std::vector<geo::Track> all = layers::load_tracks(built);
    all.insert(all.end(), far_tracks.tracks.begin(), far_tracks.tracks.end());
    layers::store_tracks(built, all);
    std::string error;
    const std::string path = dir.file("ws.gpkg");
    ASSERT_TRUE(built.save(&error, path)) << error;
    {
        layers::ensure_gdal_registered();
        layers::DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
        ASSERT_TRUE(ds);
        // Far's first time (10 digits) becomes 1e20 s.
        ds->ReleaseResultSet(ds->ExecuteSQL("UPDATE track_legs SET fix_times = '1e20' || substr(fix_times, 11) WHERE vessel = 'Far'", nullptr, nullptr));
    }
    auto ws = layers::Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error;
    ASSERT_EQ(ws->find("track_legs")->features().size(), 2u);

    gui::CoverageJob job;
    EXPECT_FALSE(job.start(*ws, cli_default_params(), &error));
    EXPECT_TRUE(job.refused_for_damage());
    EXPECT_FALSE(job.running());
    for (const char* expected : {"1 damaged row(s)", "layer track_legs: feature", "field fix_times: 1e+20 refused",
                                 "Leave out damaged rows"})
        EXPECT_NE(error.find(expected), std::string::npos) << expected << " in: " << error;

    gui::CoverageParams skip = cli_default_params();
    skip.skip_damaged = true;
    ASSERT_TRUE(job.start(*ws, skip, &error)) << error;
    EXPECT_FALSE(job.refused_for_damage());
    job.wait();
    auto outcome = job.take_outcome();
    ASSERT_TRUE(outcome && outcome->layers) << (outcome ? outcome->error : "no outcome");
    const layers::Layer& segments = outcome->layers->segments;
    ASSERT_EQ(segments.features().size(), 10u);
    for (std::size_t i = 0; i < 10; ++i)  // Valiant's hand values (RunStoresTheSameSegmentsAsTheCli)
        EXPECT_NEAR(number(segments, segments.features()[i], "observed_s"), 900, 0.01) << i;
    EXPECT_EQ(ws->find("track_legs")->features().size(), 2u);  // put back
    EXPECT_TRUE(ws->unsaved_changes().empty());
}
