// What a save writes, worked out from the workspace against its baseline: each case names the
// items by hand.
#include "layers/store/workspace_changes.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::layers;

namespace {

Layer line_layer(const std::string& name) {
    Layer l;
    l.name = name;
    l.fields = {{"id", FieldType::Integer}};
    Feature f;
    f.geometry.kind = geo::GeometryKind::Line;
    f.geometry.lines = {{{0, 0}, {10, 0}, {10, 10}}};
    f.values = {std::int64_t{1}};
    l.features().push_back(f);
    return l;
}

struct Fixture {
    std::vector<Layer> layers{line_layer("a"), line_layer("b"), line_layer("c")};
    nlohmann::json settings = {{"styles", {{"a", {{"colour", "#000"}}}}}, {"coverage", {{"range_nm", 8}}}};
    std::optional<geo::UnixTime> from, to;
    SavedView view() const { return {layers, settings, from, to}; }
};

std::vector<std::string> items(const ChangeSet& c) {
    std::vector<std::string> out;
    for (const auto& [item, revision] : c.base) out.push_back(item + "@" + std::to_string(revision));
    return out;
}

}  // namespace

TEST(WorkspaceChanges, NothingChangedWritesNothingEvenAfterAnIdenticalPut) {
    Fixture w;
    const Baseline base = baseline_of(w.view(), "ws.gpkg", "1:2", {});
    w.layers[1] = line_layer("b");  // replaced by an equal layer
    EXPECT_TRUE(diff(base, w.view()).changes.empty());
}

TEST(WorkspaceChanges, AVertexMovedInPlaceIsAChangeOfThatLayerOnly) {
    Fixture w;
    const Baseline base = baseline_of(w.view(), "ws.gpkg", "1:2", {{"layer:b", 4}});
    w.layers[1].features()[0].geometry.lines[0][2].y = 10.001;
    const Diff d = diff(base, w.view());
    EXPECT_EQ(items(d.changes), (std::vector<std::string>{"layer:b@4"}));
    ASSERT_EQ(d.changes.put.size(), 1u);
    EXPECT_EQ(d.changes.put[0], &w.layers[1]);
    EXPECT_EQ(d.changes.identity, "1:2");
}

TEST(WorkspaceChanges, MetadataAFieldOrAValueChangeTheLayer) {
    for (int what = 0; what < 3; ++what) {
        Fixture w;
        const Baseline base = baseline_of(w.view(), "ws.gpkg", "", {});
        if (what == 0) w.layers[0].role = LayerRole::Segments;
        if (what == 1) w.layers[0].add_field("note", FieldType::String);
        if (what == 2) w.layers[0].features()[0].values[0] = std::int64_t{2};
        EXPECT_EQ(items(diff(base, w.view()).changes), (std::vector<std::string>{"layer:a@0"})) << what;
    }
}

TEST(WorkspaceChanges, RemovedAddedAndReorderedLayers) {
    Fixture w;
    const Baseline base = baseline_of(w.view(), "ws.gpkg", "", {{"layer:a", 2}});
    w.layers.erase(w.layers.begin());     // a removed
    w.layers.push_back(line_layer("d"));  // d added at the end: not an order change
    Diff d = diff(base, w.view());
    EXPECT_EQ(items(d.changes), (std::vector<std::string>{"layer:a@2", "layer:d@0"}));
    EXPECT_EQ(d.changes.removed, (std::vector<std::string>{"a"}));
    EXPECT_FALSE(d.changes.order);
    std::swap(w.layers[0], w.layers[1]);  // c before b
    d = diff(base, w.view());
    ASSERT_TRUE(d.changes.order);
    EXPECT_EQ(*d.changes.order, (std::vector<std::string>{"c", "b", "d"}));
    EXPECT_TRUE(d.changes.base.count("order"));
}

TEST(WorkspaceChanges, SettingsByTopLevelKeyAndTheWindow) {
    Fixture w;
    const Baseline base = baseline_of(w.view(), "ws.gpkg", "", {{"setting:styles", 7}});
    w.settings["styles"]["b"]["colour"] = "#fff";
    w.settings.erase("coverage");
    w.settings["plan"] = {{"tasks", 3}};
    w.to = 1772366400.0;
    const Diff d = diff(base, w.view());
    EXPECT_EQ(items(d.changes),
              (std::vector<std::string>{"setting:coverage@0", "setting:plan@0", "setting:styles@7", "window@0"}));
    EXPECT_FALSE(d.changes.settings.at("coverage").has_value());
    EXPECT_EQ((*d.changes.settings.at("styles"))["b"]["colour"], "#fff");
    EXPECT_TRUE(d.changes.window_changed);
    EXPECT_EQ(*d.changes.window_to, 1772366400.0);
}

