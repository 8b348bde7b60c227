#include "layers/gdal_handles.h"
#include "layers/ogr_reader.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

using namespace tidemark;
using namespace tidemark::layers;
using tidemark::test::ScratchDir;

namespace {

Layer points_layer(const std::string& name, int n, double offset) {
    Layer l;
    l.name = name;
    l.role = LayerRole::Ports;
    l.fields = {{"name", FieldType::String}, {"depth_m", FieldType::Real}, {"berths", FieldType::Integer},
                {"opened", FieldType::DateTime}};
    for (int i = 0; i < n; ++i) {
        Feature f;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{400000.0 + i + offset, 300000.0 + 2.0 * i}};
        f.values = {"port " + std::to_string(i), 4.5 + i, std::int64_t{i}, std::string("2026-03-01T12:00:05Z")};
        l.features.push_back(std::move(f));
    }
    return l;
}

Workspace sample_workspace() {
    Workspace ws;
    ws.put(points_layer("ports", 3, 0));
    Layer coast;
    coast.name = "coastline";
    coast.role = LayerRole::Coastline;
    coast.attribution = "© OpenStreetMap contributors";
    Feature f;
    f.geometry.kind = geo::GeometryKind::Polygon;
    f.geometry.polygons.push_back({{{0, 0}, {1000, 0}, {1000, 1000}, {0, 0}}, {}});
    coast.features.push_back(f);
    ws.put(coast);
    Layer table;
    table.name = "force_summary";
    table.role = LayerRole::Table;
    table.fields = {{"force_code", FieldType::String}, {"covered_pct", FieldType::Real}};
    Feature row;
    row.values = {std::string("E23000032"), 61.5};
    table.features.push_back(row);
    ws.put(table);
    ws.window_from = *geo::parse_iso8601("2026-03-01T00:00:00Z");
    ws.window_to = *geo::parse_iso8601("2026-03-08T00:00:00Z");
    ws.settings["styles"]["ports"]["label_field"] = "name";
    return ws;
}

}  // namespace

