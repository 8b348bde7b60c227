// Incremental saves into one GeoPackage file: only what changed is written, writers of different
// things merge, writers of the same thing are refused by name, and nothing else is touched.
#include "layers/io/gdal_handles.h"
#include "layers/store/gpkg_store.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::layers;
using tidemark::test::ScratchDir;

namespace {

Layer points(const std::string& name, int n, double x0) {
    Layer l;
    l.name = name;
    l.role = LayerRole::Ports;
    l.fields = {{"name", FieldType::String}, {"berths", FieldType::Integer}};
    for (int i = 0; i < n; ++i) {
        Feature f;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{x0 + 10.0 * i, 100000.0}};
        f.values = {name + " " + std::to_string(i), std::int64_t{i}};
        l.features().push_back(std::move(f));
    }
    return l;
}

// ports (3), coastline (1 point standing in), settings with two top-level keys and a window.
std::string saved_workspace(const ScratchDir& dir) {
    Workspace ws;
    ws.put(points("ports", 3, 400000));
    Layer coast = points("coastline", 1, 500000);
    coast.role = LayerRole::Coastline;
    ws.put(coast);
    ws.settings["styles"]["ports"]["label_field"] = "name";
    ws.settings["coverage"]["range_nm"] = 8;
    ws.window_from = *geo::parse_iso8601("2026-03-01T00:00:00Z");
    const std::string path = dir.file("ws.gpkg");
    std::string error;
    EXPECT_TRUE(ws.save(&error, path)) << error;
    return path;
}

Workspace opened(const std::string& path) {
    std::string error;
    auto ws = Workspace::open(path, &error);
    EXPECT_TRUE(ws) << error;
    return ws ? std::move(*ws) : Workspace();
}

std::int64_t count(const std::string& path, const std::string& layer) {
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    OGRLayer* l = ds ? ds->GetLayerByName(layer.c_str()) : nullptr;
    return l ? l->GetFeatureCount(TRUE) : -1;
}

}  // namespace

TEST(GpkgStore, SavingOneChangeLeavesEveryOtherTableAsItIs) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace ws = opened(path);
    EXPECT_TRUE(ws.unsaved_changes().empty());
    // Another tool (QGIS, say) adds a feature to the coastline table after we opened the file.
    {
        DatasetPtr ds(static_cast<GDALDataset*>(
            GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
        ASSERT_TRUE(ds);
        OGRLayer* coast = ds->GetLayerByName("coastline");
        OGRFeature f(coast->GetLayerDefn());
        OGRPoint p(1, 2);
        f.SetGeometry(&p);
        ASSERT_EQ(coast->CreateFeature(&f), OGRERR_NONE);
    }
    // We change one setting and edit one port in place (no put): only those are written.
    ws.settings["styles"]["ports"]["label_field"] = "berths";
    ws.find("ports")->features()[1].values[0] = std::string("Dover");
    EXPECT_EQ(ws.unsaved_changes(), (std::vector<std::string>{"layer 'ports'", "setting 'styles'"}));
    std::string error;
    ASSERT_TRUE(ws.save(&error)) << error;
    EXPECT_TRUE(ws.unsaved_changes().empty());

    EXPECT_EQ(count(path, "coastline"), 2);  // the other tool's feature is still there
    Workspace back = opened(path);
    EXPECT_EQ(to_string(back.find("ports")->value(back.find("ports")->features()[1], "name")), "Dover");
    EXPECT_EQ(back.settings["styles"]["ports"]["label_field"], "berths");
    EXPECT_EQ(back.settings["coverage"]["range_nm"], 8);
    EXPECT_EQ(geo::format_iso8601(*back.window_from), "2026-03-01T00:00:00Z");
    ASSERT_EQ(back.layers.size(), 2u);
    EXPECT_EQ(back.layers[0].name, "ports");
    EXPECT_EQ(back.layers[0].role, LayerRole::Ports);
    EXPECT_EQ(back.layers[1].role, LayerRole::Coastline);
    EXPECT_EQ(back.find("coastline")->features().size(), 2u);
}

TEST(GpkgStore, TwoWritersOfDifferentThingsBothLand) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace a = opened(path), b = opened(path);
    a.put(points("reports", 4, 410000));
    a.settings["coverage"]["range_nm"] = 12;
    b.find("ports")->features().pop_back();
    b.settings["styles"]["ports"]["colour"] = "#ff0000";
    b.window_to = *geo::parse_iso8601("2026-03-08T00:00:00Z");
    b.remove("coastline");
    b.put(points("track_points", 2, 420000));
    std::string error;
    ASSERT_TRUE(a.save(&error)) << error;
    ASSERT_TRUE(b.save(&error)) << error;

    Workspace both = opened(path);
    std::vector<std::string> names;
    for (const Layer& l : both.layers) names.push_back(l.name);
    // The order as the file had it when b committed, with b's new layer appended.
    EXPECT_EQ(names, (std::vector<std::string>{"ports", "reports", "track_points"}));
    EXPECT_EQ(both.find("reports")->features().size(), 4u);
    EXPECT_EQ(both.find("ports")->features().size(), 2u);
    EXPECT_EQ(both.settings["coverage"]["range_nm"], 12);
    EXPECT_EQ(both.settings["styles"]["ports"]["colour"], "#ff0000");
    EXPECT_EQ(geo::format_iso8601(*both.window_to), "2026-03-08T00:00:00Z");
    EXPECT_EQ(count(path, "coastline"), -1);  // b removed it
}

