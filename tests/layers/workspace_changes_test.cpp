// What a save writes, worked out from the workspace against its baseline: each case names the
// items by hand.
#include "layers/workspace_changes.h"

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
    l.features.push_back(f);
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
    w.layers[1].features[0].geometry.lines[0][2].y = 10.001;
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
        if (what == 2) w.layers[0].features[0].values[0] = std::int64_t{2};
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
    w.layers[0].features.clear();
    const Diff d = diff(base, w.view());
    record(base, d, w.view(), {{"layer:a", 2}});
    EXPECT_TRUE(diff(base, w.view()).changes.empty());
    EXPECT_EQ(base.revisions.at("layer:a"), 2);
}
