// The stored track layout (layers/tracks/track_store.h): a leg per row of track_legs, its fixes packed;
// old workspaces with one track_points row per fix still open; points for QGIS on demand.
#include "layers/export/export.h"
#include "layers/io/ogr_reader.h"
#include "layers/tracks/track_store.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::layers;
using tidemark::test::ScratchDir;

namespace {

constexpr double kT0 = 1772366400;  // 2026-03-01T12:00:00Z

// One observed leg of `n` fixes whose times and positions have no short decimal form (steps of
// 10.1 s and 0.3 m accumulate binary rounding), every third speed unknown; one planned fix.
std::vector<geo::Track> awkward_tracks(std::size_t n) {
    geo::Track t;
    t.vessel = "HMC Seeker";
    t.mmsi = 235900101;
    auto& leg = t.legs.emplace_back().fixes;
    double time = kT0 + 0.001, x = 500000.7, y = 100000.1;
    for (std::size_t i = 0; i < n; ++i) {
        leg.push_back({time, {x, y}, i % 3 == 0 ? -1.0 : 10.0 + i * 0.01, static_cast<double>(i % 360)});
        time += 10.1;
        x += 0.3;
        y -= 0.7;
    }
    geo::Track p;
    p.vessel = "HMC Seeker";
    p.planned = true;
    p.legs.push_back({{{kT0 + 7200, {510000, 101000}, -1, -1}}});
    return {t, p};
}

void expect_same_tracks(const std::vector<geo::Track>& got, const std::vector<geo::Track>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(got[i].vessel, want[i].vessel);
        EXPECT_EQ(got[i].mmsi, want[i].mmsi);
        EXPECT_EQ(got[i].planned, want[i].planned);
        ASSERT_EQ(got[i].legs.size(), want[i].legs.size());
        for (std::size_t l = 0; l < want[i].legs.size(); ++l) {
            const auto& a = got[i].legs[l].fixes;
            const auto& b = want[i].legs[l].fixes;
            ASSERT_EQ(a.size(), b.size());
            for (std::size_t k = 0; k < b.size(); ++k) {
                // Exact: the doubles as they were made, not as printed.
                ASSERT_EQ(a[k].t, b[k].t) << "fix " << k;
                ASSERT_EQ(a[k].p.x, b[k].p.x) << "fix " << k;
                ASSERT_EQ(a[k].p.y, b[k].p.y) << "fix " << k;
                ASSERT_EQ(a[k].speed_kn, b[k].speed_kn) << "fix " << k;
                ASSERT_EQ(a[k].course_deg, b[k].course_deg) << "fix " << k;
            }
        }
    }
}

