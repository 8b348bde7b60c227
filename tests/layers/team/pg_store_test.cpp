// The PostgreSQL store behind Workspace: whole writes, incremental saves, conflicts worded as the
// GeoPackage store words them. Expected values are the workspace written, field by field.
#include "layers/store/gpkg_store.h"
#include "layers/team/pg_connection.h"
#include "layers/team/team_schema.h"
#include "layers/workspace.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"

using namespace tidemark;
using namespace tidemark::layers;

namespace {

void init(const test::ScratchDatabase& db) {
    std::string error;
    auto conn = team::PgConnection::open(db.url(), &error);
    ASSERT_TRUE(conn) << error;
    int applied = 0;
    ASSERT_TRUE(team::migrate(*conn, geo::Crs::british_national_grid(), &applied, &error)) << error;
}

// Every kind of geometry and value a workspace holds, including text COPY must escape.
Workspace sample() {
    Workspace ws;
    Layer pts;
    pts.name = "ports";
    pts.role = LayerRole::Ports;
    pts.attribution = "© OpenStreetMap contributors";
    pts.fields = {{"name", FieldType::String}, {"berths", FieldType::Integer}, {"depth_m", FieldType::Real},
                  {"opened", FieldType::DateTime}};
    for (int i = 0; i < 3; ++i) {
        Feature f;
        f.fid = i + 1;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{400000.125 + i, 100000.0 / 3.0 + i}};
        f.values = {std::string(i == 0 ? "Dover\tEast\nquay \\ \"A\" é" : "Folkestone"), std::int64_t{i * 7 - 3},
                    i == 2 ? Value{} : Value{0.1 * (i + 1)}, i == 1 ? Value{} : Value{std::string("2026-03-02T10:15:30Z")}};
        pts.features().push_back(f);
    }
    ws.put(pts);
    Layer coast;
    coast.name = "coastline";
    coast.role = LayerRole::Coastline;
    coast.force_multi = true;
    Feature two_parts;
    two_parts.fid = 7;
    two_parts.geometry.kind = geo::GeometryKind::Line;
    two_parts.geometry.lines = {{{500000, 100000}, {510000.5, 100000.25}}, {{520000, 100000}, {524000, 104000}}};
    coast.features().push_back(two_parts);
    ws.put(coast);
    Layer areas;
    areas.name = "forces";
    areas.role = LayerRole::Forces;
    areas.fields = {{"code", FieldType::String}};
    Feature box;
    box.fid = 1;
    box.geometry.kind = geo::GeometryKind::Polygon;
    box.geometry.polygons = {{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}, {{{100, 100}, {200, 100}, {200, 200}, {100, 100}}}}};
    box.values = {std::string("F1")};
    areas.features().push_back(box);
    ws.put(areas);
    Layer table;
    table.name = "notes";
    table.role = LayerRole::Table;
    table.fields = {{"text", FieldType::String}};
    Feature row;
    row.fid = 1;
    row.values = {std::string("no geometry")};
    table.features().push_back(row);
    ws.put(table);
    ws.window_from = 1772409600;
    ws.window_to = 1772409600 + 86400;
    ws.settings["styles"]["ports"] = {{"colour", "#ff0000"}};
    ws.settings["module"] = {{"k", 1.5}};
    return ws;
}

void expect_same(const Workspace& a, const Workspace& b) {
    ASSERT_EQ(a.layers.size(), b.layers.size());
    for (std::size_t i = 0; i < a.layers.size(); ++i) {
        const Layer& x = a.layers[i];
        const Layer& y = b.layers[i];
        SCOPED_TRACE(x.name);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.role, y.role);
        EXPECT_EQ(x.attribution, y.attribution);
        EXPECT_EQ(x.force_multi, y.force_multi);
        ASSERT_EQ(x.fields.size(), y.fields.size());
        for (std::size_t k = 0; k < x.fields.size(); ++k) {
            EXPECT_EQ(x.fields[k].name, y.fields[k].name);
            EXPECT_EQ(x.fields[k].type, y.fields[k].type);
        }
        ASSERT_EQ(x.features().size(), y.features().size());
        for (std::size_t k = 0; k < x.features().size(); ++k) {
            EXPECT_EQ(x.features()[k].values, y.features()[k].values) << "feature " << k;
            EXPECT_EQ(x.features()[k].geometry.kind, y.features()[k].geometry.kind);
            EXPECT_EQ(x.features()[k].geometry.points, y.features()[k].geometry.points);
            EXPECT_EQ(x.features()[k].geometry.lines, y.features()[k].geometry.lines);
            const auto& px = x.features()[k].geometry.polygons;
            const auto& py = y.features()[k].geometry.polygons;
            ASSERT_EQ(px.size(), py.size());
            for (std::size_t p = 0; p < px.size(); ++p) {
                EXPECT_EQ(px[p].outer, py[p].outer);
                EXPECT_EQ(px[p].holes, py[p].holes);
            }
        }
    }
    EXPECT_EQ(a.settings, b.settings);
    EXPECT_EQ(a.window_from, b.window_from);
    EXPECT_EQ(a.window_to, b.window_to);
    EXPECT_EQ(a.crs(), b.crs());
}

}  // namespace

