// `tidemark team ...` end to end against the throwaway server (skipped without one): a plan on
// the hand-worked coast of tests/layers/plan/plan_fixture.h pushed, pulled back and compared
// with the source file opened on its own; then agency B (KENT) through every path it has —
// the CLI's `plan task list` and `export`, and raw SQL as B's login — seeing only what was
// shared with it.
#include "layers/plan/plan_store.h"
#include "layers/team/pg_connection.h"
#include "layers/workspace.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"
#include "../layers/plan/plan_fixture.h"

#include <sstream>

using namespace tidemark;
using tidemark::test::kDay0;
using tidemark::test::run_tidemark;
using tidemark::test::ScratchDir;

namespace {

struct TeamCli : ::testing::Test {
    ScratchDir dir;
    std::string ws = dir.file("ws.gpkg");
    const std::string day0 = geo::format_iso8601(kDay0);
    const std::string day1 = geo::format_iso8601(kDay0 + 86400);

    void SetUp() override {
        layers::Workspace w = test::plan_fixture_workspace();
        std::string error;
        ASSERT_TRUE(w.save(&error, ws)) << error;
        auto r = run_tidemark({"plan", "new", ws, "--name", "P", "--from", day0, "--to", day1});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        // Task 1: Border Force on line 0's west half; task 2: F2 on the island; task 3: Border Force east.
        for (auto [agency, segments] : {std::pair{"BFMC", "0-4"}, std::pair{"F2", "10-14"}, std::pair{"BFMC", "5-9"}}) {
            auto add = run_tidemark({"plan", "task", "add", ws, "--plan", "P", "--agency", agency, "--segments", segments,
                                     "--from", geo::format_iso8601(kDay0 + 3600), "--to",
                                     geo::format_iso8601(kDay0 + 5 * 3600), "--notes", "tab\there, quote ' and \\"});
            ASSERT_EQ(add.exit_code, 0) << add.err;
        }
    }
};

void expect_same_layers(const layers::Workspace& a, const layers::Workspace& b) {
    ASSERT_EQ(a.layers.size(), b.layers.size());
    for (std::size_t i = 0; i < a.layers.size(); ++i) {
        const layers::Layer& x = a.layers[i];
        const layers::Layer& y = b.layers[i];
        SCOPED_TRACE(x.name);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.role, y.role);
        EXPECT_EQ(x.source, y.source);
        EXPECT_EQ(x.attribution, y.attribution);
        EXPECT_EQ(x.force_multi, y.force_multi);
        ASSERT_EQ(x.fields.size(), y.fields.size());
        for (std::size_t k = 0; k < x.fields.size(); ++k) {
            EXPECT_EQ(x.fields[k].name, y.fields[k].name);
            EXPECT_EQ(x.fields[k].type, y.fields[k].type);
        }
        ASSERT_EQ(x.features().size(), y.features().size());
        for (std::size_t k = 0; k < x.features().size(); ++k) {
            EXPECT_EQ(x.features()[k].fid, y.features()[k].fid);
            EXPECT_EQ(x.features()[k].values, y.features()[k].values) << "row " << k;
            EXPECT_EQ(x.features()[k].geometry.kind, y.features()[k].geometry.kind);
            EXPECT_EQ(x.features()[k].geometry.points, y.features()[k].geometry.points);
            EXPECT_EQ(x.features()[k].geometry.lines, y.features()[k].geometry.lines);
            ASSERT_EQ(x.features()[k].geometry.polygons.size(), y.features()[k].geometry.polygons.size());
            for (std::size_t p = 0; p < x.features()[k].geometry.polygons.size(); ++p) {
                EXPECT_EQ(x.features()[k].geometry.polygons[p].outer, y.features()[k].geometry.polygons[p].outer);
                EXPECT_EQ(x.features()[k].geometry.polygons[p].holes, y.features()[k].geometry.polygons[p].holes);
            }
        }
    }
}

// The ids in the first column of `plan task list` output (after its header line).
std::vector<std::string> listed_ids(const std::string& out) {
    std::vector<std::string> ids;
    std::istringstream in(out);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line))
        if (!line.empty()) ids.push_back(line.substr(0, line.find('\t')));
    return ids;
}

std::string sql(const std::string& url, const std::string& query) {
    std::string error;
    auto conn = layers::team::PgConnection::open(url, &error);
    EXPECT_TRUE(conn) << error;
    if (!conn) return "(no connection)";
    auto v = conn->value(query, &error);
    EXPECT_TRUE(v || error.empty()) << error;
    return v.value_or(error.empty() ? "(null)" : error);
}

// The server's refusal of `statement`, "" when it ran.
std::string sql_error(const std::string& url, const std::string& statement) {
    std::string error;
    auto conn = layers::team::PgConnection::open(url, &error);
    if (conn) conn->run(statement, &error);
    return error;
}

}  // namespace

