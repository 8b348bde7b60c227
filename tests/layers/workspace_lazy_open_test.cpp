// A workspace opened with Workspace::Rows::OnFirstUse: each layer's name, fields and CRS on
// opening, its rows when first used; saves write only what changed and never a layer's rows
// that were not read; what reading rows later reports is said then, and damage is still found.
#include "layers/io/gdal_handles.h"
#include "layers/workspace.h"
#include "layers/workspace_damage.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <thread>

using namespace tidemark;
using namespace tidemark::layers;
using tidemark::test::ScratchDir;

namespace {

Layer points(const std::string& name, LayerRole role, int n, double x0) {
    Layer l;
    l.name = name;
    l.role = role;
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

// ports (3 rows), coastline (2 rows), one setting.
std::string saved_workspace(const ScratchDir& dir) {
    Workspace ws;
    ws.put(points("ports", LayerRole::Ports, 3, 400000));
    ws.put(points("coastline", LayerRole::Coastline, 2, 500000));
    ws.settings["styles"]["ports"]["label_field"] = "name";
    const std::string path = dir.file("ws.gpkg");
    std::string error;
    EXPECT_TRUE(ws.save(&error, path)) << error;
    return path;
}

Workspace opened(const std::string& path, Workspace::Rows rows) {
    std::string error;
    auto ws = Workspace::open(path, &error, rows);
    EXPECT_TRUE(ws) << error;
    return ws ? std::move(*ws) : Workspace();
}

// Another tool (QGIS, say) adds a row to `layer` behind the workspace's back.
void add_row_elsewhere(const std::string& path, const std::string& layer, const char* name, OGRGeometry* geometry) {
    DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayerByName(layer.c_str());
    ASSERT_TRUE(l);
    OGRFeature f(l->GetLayerDefn());
    f.SetField("name", name);
    f.SetGeometryDirectly(geometry);
    ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
}

std::int64_t rows_in_file(const std::string& path, const std::string& layer) {
    DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    OGRLayer* l = ds ? ds->GetLayerByName(layer.c_str()) : nullptr;
    return l ? l->GetFeatureCount(TRUE) : -1;
}

}  // namespace

TEST(WorkspaceLazyOpen, HoldsEveryLayersSchemaAndReadsItsRowsOnFirstUse) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace eager = opened(path, Workspace::Rows::Now);
    Workspace lazy = opened(path, Workspace::Rows::OnFirstUse);

    ASSERT_EQ(lazy.layers.size(), 2u);
    for (const Layer& l : lazy.layers) {
        EXPECT_FALSE(l.features_read()) << l.name;
        const Layer* e = eager.find(l.name);
        ASSERT_TRUE(e);
        EXPECT_EQ(l.role, e->role);
        ASSERT_EQ(l.fields.size(), e->fields.size());
        EXPECT_EQ(l.fields[1].type, FieldType::Integer);
    }
    EXPECT_TRUE(lazy.unsaved_changes().empty());  // nothing read is nothing changed

    const Layer& ports = *lazy.find("ports");
    ASSERT_EQ(ports.features().size(), 3u);
    EXPECT_TRUE(ports.features_read());
    EXPECT_FALSE(lazy.find("coastline")->features_read());  // only what was used
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(ports.features()[i].values, eager.find("ports")->features()[i].values);
        EXPECT_EQ(ports.features()[i].geometry.points, eager.find("ports")->features()[i].geometry.points);
    }
    EXPECT_TRUE(lazy.unsaved_changes().empty());  // read is not changed either
}

TEST(WorkspaceLazyOpen, ASaveWritesWhatChangedAndNeverTheRowsOfALayerNotRead) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace ws = opened(path, Workspace::Rows::OnFirstUse);
    // After opening, another tool adds a coastline row: this workspace never read the coastline,
    // so its save must leave that layer as the file holds it, the new row included.
    add_row_elsewhere(path, "coastline", "added in QGIS", new OGRPoint(500100, 100000));

    ws.find("ports")->features()[1].values[1] = std::int64_t{40};
    ws.settings["styles"]["ports"]["label_field"] = "berths";
    const auto unsaved = ws.unsaved_changes();
    EXPECT_EQ(unsaved, (std::vector<std::string>{"layer 'ports'", "setting 'styles'"}));
    std::string error;
    ASSERT_TRUE(ws.save(&error)) << error;
    EXPECT_FALSE(ws.find("coastline")->features_read());
    EXPECT_TRUE(ws.unsaved_changes().empty());

    Workspace back = opened(path, Workspace::Rows::Now);
    EXPECT_EQ(back.find("coastline")->features().size(), 3u);  // 2 saved + the one added elsewhere
    EXPECT_EQ(back.find("ports")->features()[1].values[1], Value(std::int64_t{40}));
    EXPECT_EQ(back.settings["styles"]["ports"]["label_field"], "berths");

    // The coastline read after the save, then left alone, is still not a change.
    EXPECT_EQ(ws.find("coastline")->features().size(), 3u);
    EXPECT_TRUE(ws.unsaved_changes().empty());
}

