// Damaged rows and settings, made the way a hostile edit would: SQL run on the saved GeoPackage
// through GDAL (which provides the ST_ functions the GeoPackage's triggers call).
#include "layers/tracks/fleet.h"
#include "layers/io/gdal_handles.h"
#include "layers/tracks/track_store.h"
#include "layers/workspace.h"
#include "layers/workspace_damage.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace tidemark;
using namespace tidemark::layers;
using tidemark::test::ScratchDir;

namespace {

constexpr double kT0 = 1772366400;  // 2026-03-01T12:00:00Z

enum class Layout { Packed, OldTrackPoints };

// Two vessels, 10 fixes each a minute apart, and a register of both. Packed: a track_legs row per
// vessel (fids 1, 2). OldTrackPoints: the layout before 30 Nov 2026, a track_points row per fix
// (fids 1-10 and 11-20), which opening converts only when no row of it is damaged.
std::string saved_workspace(const ScratchDir& dir, Layout layout = Layout::OldTrackPoints) {
    Workspace ws;
    std::vector<geo::Track> tracks(2);
    for (int v = 0; v < 2; ++v) {
        tracks[v].vessel = "V" + std::to_string(v);
        tracks[v].mmsi = 235000001 + v;
        auto& leg = tracks[v].legs.emplace_back().fixes;
        for (int k = 0; k < 10; ++k) leg.push_back({kT0 + 60 * k, {500000.0 + 100 * k, 100000.0 + 1000 * v}});
    }
    if (layout == Layout::Packed) store_tracks(ws, tracks);
    else ws.put(track_points_layer(tracks));
    std::vector<Vessel> fleet(2);
    for (int v = 0; v < 2; ++v) {
        fleet[v].name = "V" + std::to_string(v);
        fleet[v].mmsi = 235000001 + v;
        fleet[v].antenna_height_m = 10;
    }
    store_fleet(ws, fleet);
    ws.window_from = kT0;
    ws.window_to = kT0 + 3600;
    const std::string path = dir.file("ws.gpkg");
    std::string error;
    EXPECT_TRUE(ws.save(&error, path)) << error;
    return path;
}

void run_sql(const std::string& path, const std::string& sql) {
    ensure_gdal_registered();
    DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    ASSERT_TRUE(ds);
    CPLErrorReset();
    ds->ReleaseResultSet(ds->ExecuteSQL(sql.c_str(), nullptr, nullptr));
    ASSERT_LT(CPLGetLastErrorType(), CE_Failure) << sql << ": " << CPLGetLastErrorMsg();
}

Workspace open(const std::string& path) {
    std::string error;
    auto ws = Workspace::open(path, &error);
    EXPECT_TRUE(ws) << error;
    return ws ? std::move(*ws) : Workspace();
}

// The problems' descriptions joined, for finding text in failure messages.
std::string said(const geo::Problems& problems) {
    std::string s;
    for (const auto& p : problems) s += p.describe() + "\n";
    return s;
}

}  // namespace

TEST(WorkspaceDamage, AnUntouchedWorkspaceHasNone) {
    for (Layout layout : {Layout::Packed, Layout::OldTrackPoints}) {
        ScratchDir dir;
        const Workspace ws = open(saved_workspace(dir, layout));
        const WorkspaceDamage d = find_damage(ws);
        EXPECT_TRUE(d.empty()) << said(d.problems);
        EXPECT_TRUE(has_packed_tracks(ws));  // the old layout, undamaged, is converted on opening
    }
}

TEST(WorkspaceDamage, EachDamagedLegIsNamedByLayerFidAndField) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir, Layout::Packed);
    // V0's second time made unreadable; V1's first time 1e20 s.
    run_sql(path, "UPDATE track_legs SET fix_times = '1772366400 17723x6460' || substr(fix_times, 22) WHERE fid = 1");
    run_sql(path, "UPDATE track_legs SET fix_times = '1e20' || substr(fix_times, 11) WHERE fid = 2");
    const Workspace ws = open(path);
    const WorkspaceDamage d = find_damage(ws);
    const std::string text = said(d.problems);
    EXPECT_EQ(d.rows.at("track_legs"), (std::set<std::int64_t>{1, 2})) << text;
    for (const char* expected : {"layer track_legs: feature 1: field fix_times: value 2 '17723x6460' is not a number",
                                 "layer track_legs: feature 2: field fix_times: 1e+20 refused"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\nin:\n" << text;
}

TEST(WorkspaceDamage, ALegWhoseCountsDisagreeIsNamed) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir, Layout::Packed);
    run_sql(path, "UPDATE track_legs SET fixes = 11 WHERE fid = 1");
    run_sql(path, "UPDATE track_legs SET fix_speeds_kn = '1 2 3' WHERE fid = 2");
    const Workspace ws = open(path);
    const std::string text = said(find_damage(ws).problems);
    for (const char* expected : {"layer track_legs: feature 1: field geom: 10 vertices for 11 fix(es)",
                                 "layer track_legs: feature 2: field fix_speeds_kn: holds 3 value(s), expected 10"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\nin:\n" << text;
}

TEST(WorkspaceDamage, HidingADamagedLegLeavesTheOtherVesselsFixes) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir, Layout::Packed);
    run_sql(path, "UPDATE track_legs SET fix_times = '-5e9' || substr(fix_times, 11) WHERE fid = 2");
    Workspace ws = open(path);
    const WorkspaceDamage d = find_damage(ws);
    ASSERT_EQ(d.row_count(), 1u) << said(d.problems);
    {
        DamageHidden hidden(ws, d);
        const auto tracks = load_tracks(ws);
        ASSERT_EQ(tracks.size(), 1u);
        EXPECT_EQ(tracks[0].vessel, "V0");
        EXPECT_EQ(tracks[0].legs.at(0).fixes.size(), 10u);
    }
    EXPECT_EQ(ws.find("track_legs")->features().size(), 2u);
    EXPECT_TRUE(ws.unsaved_changes().empty());
}

