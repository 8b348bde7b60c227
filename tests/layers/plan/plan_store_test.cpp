#include "layers/plan/plan_store.h"
#include "layers/plan/plan_edit.h"
#include "plan_fixture.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::layers::plan;
using tidemark::test::kDay0;

TEST(PlanStore, EveryPlanRowSurvivesSaveAndOpen) {
    test::ScratchDir dir;
    layers::Workspace ws = test::plan_fixture_workspace();
    const auto fleet = layers::load_fleet(ws);
    geo::Problems problems;
    const PlanCoast coast = plan_coast(ws, 1000, problems);
    PlanBook book;
    EditContext ctx{&coast, &fleet, "planner", kDay0 - 60};
    ASSERT_EQ(new_plan(book, ctx, {"Week 10", kDay0, kDay0 + 7 * 86400, 1000, 24 * 3600}), "");
    ASSERT_EQ(add_agency(book, {"HMCG", "HM Coastguard", AgencyKind::Coastguard, "#123456", 1}), "");
    Assignment a;
    a.stretches = {{12, 14}};
    a.lead = std::string(kBorderForceCode);
    a.add_support = {"HMCG"};
    ASSERT_EQ(assign(book, ctx, "Week 10", a), "");
    ASSERT_EQ(set_objective(book, ctx, "Week 10", {{24, 11}, 6 * 3600, "slipway", ""}), "");
    Task t;
    t.plan = "Week 10";
    t.agency = "Border Force";  // found by name prefix: Border Force Maritime Command
    t.asset = "hmc test";       // the register's spelling is stored
    t.kind = TaskKind::Surveillance;
    t.stretch = {24, 11};
    t.from = kDay0 + 3600;
    t.to = kDay0 + 7200;
    t.route = {{{500000, 99000}, 15}, {{509000, 99000}, 0}};
    t.route_speed_kn = 12.5;
    t.notes = "dawn; tide at 05:40";
    t.reports = {"K-001", "K-007"};
    ASSERT_EQ(add_task(book, ctx, t), "");
    EXPECT_EQ(book.tasks[0].agency, kBorderForceCode);
    EXPECT_EQ(book.tasks[0].asset, "HMC Test");

    store_plan_book(ws, book);
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;
    auto reopened = layers::Workspace::open(dir.file("ws.gpkg"), &error);
    ASSERT_TRUE(reopened) << error;
    geo::Problems load_problems;
    const PlanBook back = load_plan_book(*reopened, load_problems);
    EXPECT_TRUE(load_problems.empty());

    ASSERT_EQ(back.agencies.size(), book.agencies.size());
    for (std::size_t i = 0; i < book.agencies.size(); ++i) {
        EXPECT_EQ(back.agencies[i].code, book.agencies[i].code);
        EXPECT_EQ(back.agencies[i].name, book.agencies[i].name);
        EXPECT_EQ(back.agencies[i].kind, book.agencies[i].kind);
        EXPECT_EQ(back.agencies[i].colour, book.agencies[i].colour);
    }
    ASSERT_EQ(back.plans.size(), 1u);
    const Plan& p = back.plans[0];
    EXPECT_EQ(p.lead, book.plans[0].lead);
    EXPECT_EQ(p.support, book.plans[0].support);
    EXPECT_EQ(p.lead[13], kBorderForceCode);
    EXPECT_EQ(p.support[13], (std::vector<std::string>{kBorderForceCode, "HMCG"}));
    EXPECT_DOUBLE_EQ(p.from, kDay0);
    EXPECT_DOUBLE_EQ(p.revisit_s, 86400);
    EXPECT_EQ(p.version, 3);  // created, assigned, objective
    ASSERT_EQ(p.objectives.size(), 1u);
    EXPECT_EQ(p.objectives[0].stretch.from, 24u);
    EXPECT_EQ(p.objectives[0].stretch.to, 11u);
    EXPECT_DOUBLE_EQ(p.objectives[0].revisit_s, 6 * 3600);
    ASSERT_EQ(back.tasks.size(), 1u);
    const Task& bt = back.tasks[0];
    EXPECT_EQ(bt.kind, TaskKind::Surveillance);
    EXPECT_EQ(bt.notes, t.notes);
    EXPECT_EQ(bt.reports, t.reports);
    ASSERT_EQ(bt.route.size(), 2u);
    EXPECT_DOUBLE_EQ(bt.route[0].loiter_min, 15);
    EXPECT_DOUBLE_EQ(bt.route[1].p.x, 509000);
    EXPECT_DOUBLE_EQ(bt.route_speed_kn, 12.5);
    EXPECT_EQ(bt.created_by, "planner");

    // The stored responsibility lines add up to the coast, to the metre.
    const layers::Layer* resp = reopened->find(kResponsibilityLayer);
    ASSERT_TRUE(resp);
    double total = 0;
    for (const auto& f : resp->features()) total += *layers::to_number(resp->value(f, "length_m"));
    EXPECT_NEAR(total, 26000, 1e-6);
    // The task's stretch wraps the island ring: 4 segments, 4 km.
    const layers::Layer* tasks = reopened->find(kTasksLayer);
    ASSERT_TRUE(tasks);
    EXPECT_NEAR(*layers::to_number(tasks->value(tasks->features()[0], "length_m")), 4000, 1e-6);
}

TEST(PlanStore, DamagedRowsAreNamedAndLeftOut) {
    layers::Workspace ws = test::plan_fixture_workspace();
    const auto fleet = layers::load_fleet(ws);
    geo::Problems problems;
    const PlanCoast coast = plan_coast(ws, 1000, problems);
    PlanBook book;
    EditContext ctx{&coast, &fleet, "planner", kDay0};
    ASSERT_EQ(new_plan(book, ctx, {"P", kDay0, kDay0 + 86400, 1000, 86400}), "");
    Task t;
    t.plan = "P";
    t.agency = "F1";
    t.stretch = {0, 1};
    t.from = kDay0;
    t.to = kDay0 + 3600;
    ASSERT_EQ(add_task(book, ctx, t), "");
    ASSERT_EQ(add_task(book, ctx, t), "");
    store_plan_book(ws, book);
    layers::Layer* tasks = ws.find(kTasksLayer);
    tasks->features()[1].values[tasks->field_index("window_from")] = std::string("yesterday-ish");
    geo::Problems load_problems;
    const PlanBook back = load_plan_book(ws, load_problems);
    EXPECT_EQ(back.tasks.size(), 1u);
    ASSERT_EQ(load_problems.size(), 1u);
    EXPECT_EQ(load_problems[0].layer, kTasksLayer);
    EXPECT_EQ(load_problems[0].feature, "2");
    EXPECT_NE(load_problems[0].reason.find("window_from 'yesterday-ish' is not an ISO 8601 time"), std::string::npos);
}