TEST(WorkspaceLazyOpen, PuttingBackTheSameContentAfterReadingIsNoChange) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace ws = opened(path, Workspace::Rows::OnFirstUse);
    // As `coverage` does when its results come out as stored: a new layer object, same content.
    Layer same = points("ports", LayerRole::Ports, 3, 400000);
    same.source = ws.find("ports")->source;
    same.empty_kind = ws.find("ports")->empty_kind;
    ws.find("ports")->features();
    ws.put(std::move(same));
    EXPECT_TRUE(ws.unsaved_changes().empty());
    Layer other = points("ports", LayerRole::Ports, 2, 400000);
    other.source = ws.find("ports")->source;
    other.empty_kind = ws.find("ports")->empty_kind;
    ws.put(std::move(other));
    EXPECT_EQ(ws.unsaved_changes(), std::vector<std::string>{"layer 'ports'"});
}

TEST(WorkspaceLazyOpen, ChangingALayerNotReadYetWritesItWithItsRows) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace ws = opened(path, Workspace::Rows::OnFirstUse);
    ws.find("coastline")->attribution = "© OpenStreetMap contributors";  // metadata only, rows not read
    EXPECT_EQ(ws.unsaved_changes(), std::vector<std::string>{"layer 'coastline'"});
    std::string error;
    ASSERT_TRUE(ws.save(&error)) << error;
    Workspace back = opened(path, Workspace::Rows::Now);
    EXPECT_EQ(back.find("coastline")->attribution, "© OpenStreetMap contributors");
    ASSERT_EQ(back.find("coastline")->features().size(), 2u);  // rewritten whole, rows and all
    EXPECT_EQ(back.find("coastline")->features()[1].values[0], Value(std::string("coastline 1")));

    // A layer added while others are unread goes last; one removed unread is removed.
    ws.put(points("marinas", LayerRole::Ports, 1, 600000));
    ASSERT_TRUE(ws.remove("ports"));
    ASSERT_TRUE(ws.save(&error)) << error;
    EXPECT_EQ(rows_in_file(path, "ports"), -1);
    EXPECT_EQ(rows_in_file(path, "marinas"), 1);
    EXPECT_EQ(rows_in_file(path, "coastline"), 2);
}

TEST(WorkspaceLazyOpen, ALayerReadAfterAnotherWriterChangedItIsNotSavedOverTheirs) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace mine = opened(path, Workspace::Rows::OnFirstUse);
    Workspace theirs = opened(path, Workspace::Rows::Now);
    theirs.find("ports")->features()[0].values[1] = std::int64_t{99};
    std::string error;
    ASSERT_TRUE(theirs.save(&error)) << error;

    // Read now, this workspace holds their row; its revision is the one read on opening, so
    // changing the layer and saving is refused by name rather than written over their save.
    EXPECT_EQ(mine.find("ports")->features()[0].values[1], Value(std::int64_t{99}));
    mine.find("ports")->features()[2].values[1] = std::int64_t{7};
    EXPECT_FALSE(mine.save(&error));
    EXPECT_NE(error.find("layer 'ports'"), std::string::npos) << error;
    Workspace back = opened(path, Workspace::Rows::Now);
    EXPECT_EQ(back.find("ports")->features()[0].values[1], Value(std::int64_t{99}));
    EXPECT_EQ(back.find("ports")->features()[2].values[1], Value(std::int64_t{2}));
}

