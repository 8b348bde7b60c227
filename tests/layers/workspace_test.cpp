#include "layers/io/gdal_handles.h"
#include "layers/io/ogr_reader.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
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
        l.features().push_back(std::move(f));
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
    coast.features().push_back(f);
    ws.put(coast);
    Layer table;
    table.name = "force_summary";
    table.role = LayerRole::Table;
    table.fields = {{"force_code", FieldType::String}, {"covered_pct", FieldType::Real}};
    Feature row;
    row.values = {std::string("E23000032"), 61.5};
    table.features().push_back(row);
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
    ASSERT_EQ(ports->features().size(), 3u);
    EXPECT_EQ(ports->role, LayerRole::Ports);
    const Feature& f = ports->features()[2];
    EXPECT_DOUBLE_EQ(f.geometry.points[0].x, 400002.0);
    EXPECT_DOUBLE_EQ(f.geometry.points[0].y, 300004.0);
    EXPECT_EQ(to_string(ports->value(f, "name")), "port 2");
    EXPECT_DOUBLE_EQ(*to_number(ports->value(f, "depth_m")), 6.5);
    EXPECT_EQ(std::get<std::int64_t>(ports->value(f, "berths")), 2);
    EXPECT_EQ(to_string(ports->value(f, "opened")), "2026-03-01T12:00:05Z");
    const Layer* table = back->find("force_summary");
    ASSERT_TRUE(table);
    EXPECT_EQ(table->geometry_kind(), geo::GeometryKind::None);
    EXPECT_DOUBLE_EQ(*to_number(table->value(table->features()[0], "covered_pct")), 61.5);
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
    EXPECT_EQ(back->find("ports")->features().size(), 3u);
}