TEST(Workspace, RoundTripKeepsLayersRolesAttributesAndSettings) {
    ScratchDir dir;
    Workspace ws = sample_workspace();
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;

    auto back = Workspace::open(dir.file("ws.gpkg"), &error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(back->crs().definition(), "EPSG:27700");
    ASSERT_EQ(back->layers.size(), 3u);
    EXPECT_EQ(back->layers[0].name, "ports");
    EXPECT_EQ(back->layers[1].role, LayerRole::Coastline);
    EXPECT_EQ(back->layers[1].attribution, "© OpenStreetMap contributors");
    const Layer* ports = back->find("ports");
    ASSERT_TRUE(ports);
    ASSERT_EQ(ports->features.size(), 3u);
    EXPECT_EQ(ports->role, LayerRole::Ports);
    const Feature& f = ports->features[2];
    EXPECT_DOUBLE_EQ(f.geometry.points[0].x, 400002.0);
    EXPECT_DOUBLE_EQ(f.geometry.points[0].y, 300004.0);
    EXPECT_EQ(to_string(ports->value(f, "name")), "port 2");
    EXPECT_DOUBLE_EQ(*to_number(ports->value(f, "depth_m")), 6.5);
    EXPECT_EQ(std::get<std::int64_t>(ports->value(f, "berths")), 2);
    EXPECT_EQ(to_string(ports->value(f, "opened")), "2026-03-01T12:00:05Z");
    const Layer* table = back->find("force_summary");
    ASSERT_TRUE(table);
    EXPECT_EQ(table->geometry_kind(), geo::GeometryKind::None);
    EXPECT_DOUBLE_EQ(*to_number(table->value(table->features[0], "covered_pct")), 61.5);
    EXPECT_EQ(geo::format_iso8601(*back->window_to), "2026-03-08T00:00:00Z");
    EXPECT_EQ(back->settings["styles"]["ports"]["label_field"], "name");
}

TEST(Workspace, IsAnOrdinaryGeoPackageOtherToolsRead) {
    ScratchDir dir;
    Workspace ws = sample_workspace();
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;
    // ogrinfo (GDAL's own tool, as QGIS reads it) lists the layers with their CRS.
    std::string out = dir.file("ogrinfo.txt");
    std::string cmd = "ogrinfo -so -al '" + dir.file("ws.gpkg") + "' > '" + out + "' 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    std::string text = test::read_file(out);
    EXPECT_NE(text.find("Layer name: ports"), std::string::npos);
    EXPECT_NE(text.find("Geometry: Point"), std::string::npos);
    EXPECT_NE(text.find("OSGB36 / British National Grid"), std::string::npos);
    EXPECT_NE(text.find("Layer name: coastline"), std::string::npos);
}

TEST(Workspace, SaveKilledMidwayLeavesThePreviousSaveIntact) {
    ScratchDir dir;
    const std::string path = dir.file("ws.gpkg");
    Workspace ws = sample_workspace();
    std::string error;
    ASSERT_TRUE(ws.save(&error, path)) << error;
    const auto before = std::filesystem::file_size(path);

    // A child starts saving a much larger workspace over the same file and is killed
    // (SIGKILL: no destructors, no flush) once its temporary file is being written.
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        Workspace big = sample_workspace();
        big.put(points_layer("ports", 400000, 0.5));
        std::string e;
        big.save(&e, path);
        ::_exit(0);
    }
    const std::string partial = dir.file(".ws.gpkg.partial-" + std::to_string(child) + ".gpkg");
    bool seen = false;
    for (int i = 0; i < 4000 && !seen; ++i) {
        std::error_code ec;
        seen = std::filesystem::exists(partial, ec) && std::filesystem::file_size(partial, ec) > 64 * 1024;
        if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(seen) << "the child never started writing its temporary file";
    ASSERT_TRUE(WIFSIGNALED(status)) << "the save finished before it could be interrupted";

    EXPECT_EQ(std::filesystem::file_size(path), before);
    auto back = Workspace::open(path, &error);
    ASSERT_TRUE(back) << error;
    ASSERT_TRUE(back->find("ports"));
    EXPECT_EQ(back->find("ports")->features.size(), 3u);
}

TEST(Workspace, OpeningSomethingElseSaysWhatIsWrong) {
    ScratchDir dir;
    std::string error;
    EXPECT_FALSE(Workspace::open(dir.file("missing.gpkg"), &error));
    EXPECT_NE(error.find("no such workspace"), std::string::npos);
    std::string gj = dir.write("plain.geojson", R"({"type":"FeatureCollection","features":[]})");
    EXPECT_FALSE(Workspace::open(gj, &error));
    EXPECT_NE(error.find("not a Tidemark workspace"), std::string::npos);
}

// A feature another tool wrote into the workspace that Tidemark cannot read (an empty point)
// is named when the workspace opens, and the workspace is never saved over it: that would
// delete the feature. Saving elsewhere works.
TEST(Workspace, UnreadableFeaturesAreNamedAndNeverSavedAway) {
    ScratchDir dir;
    const std::string path = dir.file("ws.gpkg");
    std::string error;
    ASSERT_TRUE(sample_workspace().save(&error, path)) << error;
    {
        DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
        ASSERT_TRUE(ds);
        OGRLayer* ports = ds->GetLayerByName("ports");
        ASSERT_TRUE(ports);
        OGRFeature* f = OGRFeature::CreateFeature(ports->GetLayerDefn());
        f->SetField("name", "edited in another tool");
        f->SetGeometryDirectly(new OGRPoint());  // empty
        ASSERT_EQ(ports->CreateFeature(f), OGRERR_NONE);
        OGRFeature::DestroyFeature(f);
    }
    const std::string before = test::read_file(path);

    auto ws = Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error;
    EXPECT_EQ(ws->find("ports")->features.size(), 3u);
    EXPECT_EQ(ws->features_left_out(), 1u);
    ASSERT_EQ(ws->open_problems().size(), 1u);
    const std::string said = ws->open_problems()[0].describe();
    EXPECT_NE(said.find("ports"), std::string::npos) << said;
    EXPECT_NE(said.find("edited in another tool"), std::string::npos) << said;  // the feature, by name
    EXPECT_NE(said.find("empty geometry"), std::string::npos) << said;

    EXPECT_FALSE(ws->save(&error));
    EXPECT_NE(error.find("1 feature(s)"), std::string::npos) << error;
    EXPECT_NE(error.find("Save to another file"), std::string::npos) << error;
    EXPECT_EQ(test::read_file(path), before);  // untouched, the unreadable feature still in it

    const std::string copy = dir.file("copy.gpkg");
    ASSERT_TRUE(ws->save(&error, copy)) << error;
    ASSERT_TRUE(ws->save(&error)) << error;  // now its own file: saves freely
    auto reopened = Workspace::open(copy, &error);
    ASSERT_TRUE(reopened) << error;
    EXPECT_EQ(reopened->features_left_out(), 0u);
    EXPECT_EQ(reopened->find("ports")->features.size(), 3u);

    // A command that would save says so up front and fails without touching the file.
    const auto r = test::run_tidemark({"workspace", "add", path, dir.write("extra.csv", "name,lon,lat\nDover,1.32,51.12\n")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("could not be read and are left out"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("would delete them"), std::string::npos) << r.err;
    EXPECT_EQ(test::read_file(path), before);
}