TEST(PgStore, AWorkspaceSavedToAUrlOpensWithEveryLayerFieldValueAndSettingEqual) {
    TIDEMARK_REQUIRE_PG(db);
    init(db);
    Workspace ws = sample();
    std::string error;
    ASSERT_TRUE(ws.save(&error, db.url())) << error;
    auto back = Workspace::open(db.url(), &error);
    ASSERT_TRUE(back) << error;
    expect_same(ws, *back);
    // The tables are ordinary PostGIS tables QGIS opens: typed geometry in the working CRS, GiST index.
    auto conn = team::PgConnection::open(db.url(), &error);
    ASSERT_TRUE(conn) << error;
    EXPECT_EQ(*conn->value("SELECT type || ' ' || srid FROM geometry_columns WHERE f_table_name = 'coastline'", &error),
              "MULTILINESTRING 27700");
    EXPECT_EQ(*conn->value("SELECT count(*) FROM pg_indexes WHERE tablename = 'ports' AND indexdef LIKE '%USING gist%'", &error),
              "1");
    EXPECT_EQ(*conn->value("SELECT berths FROM ports WHERE name = 'Folkestone' AND fid = 3", &error), "11");
}

TEST(PgStore, SavingOneEditedFeatureChangesOnlyThatRow) {
    TIDEMARK_REQUIRE_PG(db);
    init(db);
    Workspace ws = sample();
    std::string error;
    ASSERT_TRUE(ws.save(&error, db.url())) << error;
    auto conn = team::PgConnection::open(db.url(), &error);
    ASSERT_TRUE(conn) << error;
    // xmin is the transaction that last wrote a row: rows the save leaves alone keep theirs.
    const std::string before = *conn->value("SELECT string_agg(fid || ':' || xmin, ',' ORDER BY fid) FROM ports", &error);

    auto edited = Workspace::open(db.url(), &error);
    ASSERT_TRUE(edited) << error;
    Layer* ports = edited->find("ports");
    ports->features()[1].values[1] = std::int64_t{99};
    ASSERT_TRUE(edited->save(&error)) << error;

    const std::string after = *conn->value("SELECT string_agg(fid || ':' || xmin, ',' ORDER BY fid) FROM ports", &error);
    auto row = [](const std::string& all, int i) {
        std::size_t at = 0;
        for (int k = 0; k < i; ++k) at = all.find(',', at) + 1;
        return all.substr(at, all.find(',', at) - at);
    };
    EXPECT_EQ(row(before, 0), row(after, 0));
    EXPECT_NE(row(before, 1), row(after, 1));
    EXPECT_EQ(row(before, 2), row(after, 2));
    EXPECT_EQ(*conn->value("SELECT berths FROM ports WHERE fid = 2", &error), "99");
    auto back = Workspace::open(db.url(), &error);
    ASSERT_TRUE(back) << error;
    expect_same(*edited, *back);
}

TEST(PgStore, TwoWritersOfOneLayerConflictLikeTheGeoPackageStoreAndWritersOfDifferentLayersMerge) {
    TIDEMARK_REQUIRE_PG(db);
    init(db);
    test::ScratchDir dir;
    const std::string file = dir.file("ws.gpkg");
    std::string error;
    std::map<std::string, std::string> messages;
    for (const std::string& where : {file, db.url()}) {
        Workspace ws = sample();
        ASSERT_TRUE(ws.save(&error, where)) << error;
        auto a = Workspace::open(where, &error);
        auto b = Workspace::open(where, &error);
        ASSERT_TRUE(a && b) << error;
        a->find("ports")->features()[0].values[1] = std::int64_t{1};
        ASSERT_TRUE(a->save(&error)) << error;
        b->find("ports")->features()[0].values[1] = std::int64_t{2};
        EXPECT_FALSE(b->save(&error));
        messages[where == file ? "gpkg" : "pg"] = error.substr(error.find(": not saved: "));
        // A third writer changes another layer: it merges with a's save.
        auto c = Workspace::open(where, &error);
        ASSERT_TRUE(c) << error;
        auto d = Workspace::open(where, &error);
        ASSERT_TRUE(d) << error;
        c->find("notes")->features()[0].values[0] = std::string("from c");
        d->find("forces")->features()[0].values[0] = std::string("F9");
        ASSERT_TRUE(c->save(&error)) << error;
        ASSERT_TRUE(d->save(&error)) << error;
        auto now = Workspace::open(where, &error);
        ASSERT_TRUE(now) << error;
        EXPECT_EQ(to_string(now->find("ports")->features()[0].values[1]), "1");
        EXPECT_EQ(to_string(now->find("notes")->features()[0].values[0]), "from c");
        EXPECT_EQ(to_string(now->find("forces")->features()[0].values[0]), "F9");
    }
    EXPECT_EQ(messages["pg"], messages["gpkg"]);
    EXPECT_NE(messages["pg"].find("another save changed layer 'ports' since this workspace was opened"), std::string::npos)
        << messages["pg"];
}

TEST(PgStore, AUrlThatIsNotATeamWorkspaceSaysToRunInit) {
    TIDEMARK_REQUIRE_PG(db);
    std::string error;
    EXPECT_FALSE(Workspace::open(db.url(), &error));
    EXPECT_NE(error.find("not a Tidemark team workspace; create it with `tidemark team init URL`"), std::string::npos)
        << error;
}