namespace {

// What a save killed during the incremental save of `kind` left at `path`: "old", "new", or what
// is wrong. Kind 0 changes a setting and a small layer; kind 1 a setting and a 30,000-point layer.
// Both leave the other layers alone, which must come through intact either way.
std::string state_after_kill(const std::string& path, int kind) {
    std::string e;
    auto w = Workspace::open(path, &e);
    if (!w) return "cannot open: " + e;
    {
        DatasetPtr ds(static_cast<GDALDataset*>(
            GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
        OGRLayer* check = ds ? ds->ExecuteSQL("PRAGMA integrity_check", nullptr, nullptr) : nullptr;
        OGRFeatureUniquePtr row(check ? check->GetNextFeature() : nullptr);
        const std::string verdict = row ? row->GetFieldAsString(0) : "no answer";
        if (check) ds->ReleaseResultSet(check);
        if (verdict != "ok") return "SQLite integrity check: " + verdict;
    }
    const Layer* ports = w->find("ports");
    const Layer* big = w->find("big");
    if (!ports || !big || !w->find("coastline") || !w->find("force_summary")) return "a layer is missing";
    auto last_x = [](const Layer& l) { return l.features().back().geometry.points[0].x; };
    // points_layer(name, n, offset): the last point is at x = 400000 + (n - 1) + offset.
    const bool ports_old = ports->features().size() == 3 && last_x(*ports) == 400002.0;
    const bool ports_new = ports->features().size() == 5 && last_x(*ports) == 400004.25;
    const bool big_old = big->features().size() == 30000 && last_x(*big) == 429999.0;
    const bool big_new = big->features().size() == 30000 && last_x(*big) == 429999.75;
    const std::string label = w->settings["styles"]["ports"].value("label_field", "");
    const bool layers_old = ports_old && big_old;
    const bool layers_new = kind == 0 ? ports_new && big_old : ports_old && big_new;
    if (label == "name" && layers_old) return "old";
    if (label == "depth_m" && layers_new) return "new";
    return "mixed: label_field " + label + ", ports " + std::to_string(ports->features().size()) + " ending at " +
           std::to_string(last_x(*ports)) + ", big " + std::to_string(big->features().size()) + " ending at " +
           std::to_string(last_x(*big));
}

void change_for_kill_test(Workspace& w, int kind) {
    w.settings["styles"]["ports"]["label_field"] = "depth_m";
    if (kind == 0) w.put(points_layer("ports", 5, 0.25));
    else w.find("big")->features() = points_layer("big", 30000, 0.75).features();  // edited in place, not put
}

}  // namespace

// A process opens the workspace, changes it and saves into the same file (one SQLite transaction);
// it is killed (SIGKILL) at a random moment of that save, 24 times. Every time the file opens
// with either the complete previous state or the complete new one.
TEST(Workspace, IncrementalSaveKilledAtRandomMomentsLeavesTheOldOrTheNewState) {
    ScratchDir dir;
    const std::string base = dir.file("base.gpkg"), path = dir.file("ws.gpkg");
    Workspace ws = sample_workspace();
    ws.put(points_layer("big", 30000, 0));
    std::string error;
    ASSERT_TRUE(ws.save(&error, base)) << error;

    // How long each kind of save takes here, to spread the kills over it.
    double save_s[2];
    for (int kind : {0, 1}) {
        std::filesystem::copy_file(base, path, std::filesystem::copy_options::overwrite_existing);
        auto w = Workspace::open(path, &error);
        ASSERT_TRUE(w) << error;
        change_for_kill_test(*w, kind);
        const auto start = std::chrono::steady_clock::now();
        ASSERT_TRUE(w->save(&error)) << error;
        save_s[kind] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ASSERT_EQ(state_after_kill(path, kind), "new");
    }

    const unsigned seed = std::random_device{}();
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 random(seed);
    int old_states = 0, new_states = 0, in_transaction = 0;
    for (int trial = 0; trial < 24; ++trial) {
        const int kind = trial % 2;
        std::filesystem::copy_file(base, path, std::filesystem::copy_options::overwrite_existing);
        int ready[2];
        ASSERT_EQ(::pipe(ready), 0);
        pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            std::string e;
            auto w = Workspace::open(path, &e);
            if (w) change_for_kill_test(*w, kind);
            const char go = 1;
            (void)!::write(ready[1], &go, 1);  // opened and changed: the save starts now
            ::_exit(w && w->save(&e) ? 0 : 3);
        }
        ::close(ready[1]);
        char go = 0;
        (void)!::read(ready[0], &go, 1);
        ::close(ready[0]);
        std::uniform_real_distribution<double> moment(0.0, 1.2 * save_s[kind]);
        std::this_thread::sleep_for(std::chrono::duration<double>(moment(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status) || WEXITSTATUS(status) == 0) << "the save failed on its own in trial " << trial;
        in_transaction += std::filesystem::exists(path + "-journal");  // SQLite's rollback journal, left by the kill
        const std::string state = state_after_kill(path, kind);
        ASSERT_TRUE(state == "old" || state == "new") << "trial " << trial << " (kind " << kind << "): " << state;
        (state == "old" ? old_states : new_states)++;
    }
    std::printf("[ kills    ] 24 saves killed at random moments: %d left the old state (%d of them inside the "
                "write transaction), %d the new one\n",
                old_states, in_transaction, new_states);
    EXPECT_GT(in_transaction, 0) << "no kill landed inside a write transaction: the kills did not test the rollback";
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
// is named when the workspace opens, and its layer is never saved over: that would delete the
// feature. Other layers save as usual; saving elsewhere works.
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
    EXPECT_EQ(ws->find("ports")->features().size(), 3u);
    EXPECT_EQ(ws->features_left_out(), 1u);
    ASSERT_EQ(ws->open_problems().size(), 1u);
    const std::string said = ws->open_problems()[0].describe();
    EXPECT_NE(said.find("ports"), std::string::npos) << said;
    EXPECT_NE(said.find("edited in another tool"), std::string::npos) << said;  // the feature, by name
    EXPECT_NE(said.find("empty geometry"), std::string::npos) << said;

    ws->find("ports")->features().pop_back();
    EXPECT_FALSE(ws->save(&error));
    EXPECT_NE(error.find("1 feature(s)"), std::string::npos) << error;
    EXPECT_NE(error.find("saving layer 'ports' over it would delete them"), std::string::npos) << error;
    EXPECT_NE(error.find("Save to another file"), std::string::npos) << error;
    EXPECT_EQ(test::read_file(path), before);  // untouched, the unreadable feature still in it

    const std::string copy = dir.file("copy.gpkg");
    ASSERT_TRUE(ws->save(&error, copy)) << error;
    ASSERT_TRUE(ws->save(&error)) << error;  // now its own file: saves freely
    auto reopened = Workspace::open(copy, &error);
    ASSERT_TRUE(reopened) << error;
    EXPECT_EQ(reopened->features_left_out(), 0u);
    EXPECT_EQ(reopened->find("ports")->features().size(), 2u);

    // A command that changes another layer saves it; the unreadable feature stays in the file.
    // It never reads the ports (commands read a layer's rows when they use it), so it says nothing of them.
    const auto r = test::run_tidemark({"workspace", "add", path, dir.write("extra.csv", "name,lon,lat\nDover,1.32,51.12\n")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err.find("could not be read"), std::string::npos) << r.err;
    // One that reads the ports names the feature it cannot read.
    const auto check = test::run_tidemark({"export", path, "--layer", "ports", "--format", "csv", "-o", dir.file("ports.csv")});
    EXPECT_EQ(check.exit_code, 0) << check.err;
    EXPECT_NE(check.err.find("could not be read and are left out"), std::string::npos) << check.err;
    EXPECT_NE(check.err.find("no save will rewrite the layers holding them"), std::string::npos) << check.err;
    EXPECT_NE(check.err.find("edited in another tool"), std::string::npos) << check.err;
    DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    ASSERT_TRUE(ds);
    ASSERT_TRUE(ds->GetLayerByName("extra"));
    EXPECT_EQ(ds->GetLayerByName("ports")->GetFeatureCount(), 4);  // the 3 read and the one that cannot be
}