TEST(GpkgStore, TwoWritersOfTheSameLayerTheLaterFailsNamingItAndWritesNothing) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace a = opened(path), b = opened(path);
    a.find("ports")->features().pop_back();
    b.put(points("ports", 7, 430000));
    b.settings["coverage"]["range_nm"] = 3;  // not changed by a, but in the same refused save
    std::string error;
    ASSERT_TRUE(a.save(&error)) << error;
    const std::string after_a = test::read_file(path);
    EXPECT_FALSE(b.save(&error));
    EXPECT_NE(error.find(path), std::string::npos) << error;
    EXPECT_NE(error.find("another save changed layer 'ports'"), std::string::npos) << error;
    EXPECT_EQ(error.find("setting"), std::string::npos) << error;  // only what changed under it
    EXPECT_NE(error.find("open the workspace again"), std::string::npos) << error;
    EXPECT_EQ(test::read_file(path), after_a);

    // Redone on the fresh state, it saves.
    Workspace again = opened(path);
    EXPECT_EQ(again.find("ports")->features().size(), 2u);
    again.put(points("ports", 7, 430000));
    ASSERT_TRUE(again.save(&error)) << error;
    EXPECT_EQ(opened(path).find("ports")->features().size(), 7u);
}

TEST(GpkgStore, TwoWritersOfTheSameSettingOrWindowTheLaterFails) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace a = opened(path), b = opened(path);
    a.settings["styles"]["ports"]["label_field"] = "berths";
    b.settings["styles"]["coastline"]["colour"] = "#000000";  // another layer's style: same top-level key
    a.window_from.reset();
    b.window_from = *geo::parse_iso8601("2026-02-01T00:00:00Z");
    std::string error;
    ASSERT_TRUE(a.save(&error)) << error;
    EXPECT_FALSE(b.save(&error));
    EXPECT_NE(error.find("setting 'styles', the time window"), std::string::npos) << error;
    Workspace now = opened(path);
    EXPECT_EQ(now.settings["styles"]["ports"]["label_field"], "berths");
    EXPECT_FALSE(now.settings["styles"].contains("coastline"));
    EXPECT_FALSE(now.window_from);
}

TEST(GpkgStore, AddingTheSameNewLayerTwiceIsAConflict) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace a = opened(path), b = opened(path);
    a.put(points("reports", 1, 0));
    b.put(points("reports", 2, 0));
    std::string error;
    ASSERT_TRUE(a.save(&error)) << error;
    EXPECT_FALSE(b.save(&error));
    EXPECT_NE(error.find("layer 'reports'"), std::string::npos) << error;
    EXPECT_EQ(opened(path).find("reports")->features().size(), 1u);
}

TEST(GpkgStore, SaveAsWritesAWholeNewFileAndLaterSavesGoThere) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace ws = opened(path);
    const std::string before = test::read_file(path);
    const std::string copy = dir.file("copy.gpkg");
    std::string error;
    ASSERT_TRUE(ws.save(&error, copy)) << error;
    ws.put(points("reports", 2, 0));
    ASSERT_TRUE(ws.save(&error)) << error;
    EXPECT_EQ(ws.path(), copy);
    EXPECT_EQ(opened(copy).find("reports")->features().size(), 2u);
    EXPECT_EQ(test::read_file(path), before);
}

// A program that replaced the whole file (a Save As over it) since we opened it: our changes
// would go to the old, unlinked copy. Refused.
TEST(GpkgStore, AFileReplacedSinceOpeningIsNotWrittenBehindItsBack) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace ws = opened(path);
    Workspace other = opened(path);
    std::string error;
    ASSERT_TRUE(other.save(&error, dir.file("other.gpkg"))) << error;
    ASSERT_TRUE(other.save(&error, path)) << error;  // not its current file: a whole new file renamed over
    ws.put(points("reports", 2, 0));
    EXPECT_FALSE(ws.save(&error));
    EXPECT_NE(error.find("replaced by another program's save"), std::string::npos) << error;
}

// Files saved before incremental saves existed have no commit counter and no revisions: they
// save incrementally all the same, and two writers still merge or are refused.
TEST(GpkgStore, AFileFromBeforeIncrementalSavesMergesAndRefusesAlike) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    {
        DatasetPtr ds(static_cast<GDALDataset*>(
            GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
        ASSERT_TRUE(ds);
        ds->ExecuteSQL("DELETE FROM tidemark_settings WHERE key = 'commit' OR key LIKE 'revision:%'", nullptr, nullptr);
    }
    Workspace a = opened(path), b = opened(path), c = opened(path);
    a.put(points("reports", 2, 0));
    b.settings["coverage"]["range_nm"] = 10;
    c.put(points("reports", 3, 0));
    std::string error;
    ASSERT_TRUE(a.save(&error)) << error;
    ASSERT_TRUE(b.save(&error)) << error;
    EXPECT_FALSE(c.save(&error));
    EXPECT_NE(error.find("layer 'reports'"), std::string::npos) << error;
    Workspace now = opened(path);
    EXPECT_EQ(now.find("reports")->features().size(), 2u);
    EXPECT_EQ(now.settings["coverage"]["range_nm"], 10);
}