TEST_F(TeamCli, PushThenPullGivesBackEveryLayerFieldStyleSettingAndPlanRow) {
    TIDEMARK_REQUIRE_PG(db);
    auto init = run_tidemark({"team", "init", db.url()});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    auto again = run_tidemark({"team", "init", db.url()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("nothing to do"), std::string::npos) << again.out;

    auto push = run_tidemark({"team", "push", ws, db.url()});
    ASSERT_EQ(push.exit_code, 0) << push.err;
    const std::string back = dir.file("back.gpkg");
    auto pull = run_tidemark({"team", "pull", db.url(), back});
    ASSERT_EQ(pull.exit_code, 0) << pull.err;

    std::string error;
    auto source = layers::Workspace::open(ws, &error);
    ASSERT_TRUE(source) << error;
    auto pulled = layers::Workspace::open(back, &error);
    ASSERT_TRUE(pulled) << error;
    expect_same_layers(*source, *pulled);
    EXPECT_EQ(source->settings, pulled->settings);
    EXPECT_TRUE(source->settings.contains("styles"));
    EXPECT_EQ(source->window_from, pulled->window_from);
    EXPECT_EQ(source->window_to, pulled->window_to);
    EXPECT_EQ(source->crs(), pulled->crs());

    geo::Problems p1, p2;
    const auto a = layers::plan::load_plan_book(*source, p1);
    const auto b = layers::plan::load_plan_book(*pulled, p2);
    EXPECT_TRUE(p1.empty() && p2.empty());
    ASSERT_EQ(a.tasks.size(), 3u);
    ASSERT_EQ(b.tasks.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(a.tasks[i].id, b.tasks[i].id);
        EXPECT_EQ(a.tasks[i].agency, b.tasks[i].agency);
        EXPECT_EQ(a.tasks[i].notes, b.tasks[i].notes);
        EXPECT_EQ(a.tasks[i].notes, "tab\there, quote ' and \\");
        EXPECT_EQ(a.tasks[i].from, b.tasks[i].from);
        EXPECT_EQ(a.tasks[i].version, b.tasks[i].version);
    }
    ASSERT_EQ(a.plans.size(), 1u);
    ASSERT_EQ(b.plans.size(), 1u);
    EXPECT_EQ(a.plans[0].lead, b.plans[0].lead);
    EXPECT_EQ(a.plans[0].support, b.plans[0].support);
    EXPECT_EQ(a.agencies.size(), b.agencies.size());

    // The same workspace is also usable directly by URL: the CLI lists the same tasks.
    auto direct = run_tidemark({"plan", "task", "list", db.url(), "--plan", "P"});
    auto local = run_tidemark({"plan", "task", "list", ws, "--plan", "P"});
    ASSERT_EQ(direct.exit_code, 0) << direct.err;
    EXPECT_EQ(direct.out, local.out);
}

TEST_F(TeamCli, AgencyBSeesOnlyRowsSharedWithItThroughTheCliAndRawSql) {
    TIDEMARK_REQUIRE_PG(db);
    ASSERT_EQ(run_tidemark({"team", "init", db.url()}).exit_code, 0);
    auto push = run_tidemark({"team", "push", ws, db.url(), "--owner", "BFMC"});
    ASSERT_EQ(push.exit_code, 0) << push.err;
    for (auto [code, name] : {std::pair{"BFMC", "Border Force"}, std::pair{"KENT", "Kent Police"}}) {
        auto r = run_tidemark({"team", "agency", "add", db.url(), code, name});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const std::string kent = db.login("kent"), kent_viewer = db.login("kentview"), bf = db.login("bf");
    for (auto [login, agency, role] : {std::tuple{kent, "KENT", "planner"}, std::tuple{kent_viewer, "KENT", "viewer"},
                                       std::tuple{bf, "BFMC", "planner"}}) {
        auto r = run_tidemark({"team", "user", "add", db.url(), login, "--agency", agency, "--role", role});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    // The plan itself is shared with everyone; of the tasks only task 1 with Kent.
    for (const char* layer : {"plans", "plan_responsibility", "plan_objectives"})
        ASSERT_EQ(run_tidemark({"team", "share", db.url(), layer, "--with", "all"}).exit_code, 0) << layer;
    auto share = run_tidemark({"team", "share", db.url(), "plan_tasks", "--with", "KENT", "--fid", "1"});
    ASSERT_EQ(share.exit_code, 0) << share.err;
    EXPECT_NE(share.out.find("1 row(s) of plan_tasks updated"), std::string::npos) << share.out;

    // CLI as Kent: one task listed, one exported.
    auto list = run_tidemark({"plan", "task", "list", db.url_as(kent), "--plan", "P"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(listed_ids(list.out), std::vector<std::string>{"1"}) << list.out;
    auto all = run_tidemark({"plan", "task", "list", db.url_as(bf), "--plan", "P"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    EXPECT_EQ(listed_ids(all.out), (std::vector<std::string>{"1", "2", "3"})) << all.out;
    const std::string exported = dir.file("kent.gpkg");
    auto ex = run_tidemark({"export", db.url_as(kent), "-l", "plan_tasks", "-f", "gpkg", "-o", exported});
    ASSERT_EQ(ex.exit_code, 0) << ex.err;
    layers::ReadOptions only_tasks;
    only_tasks.only_layer = "plan_tasks";  // the file also holds the QGIS styles table
    auto read = layers::read_vector(exported, only_tasks);
    ASSERT_TRUE(read.ok) << read.error;
    ASSERT_EQ(read.layers.size(), 1u);
    EXPECT_EQ(read.layers[0].features().size(), 1u);
    EXPECT_EQ(layers::to_string(read.layers[0].value(read.layers[0].features()[0], "task_id")), "1");

    // Raw SQL as Kent: no unshared row, count or extent.
    const std::string as_kent = db.url_as(kent);
    EXPECT_EQ(sql(as_kent, "SELECT count(*) FROM plan_tasks"), "1");
    EXPECT_EQ(sql(as_kent, "SELECT count(*) FROM plan_tasks WHERE fid <> 1"), "0");
    // Task 1 covers segments 0-4: x from 500000 to 505000 on y = 100000 (plan_fixture.h).
    EXPECT_EQ(sql(as_kent, "SELECT ST_XMin(e)::int || ' ' || ST_XMax(e)::int FROM (SELECT ST_Extent(geom) e FROM plan_tasks) s"),
              "500000 505000");
    EXPECT_EQ(sql(db.url(), "SELECT count(*) FROM plan_tasks"), "3");

    // Kent may work on the shared task; the row stays Border Force's.
    auto status = run_tidemark({"plan", "task", "status", as_kent, "--task", "1", "accepted"});
    ASSERT_EQ(status.exit_code, 0) << status.err;
    EXPECT_EQ(sql(db.url(), "SELECT status || ' ' || owner_agency || ' ' || array_to_string(shared_with, ',') FROM plan_tasks WHERE fid = 1"),
              "accepted BFMC KENT");
    EXPECT_EQ(sql(db.url(), "SELECT count(*) FROM plan_tasks"), "3");  // Kent's save deleted nothing it cannot see
    // The database recorded who changed what.
    EXPECT_EQ(sql(db.url(), "SELECT who || ' ' || action || ' ' || (old_row->>'status') || ' ' || (new_row->>'status') "
                            "FROM tidemark_history WHERE table_name = 'plan_tasks' AND fid = 1 ORDER BY id DESC LIMIT 1"),
              kent + " UPDATE proposed accepted");
    // ... but may not widen who sees it.
    auto widen = run_tidemark({"team", "share", as_kent, "plan_tasks", "--with", "all", "--fid", "1"});
    EXPECT_EQ(widen.exit_code, 1);
    EXPECT_NE(widen.err.find("only agency BFMC or an admin may change who owns or sees it"), std::string::npos) << widen.err;

    // Two people edit task 1 from the same version: the second is refused, naming the row and
    // who changed it first (rows are stamped with the login on a team workspace).
    auto first = run_tidemark({"plan", "task", "edit", db.url_as(bf), "--task", "1", "--version", "2", "--notes", "from BF"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    auto second = run_tidemark({"plan", "task", "edit", as_kent, "--task", "1", "--version", "2", "--notes", "from Kent"});
    EXPECT_EQ(second.exit_code, 1);
    EXPECT_NE(second.err.find("task 1 was changed by " + bf), std::string::npos) << second.err;
    EXPECT_NE(second.err.find("(now version 3, you edited version 2)"), std::string::npos) << second.err;
    EXPECT_EQ(sql(db.url(), "SELECT notes || ' v' || version FROM plan_tasks WHERE fid = 1"), "from BF v3");

    // A viewer changes nothing: the CLI says so, and the server refuses it to raw SQL too.
    auto viewer = run_tidemark({"plan", "task", "status", db.url_as(kent_viewer), "--task", "1", "done"});
    EXPECT_EQ(viewer.exit_code, 1);
    EXPECT_NE(viewer.err.find("are a viewer of agency KENT: viewers change nothing"), std::string::npos) << viewer.err;
    EXPECT_NE(sql_error(db.url_as(kent_viewer), "UPDATE plan_tasks SET status = 'done'").find("permission denied for table plan_tasks"),
              std::string::npos);
    EXPECT_EQ(sql(db.url(), "SELECT status FROM plan_tasks WHERE fid = 1"), "accepted");
}

TEST_F(TeamCli, AUrlWithAPasswordIsRefusedWithoutPrintingIt) {
    auto r = run_tidemark({"team", "init", "postgresql://planner:hunter2@127.0.0.1:1/tidemark"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err.find("hunter2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("put it in ~/.pgpass"), std::string::npos) << r.err;
}