TEST(WorkspaceDamage, EachDamagedRowIsNamedByLayerFidAndField) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    run_sql(path, "UPDATE track_points SET time = NULL, unix_time = NULL WHERE fid = 2");
    run_sql(path, "UPDATE track_points SET unix_time = 1e20 WHERE fid = 4");
    run_sql(path, "UPDATE track_points SET time = '2026-03-05T00:00:00Z' WHERE fid = 12");
    run_sql(path, "UPDATE fleet SET radar_range_nm = 5000 WHERE fid = 1");
    run_sql(path, "UPDATE fleet SET antenna_height_m = NULL WHERE fid = 2");
    const Workspace ws = open(path);
    const WorkspaceDamage d = find_damage(ws);
    const std::string text = said(d.problems);
    EXPECT_EQ(d.row_count(), 5u) << text;
    EXPECT_EQ(d.settings, 0u);
    EXPECT_EQ(d.rows.at("track_points"), (std::set<std::int64_t>{2, 4, 12}));
    EXPECT_EQ(d.rows.at("fleet"), (std::set<std::int64_t>{1, 2}));
    for (const char* expected : {"layer track_points: feature 2: field time: NULL",
                                 "layer track_points: feature 4: field unix_time: 1e+20 refused",
                                 "layer track_points: feature 12: field time: '2026-03-05T00:00:00Z' contradicts unix_time "
                                 "1772366460",  // fid 12 is V1's second fix, 60 s after kT0
                                 "layer fleet: feature 1: field radar_range_nm: 5000 is not a sensor range",
                                 "layer fleet: feature 2: field antenna_height_m: NULL"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\nin:\n" << text;
    for (const auto& p : d.problems) EXPECT_EQ(p.severity, geo::Problem::Severity::Error);
}

TEST(WorkspaceDamage, AGeometryBlobThatDoesNotParseIsNamedOnOpenAndCounted) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    run_sql(path, "UPDATE track_points SET geom = X'00112233' WHERE fid = 7");
    const Workspace ws = open(path);
    EXPECT_EQ(ws.find("track_points")->features().size(), 19u);  // the other rows are all read
    EXPECT_EQ(ws.features_left_out(), 1u);
    const std::string text = said(ws.open_problems());
    EXPECT_NE(text.find("layer track_points: feature 7: field geom:"), std::string::npos) << text;
    EXPECT_NE(text.find("cannot be parsed"), std::string::npos) << text;
    const WorkspaceDamage d = find_damage(ws);
    EXPECT_EQ(d.unreadable, 1u);
    EXPECT_EQ(d.row_count(), 1u);
}

TEST(WorkspaceDamage, AWindowEndingBeforeItStartsIsADamagedSetting) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    run_sql(path, "UPDATE tidemark_settings SET value = '2026-03-01T00:00:00Z' WHERE key = 'window_to'");
    const Workspace ws = open(path);
    const WorkspaceDamage d = find_damage(ws);
    EXPECT_TRUE(d.window);
    EXPECT_EQ(d.settings, 1u);
    EXPECT_EQ(d.row_count(), 0u);
    EXPECT_NE(said(d.problems).find("the window ends before it starts"), std::string::npos) << said(d.problems);
}

TEST(WorkspaceDamage, ACrsSettingContradictingTheLayersCannotBeSkipped) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    run_sql(path, "UPDATE tidemark_settings SET value = 'EPSG:32631' WHERE key = 'crs'");
    const Workspace ws = open(path);
    const WorkspaceDamage d = find_damage(ws);
    ASSERT_FALSE(d.fatal.empty());
    EXPECT_NE(said(d.problems).find("layer 'track_points' is stored in OSGB36 / British National Grid but the crs setting "
                                    "says WGS 84 / UTM zone 31N"),
              std::string::npos)
        << said(d.problems);
}

TEST(WorkspaceDamage, HidingLeavesOutTheDamagedRowsAndPutsThemBack) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    run_sql(path, "UPDATE track_points SET unix_time = -5e9 WHERE fid = 3");
    run_sql(path, "UPDATE tidemark_settings SET value = '2020-01-01T00:00:00Z' WHERE key = 'window_to'");
    Workspace ws = open(path);
    const WorkspaceDamage d = find_damage(ws);
    ASSERT_EQ(d.row_count(), 1u);
    {
        DamageHidden hidden(ws, d);
        EXPECT_EQ(ws.find("track_points")->features().size(), 19u);
        std::size_t fixes = 0;
        for (const auto& t : load_tracks(ws))
            for (const auto& leg : t.legs) fixes += leg.fixes.size();
        EXPECT_EQ(fixes, 19u);
        EXPECT_FALSE(ws.window_from);
        EXPECT_FALSE(ws.window_to);
    }
    EXPECT_EQ(ws.find("track_points")->features().size(), 20u);
    ASSERT_TRUE(ws.window_from);
    EXPECT_EQ(*ws.window_from, kT0);
    EXPECT_TRUE(ws.unsaved_changes().empty());  // nothing for a save to write: the damaged row stays as it is
}