TEST(WorkspaceChanges, AfterASaveTheBaselineIsTheNewState) {
    Fixture w;
    Baseline base = baseline_of(w.view(), "ws.gpkg", "", {{"layer:a", 1}});
    w.layers[0].features().clear();
    const Diff d = diff(base, w.view());
    record(base, d, w.view(), Committed{{{"layer:a", 2}}, {}});
    EXPECT_TRUE(diff(base, w.view()).changes.empty());
    EXPECT_EQ(base.revisions.at("layer:a"), 2);
}

namespace {

// A row-versioned table of three rows keyed by fid (like plan_tasks): name, version.
Layer versioned() {
    Layer l;
    l.name = "tasks";
    l.row_versions = true;
    l.fields = {{"name", FieldType::String}, {"version", FieldType::Integer}};
    for (std::int64_t fid : {1, 2, 3}) {
        Feature f;
        f.fid = fid;
        f.values = {std::string("task ") + std::to_string(fid), std::int64_t{1}};
        l.features().push_back(f);
    }
    return l;
}

}  // namespace

TEST(WorkspaceChanges, ARowVersionedLayerIsSavedAsItsChangedRowsWhereTheStoreTakesThem) {
    Fixture w;
    w.layers.push_back(versioned());
    const Baseline base = baseline_of(w.view(), "postgresql://a@h/db", "", {{"layer:tasks", 5}});
    Layer& t = w.layers.back();
    t.features()[1].values = {std::string("renamed"), std::int64_t{2}};  // fid 2 changed
    t.features().erase(t.features().begin() + 2);                          // fid 3 removed
    Feature added;
    added.fid = 9;
    added.values = {std::string("new"), std::int64_t{1}};
    t.features().push_back(added);

    const Diff rows = diff(base, w.view(), /*row_level=*/true);
    EXPECT_TRUE(rows.changes.base.empty()) << "no whole-layer item: rows conflict one by one";
    ASSERT_EQ(rows.changes.row_edits.size(), 1u);
    const RowEdits& e = rows.changes.row_edits[0];
    EXPECT_EQ(e.layer->name, "tasks");
    EXPECT_EQ(e.revision, 5);
    ASSERT_EQ(e.rows.size(), 3u);
    // By fid: 2 changed (base and mine), 9 added (mine only), 3 removed (base only).
    EXPECT_EQ(e.rows[0].fid, 2);
    ASSERT_TRUE(e.rows[0].base && e.rows[0].mine);
    EXPECT_EQ(e.rows[0].base->values[0], Value{std::string("task 2")});
    EXPECT_EQ(e.rows[0].mine->values[0], Value{std::string("renamed")});
    EXPECT_EQ(e.rows[1].fid, 9);
    EXPECT_FALSE(e.rows[1].base);
    EXPECT_EQ(e.rows[2].fid, 3);
    EXPECT_FALSE(e.rows[2].mine);

    // A store without row edits (the GeoPackage) writes the layer whole, checking its revision.
    const Diff whole = diff(base, w.view());
    EXPECT_TRUE(whole.changes.row_edits.empty());
    EXPECT_EQ(items(whole.changes), (std::vector<std::string>{"layer:tasks@5"}));
}

TEST(WorkspaceChanges, ARowVersionedLayerWhoseFieldsChangedIsWrittenWhole) {
    Fixture w;
    w.layers.push_back(versioned());
    const Baseline base = baseline_of(w.view(), "postgresql://a@h/db", "", {});
    w.layers.back().add_field("extra", FieldType::String);
    const Diff d = diff(base, w.view(), true);
    EXPECT_TRUE(d.changes.row_edits.empty());
    EXPECT_EQ(items(d.changes), (std::vector<std::string>{"layer:tasks@0"}));
}

TEST(WorkspaceChanges, AfterARowSaveTheBaselineHoldsTheRowsAsCommitted) {
    Fixture w;
    w.layers.push_back(versioned());
    Baseline base = baseline_of(w.view(), "postgresql://a@h/db", "", {});
    w.layers.back().features()[0].values[0] = std::string("mine");
    const Diff d = diff(base, w.view(), true);
    ASSERT_EQ(d.changes.row_edits.size(), 1u);
    // The store merged another writer's change in: the workspace took the returned row.
    w.layers.back().features()[0].values = {std::string("mine"), std::int64_t{3}};
    record(base, d, w.view(), Committed{{}, {{"tasks", {w.layers.back().features()[0]}}}});
    EXPECT_TRUE(diff(base, w.view(), true).changes.empty());
    EXPECT_EQ(base.rows.at("tasks").features()[0].values[1], Value{std::int64_t{3}});
}