TEST(WorkspaceLazyOpen, UnreadableRowsAreReportedWhenReadAndNeverSavedAway) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    add_row_elsewhere(path, "ports", "edited in another tool", new OGRPoint());  // empty: cannot be held
    Workspace ws = opened(path, Workspace::Rows::OnFirstUse);
    EXPECT_TRUE(ws.open_problems().empty());
    EXPECT_EQ(ws.features_left_out(), 0u);
    std::vector<std::string> told;
    std::size_t told_left_out = 0;
    ws.report_rows_read_to([&](const geo::Problems& problems, std::size_t left_out) {
        for (const geo::Problem& p : problems) told.push_back(p.describe());
        told_left_out += left_out;
    });

    EXPECT_EQ(ws.find("ports")->features().size(), 3u);
    EXPECT_EQ(ws.features_left_out(), 1u);
    ASSERT_EQ(ws.open_problems().size(), 1u);
    ASSERT_EQ(told.size(), 1u);
    EXPECT_EQ(told[0], ws.open_problems()[0].describe());
    EXPECT_NE(told[0].find("edited in another tool"), std::string::npos) << told[0];
    EXPECT_EQ(told_left_out, 1u);

    const std::string before = test::read_file(path);
    ws.find("ports")->features().pop_back();
    std::string error;
    EXPECT_FALSE(ws.save(&error));
    EXPECT_NE(error.find("saving layer 'ports' over it would delete them"), std::string::npos) << error;
    EXPECT_EQ(test::read_file(path), before);
}

TEST(WorkspaceLazyOpen, ChangingOnlyTheMetadataOfALayerWithUnreadableRowsIsRefusedToo) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    add_row_elsewhere(path, "ports", "edited in another tool", new OGRPoint());
    const std::string before = test::read_file(path);
    // The rows are not read before the save: the save reads them to write the layer whole, finds
    // the one it cannot hold, and refuses rather than drop it.
    Workspace ws = opened(path, Workspace::Rows::OnFirstUse);
    ws.find("ports")->attribution = "Port register";
    std::string error;
    EXPECT_FALSE(ws.save(&error));
    EXPECT_NE(error.find("saving layer 'ports' over it would delete them"), std::string::npos) << error;
    EXPECT_EQ(test::read_file(path), before);
    // Save As elsewhere (which reads every row) and back onto this file would drop it as well.
    Workspace other = opened(path, Workspace::Rows::OnFirstUse);
    ASSERT_TRUE(other.save(&error, dir.file("elsewhere.gpkg"))) << error;
    EXPECT_FALSE(other.save(&error, path));
    EXPECT_NE(error.find("would delete them"), std::string::npos) << error;
    EXPECT_EQ(test::read_file(path), before);
}

TEST(WorkspaceLazyOpen, DamageIsFoundInLayersNotUsedYet) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    add_row_elsewhere(path, "coastline", "edited in another tool", new OGRPoint());
    Workspace ws = opened(path, Workspace::Rows::OnFirstUse);
    const WorkspaceDamage damage = find_damage(ws);
    EXPECT_EQ(damage.unreadable, 1u);
    EXPECT_TRUE(ws.find("coastline")->features_read());
    EXPECT_TRUE(ws.find("ports")->features_read());
}

TEST(WorkspaceLazyOpen, ACopyOfALayerNotReadHoldsItsRows) {
    ScratchDir dir;
    const std::string path = saved_workspace(dir);
    Workspace ws = opened(path, Workspace::Rows::OnFirstUse);
    const Layer copy = *ws.find("coastline");
    EXPECT_TRUE(copy.features_read());
    EXPECT_EQ(copy.features().size(), 2u);
    // Save As writes every layer whole, read or not.
    const std::string other = dir.file("copy.gpkg");
    std::string error;
    Workspace unread = opened(path, Workspace::Rows::OnFirstUse);
    ASSERT_TRUE(unread.save(&error, other)) << error;
    EXPECT_EQ(rows_in_file(other, "ports"), 3);
    EXPECT_EQ(rows_in_file(other, "coastline"), 2);
}

namespace {

// Counts its reads, slowly, so that threads asking at once overlap.
class CountingRows final : public RowSource {
public:
    Rows read_rows(const std::string&) override {
        ++reads;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        Rows rows;
        rows.features.resize(5);
        return rows;
    }
    std::atomic<int> reads{0};
};

}  // namespace

TEST(WorkspaceLazyOpen, ThreadsAskingForTheRowsAtOnceReadThemOnce) {
    auto source = std::make_shared<CountingRows>();
    Layer l;
    l.name = "tracks";
    l.defer_rows(source);
    std::vector<std::thread> threads;
    std::atomic<std::size_t> seen{0};
    for (int i = 0; i < 8; ++i) threads.emplace_back([&] { seen += l.features().size(); });
    for (auto& t : threads) t.join();
    EXPECT_EQ(source->reads.load(), 1);
    EXPECT_EQ(seen.load(), 40u);
}