bool has_note(const geo::Problems& problems, const std::string& part) {
    for (const auto& p : problems)
        if (p.severity == geo::Problem::Severity::Info && p.reason.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(TrackStore, ALegOfFiveThousandFixesIsOneRowAndComesBackExactly) {
    const auto tracks = awkward_tracks(5000);
    Workspace ws;
    store_tracks(ws, tracks);
    ScratchDir dir;
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;
    auto back = Workspace::open(dir.file("ws.gpkg"), &error);
    ASSERT_TRUE(back) << error;
    EXPECT_FALSE(back->find(kTrackPointsLayer));
    const Layer* legs = back->find(kTrackLegsLayer);
    ASSERT_TRUE(legs);
    ASSERT_EQ(legs->features().size(), 2u);
    EXPECT_EQ(legs->features()[0].geometry.lines.at(0).size(), 5000u);  // a vertex per fix: QGIS draws the leg
    EXPECT_EQ(to_number(legs->value(legs->features()[0], "fixes")), 5000.0);
    EXPECT_EQ(to_string(legs->value(legs->features()[1], kFixSpeedsField)), "");  // none known: NULL, not dashes
    expect_same_tracks(load_tracks(*back), tracks);
    EXPECT_TRUE(back->open_problems().empty());
}

TEST(TrackStore, AnOldWorkspaceWithOnlyTrackPointsOpensPackedAndSaysSo) {
    const auto tracks = awkward_tracks(300);
    ScratchDir dir;
    const std::string path = dir.file("old.gpkg");
    {
        Workspace old;  // the layout before 30 Nov 2026: one track_points row per fix
        old.put(track_points_layer(tracks));
        std::string error;
        ASSERT_TRUE(old.save(&error, path)) << error;
    }
    std::string error;
    auto ws = Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error;
    EXPECT_TRUE(has_note(ws->open_problems(), "read once from the old one-row-per-fix layer (301 fixes)"));
    EXPECT_TRUE(has_packed_tracks(*ws));
    EXPECT_FALSE(ws->find(kTrackPointsLayer));
    expect_same_tracks(load_tracks(*ws), tracks);
    EXPECT_FALSE(ws->unsaved_changes().empty());  // the conversion is for the next save to write
    ASSERT_TRUE(ws->save(&error)) << error;

    ReadResult file = read_vector(path);
    ASSERT_TRUE(file.ok) << file.error;
    std::vector<std::string> names;
    for (const Layer& l : file.layers) names.push_back(l.name);
    EXPECT_EQ(std::count(names.begin(), names.end(), kTrackPointsLayer), 0);
    EXPECT_EQ(std::count(names.begin(), names.end(), kTrackLegsLayer), 1);
    auto again = Workspace::open(path, &error);
    ASSERT_TRUE(again) << error;
    EXPECT_FALSE(has_note(again->open_problems(), "read once"));
    expect_same_tracks(load_tracks(*again), tracks);
}

TEST(TrackStore, ExportMakesOnePointPerFixOnDemand) {
    const auto tracks = awkward_tracks(50);
    Workspace ws;
    store_tracks(ws, tracks);
    ScratchDir dir;
    ExportRequest request;
    request.layers = {kTrackPointsLayer};
    request.path = dir.file("points.gpkg");
    std::string error;
    ASSERT_TRUE(export_layers(ws, request, &error)) << error;
    EXPECT_FALSE(ws.find(kTrackPointsLayer));  // made for the export, not kept
    ReadOptions options;
    options.working_crs = ws.crs();
    ReadResult r = read_vector(request.path, options);
    ASSERT_TRUE(r.ok) << r.error;
    const Layer* points = nullptr;
    for (const Layer& l : r.layers)
        if (l.name == kTrackPointsLayer) points = &l;
    ASSERT_TRUE(points);
    ASSERT_EQ(points->features().size(), 51u);
    const geo::Fix& fix = tracks[0].legs[0].fixes[7];  // fid 8: the observed leg comes first
    const Feature& f = points->features()[7];
    EXPECT_EQ(to_number(points->value(f, "unix_time")), fix.t);
    EXPECT_EQ(f.geometry.points.at(0).x, fix.p.x);
    EXPECT_EQ(to_number(points->value(f, "speed_kn")), fix.speed_kn);
    EXPECT_EQ(to_string(points->value(f, "vessel")), "HMC Seeker");
}

TEST(TrackStore, FixesByVesselJoinPlannedAndObservedInTimeOrder) {
    Workspace ws;
    store_tracks(ws, awkward_tracks(3));  // observed at T0 + 0.001, +10.1, +20.2; planned at T0 + 7200
    const auto by_vessel = fixes_by_vessel(ws);
    ASSERT_EQ(by_vessel.size(), 1u);
    EXPECT_EQ(by_vessel[0].first, "HMC Seeker");
    ASSERT_EQ(by_vessel[0].second.size(), 4u);
    EXPECT_EQ(by_vessel[0].second.back().t, kT0 + 7200);
    EXPECT_NE(by_vessel[0].second.back().leg, by_vessel[0].second.front().leg);  // never interpolated across
}

TEST(TrackStore, APointLayerOfFixesAddedByHandIsReadWhenNoLegsArePacked) {
    Layer added;  // what the app's Add layer makes of a GeoJSON of fixes: role Tracks, its own field names
    added.name = "my_fixes";
    added.role = LayerRole::Tracks;
    added.fields = {{"vessel", FieldType::String}, {"timestamp", FieldType::DateTime}};
    auto fix = [](std::int64_t fid, const char* vessel, const char* time, geo::XY p) {
        Feature f;
        f.fid = fid;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {p};
        f.values = {std::string(vessel), time ? Value(std::string(time)) : Value()};
        return f;
    };
    added.features() = {fix(1, "A", "2026-03-01T12:01:00Z", {2, 2}), fix(2, "A", "2026-03-01T12:00:00Z", {1, 1}),
                      fix(3, "A", nullptr, {9, 9}), fix(4, "B", "2026-03-01T12:00:30Z", {5, 5})};
    Workspace ws;
    ws.put(added);
    const auto tracks = load_tracks(ws);
    ASSERT_EQ(tracks.size(), 2u);
    ASSERT_EQ(tracks[0].legs.at(0).fixes.size(), 2u);  // the fix with no time is left out
    EXPECT_EQ(tracks[0].legs[0].fixes[0].t, kT0);       // in time order
    EXPECT_EQ(tracks[0].legs[0].fixes[1].p.x, 2);
    EXPECT_EQ(tracks[1].vessel, "B");
    store_tracks(ws, tracks);  // packed legs from now on; the hand-made layer is left as it was
    EXPECT_TRUE(has_packed_tracks(ws));
    EXPECT_EQ(ws.find("my_fixes")->features().size(), 4u);
}
