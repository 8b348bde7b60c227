// AppState's plan commands without a display, on the hand-worked plan fixture
// (tests/layers/plan/plan_fixture.h): a 10 km open coast (segments 0-9, F1 holds 0-4, F2 5-9)
// and a 16 km square island ring (segments 10-25, F2), a Border Force cutter and an F1 launch.
#include "app/gui/app_state.h"
#include "app/gui/map/feature_colours.h"
#include "layers/plan/plan_findings.h"
#include "layers/plan/plan_store.h"
#include "layers/style/style_classes.h"
#include "layers/plan/plan_fixture.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

namespace plan = layers::plan;
using test::kDay0;
using test::ScratchDir;

struct PlanApp {
    ScratchDir dir;
    AppState app;
    PlanApp() {
        layers::Workspace ws = test::plan_fixture_workspace();
        std::string error;
        EXPECT_TRUE(ws.save(&error, dir.file("plan.gpkg"))) << error;
        app.view.rect = {0, 0, 1000, 800};
        EXPECT_TRUE(app.open(dir.file("plan.gpkg"), &error)) << error;
    }
    plan::EditError new_plan(const std::string& name = "Week 10") {
        plan::NewPlan np;
        np.name = name;
        np.from = kDay0;
        np.to = kDay0 + 7 * 86400;
        const plan::EditContext ctx = app.plan_context(np.segment_m);
        const plan::EditError e = app.apply_plan_edit("New plan", [&](plan::PlanBook& b) { return plan::new_plan(b, ctx, np); });
        if (e.empty()) app.set_current_plan(name);
        return e;
    }
    plan::Task task(const std::string& agency, plan::Stretch s) const {
        plan::Task t;
        t.plan = "Week 10";
        t.agency = agency;
        t.stretch = s;
        t.from = kDay0 + 8 * 3600;
        t.to = kDay0 + 20 * 3600;
        return t;
    }
    plan::EditError add(plan::Task t, std::int64_t* id = nullptr) {
        const plan::EditContext ctx = app.plan_context(1000);
        const plan::EditError e = app.apply_plan_edit("Add task", [&](plan::PlanBook& b) { return plan::add_task(b, ctx, t); });
        if (id) *id = t.id;
        return e;
    }
    const layers::Layer& layer(const char* name) const { return *app.workspace->find(name); }
};

TEST(GuiPlanState, NewPlanWritesThePlanTablesAndMarksTheWorkspaceUnsaved) {
    PlanApp o;
    EXPECT_FALSE(o.app.dirty());
    const std::uint64_t before = o.app.revision(plan::kResponsibilityLayer);
    ASSERT_EQ(o.new_plan(), "");
    EXPECT_TRUE(o.app.dirty());
    EXPECT_NE(o.app.revision(plan::kResponsibilityLayer), before);  // the map redraws it
    EXPECT_EQ(o.app.plan.current, "Week 10");
    ASSERT_NE(o.app.workspace->find(plan::kPlansLayer), nullptr);
    EXPECT_EQ(o.layer(plan::kPlansLayer).features().size(), 1u);
    // F1 leads 0-4, F2 leads 5-9 and, on the other line, the island 10-25: three runs.
    const layers::Layer& resp = o.layer(plan::kResponsibilityLayer);
    ASSERT_EQ(resp.features().size(), 3u);
    EXPECT_EQ(layers::to_string(resp.value(resp.features()[0], "lead_agency")), "F1");
    EXPECT_EQ(layers::to_string(resp.value(resp.features()[0], "lead_agency_label")), "West Force");
    EXPECT_NEAR(layers::to_number(resp.value(resp.features()[0], "length_m")).value_or(0), 5000, 0.5);
    EXPECT_NEAR(layers::to_number(resp.value(resp.features()[2], "length_m")).value_or(0), 16000, 0.5);
}

TEST(GuiPlanState, RefusedEditSaysWhyAndChangesNothing) {
    PlanApp o;
    ASSERT_EQ(o.new_plan(), "");
    const std::uint64_t tasks_rev = o.app.revision(plan::kTasksLayer), edits = o.app.plan.editor.revision();
    const plan::EditError e = o.add(o.task("NOPE", {2, 4}));
    EXPECT_NE(e.find("'NOPE' is not a known agency"), std::string::npos) << e;
    EXPECT_TRUE(o.app.plan.book().tasks.empty());
    EXPECT_EQ(o.app.revision(plan::kTasksLayer), tasks_rev);
    EXPECT_EQ(o.app.plan.editor.revision(), edits);
    // A stretch across the two coastline lines is refused by name too.
    const plan::EditError across = o.add(o.task("F2", {8, 12}));
    EXPECT_NE(across.find("crosses from coastline line 0 to line 1"), std::string::npos) << across;
}

TEST(GuiPlanState, UndoAndRedoRewriteTheTaskTable) {
    PlanApp o;
    ASSERT_EQ(o.new_plan(), "");
    std::int64_t id = 0;
    ASSERT_EQ(o.add(o.task("BFMC", {2, 7}), &id), "");
    EXPECT_EQ(id, 1);
    ASSERT_EQ(o.layer(plan::kTasksLayer).features().size(), 1u);
    EXPECT_EQ(o.app.plan.editor.undo_label(), "Add task");
    ASSERT_TRUE(o.app.undo());
    EXPECT_TRUE(o.app.plan.book().tasks.empty());
    EXPECT_TRUE(o.layer(plan::kTasksLayer).features().empty());
    ASSERT_TRUE(o.app.redo());
    ASSERT_EQ(o.layer(plan::kTasksLayer).features().size(), 1u);
    EXPECT_NEAR(layers::to_number(o.layer(plan::kTasksLayer).value(o.layer(plan::kTasksLayer).features()[0], "length_m")).value_or(0),
                6000, 0.5);  // segments 2-7: 6 km
    // Undoing the new plan too leaves no current plan rather than a dangling name.
    ASSERT_TRUE(o.app.undo());
    ASSERT_TRUE(o.app.undo());
    EXPECT_EQ(o.app.plan.plan(), nullptr);
    EXPECT_FALSE(o.app.undo());  // nothing left
}

TEST(GuiPlanState, EditWithTheVersionItLoadedIsAppliedAStaleOneRefused) {
    PlanApp o;
    ASSERT_EQ(o.new_plan(), "");
    std::int64_t id = 0;
    ASSERT_EQ(o.add(o.task("F1", {0, 4}), &id), "");
    plan::Task loaded = *o.app.plan.book().find_task(id);  // what a form loaded: version 1
    plan::Task edited = loaded;
    edited.status = plan::TaskStatus::Accepted;
    const plan::EditContext ctx = o.app.plan_context(1000);
    ASSERT_EQ(o.app.apply_plan_edit("Edit", [&](plan::PlanBook& b) { return plan::edit_task(b, ctx, edited, loaded.version); }), "");
    EXPECT_EQ(o.app.plan.book().find_task(id)->version, 2);
    // A second form still holding version 1 is refused, naming the versions; its text is not applied.
    plan::Task stale = loaded;
    stale.notes = "typed in another window";
    const plan::EditError e =
        o.app.apply_plan_edit("Edit", [&](plan::PlanBook& b) { return plan::edit_task(b, ctx, stale, loaded.version); });
    EXPECT_NE(e.find("now version 2, you edited version 1"), std::string::npos) << e;
    EXPECT_EQ(o.app.plan.book().find_task(id)->notes, "");
    EXPECT_EQ(o.app.plan.book().find_task(id)->status, plan::TaskStatus::Accepted);
}

TEST(GuiPlanState, SavedPlanIsThereAfterReopening) {
    PlanApp o;
    ASSERT_EQ(o.new_plan(), "");
    ASSERT_EQ(o.add(o.task("F2", {12, 14})), "");
    std::string error;
    ASSERT_TRUE(o.app.save(&error)) << error;
    AppState reopened;
    ASSERT_TRUE(reopened.open(o.dir.file("plan.gpkg"), &error)) << error;
    EXPECT_EQ(reopened.plan.current, "Week 10");
    ASSERT_EQ(reopened.plan.book().tasks.size(), 1u);
    EXPECT_EQ(reopened.plan.book().tasks[0].agency, "F2");
    EXPECT_EQ(reopened.plan.book().tasks[0].stretch.from, 12u);
    EXPECT_FALSE(reopened.plan.editor.undo_label().size());  // a fresh session has nothing to undo
}

TEST(GuiPlanState, ClickThenShiftClickSelectsTheRunOnOneLine) {
    PlanApp o;
    EXPECT_FALSE(o.app.pick_segment({502500, 100000}, 100, false));  // no plan yet: nothing to pick on
    ASSERT_EQ(o.new_plan(), "");
    ASSERT_TRUE(o.app.pick_segment({502500, 100040}, 100, false));  // 40 m off segment 2
    EXPECT_EQ(o.app.plan.selection->from, 2u);
    EXPECT_EQ(o.app.plan.selection->to, 2u);
    ASSERT_TRUE(o.app.pick_segment({507500, 99950}, 100, true));  // segment 7
    EXPECT_EQ(o.app.plan.selection->from, 2u);
    EXPECT_EQ(o.app.plan.selection->to, 7u);
    // Shift-click back before the anchor: the run is ordered along the line.
    ASSERT_TRUE(o.app.pick_segment({500500, 100000}, 100, true));
    EXPECT_EQ(o.app.plan.selection->from, 0u);
    EXPECT_EQ(o.app.plan.selection->to, 2u);
    // Shift-click on the island (another line) starts again there, saying why.
    ASSERT_TRUE(o.app.pick_segment({521500, 100000}, 100, true));  // island segment 11
    EXPECT_EQ(o.app.plan.selection->from, 11u);
    EXPECT_EQ(o.app.plan.selection->to, 11u);
    EXPECT_NE(o.app.status.find("another coastline line"), std::string::npos) << o.app.status;
    // On the ring the shorter way round: 25 (west side, last) to 11 through 10 is 3 segments, not 15.
    ASSERT_TRUE(o.app.pick_segment({520000, 100500}, 100, true));
    EXPECT_EQ(o.app.plan.selection->from, 25u);
    EXPECT_EQ(o.app.plan.selection->to, 11u);
    // Far from the coast: nothing picked, a plain click clears the selection.
    EXPECT_FALSE(o.app.pick_segment({515000, 120000}, 100, false));
    EXPECT_FALSE(o.app.plan.selection.has_value());
}

TEST(GuiPlanState, BoxPicksTheLongestRunWhoseMiddlesAreInside) {
    PlanApp o;
    ASSERT_EQ(o.new_plan(), "");
    // Midpoints of the open line are at x = 500500 + 1000 i on y = 100000: the box holds 1-4.
    ASSERT_TRUE(o.app.pick_box({501200, 99000, 504800, 101000}));
    EXPECT_EQ(o.app.plan.selection->from, 1u);
    EXPECT_EQ(o.app.plan.selection->to, 4u);
    EXPECT_NE(o.app.status.find("4.0 km"), std::string::npos) << o.app.status;
    // Round the island's south-west corner: 24, 25 (west side) and 10, 11 (south side), one run
    // across the ring's start.
    ASSERT_TRUE(o.app.pick_box({519000, 99000, 521700, 101700}));
    EXPECT_EQ(o.app.plan.selection->from, 24u);
    EXPECT_EQ(o.app.plan.selection->to, 11u);
    // Across the channel: 7-9 on the line (3 km) and 25, 10 on the island (2 km); the longer wins.
    ASSERT_TRUE(o.app.pick_box({507000, 99000, 520800, 100600}));
    EXPECT_EQ(o.app.plan.selection->from, 7u);
    EXPECT_EQ(o.app.plan.selection->to, 9u);
    EXPECT_NE(o.app.status.find("longest of the 2 runs"), std::string::npos) << o.app.status;
    // Open sea: nothing, and the selection kept.
    EXPECT_FALSE(o.app.pick_box({512000, 110000, 514000, 112000}));
    EXPECT_EQ(o.app.plan.selection->from, 7u);
}

TEST(GuiPlanState, LeadAgencyModeDrawsEachRunInItsAgencysColour) {
    PlanApp o;
    ASSERT_EQ(o.new_plan(), "");
    o.app.set_coast_mode(CoastMode::LeadAgency);
    EXPECT_EQ(o.app.coast_mode(), CoastMode::LeadAgency);
    const layers::Layer& resp = o.layer(plan::kResponsibilityLayer);
    const layers::Style style = o.app.style(resp);
    EXPECT_TRUE(style.visible);
    EXPECT_EQ(style.colour_by, "lead_agency");
    const FeatureColours c = feature_colours(resp, style);
    const auto f1 = layers::parse_hex_rgb(o.app.plan.book().find_agency("F1")->colour);
    const auto f2 = layers::parse_hex_rgb(o.app.plan.book().find_agency("F2")->colour);
    ASSERT_TRUE(f1 && f2);
    EXPECT_FLOAT_EQ(c.colour[0].r, f1->r);
    EXPECT_FLOAT_EQ(c.colour[0].g, f1->g);
    EXPECT_FLOAT_EQ(c.colour[1].b, f2->b);
    EXPECT_FLOAT_EQ(c.colour[2].r, f2->r);  // the island, also F2
    // The legend names the agencies, alphabetically, once each.
    ASSERT_EQ(c.legend.size(), 2u);
    EXPECT_EQ(c.legend[0].label, "East Force");
    EXPECT_EQ(c.legend[1].label, "West Force");
    o.app.set_coast_mode(CoastMode::Coverage);
    EXPECT_FALSE(o.app.style(resp).visible);
}

TEST(GuiPlanState, CheckFindingsReplaceTheirEarlierCopiesInProblems) {
    PlanApp o;
    ASSERT_EQ(o.new_plan(), "");
    // The launch (endurance 10 h) for 12 h: beyond endurance, an error of the plan.
    plan::Task t = o.task("F1", {0, 4});
    t.asset = "West launch";
    ASSERT_EQ(o.add(t), "");
    std::string error;
    ASSERT_TRUE(o.app.check_current_plan(&error)) << error;
    ASSERT_TRUE(o.app.plan.check.has_value());
    EXPECT_GT(o.app.plan.check->errors, 0);
    EXPECT_NEAR(o.app.plan.check->coast_m, 26000, 0.5);
    EXPECT_NEAR(o.app.plan.check->lead_m, 26000, 0.5);  // every segment has a lead
    auto count = [&] {
        return std::count_if(o.app.problems.begin(), o.app.problems.end(),
                             [](const geo::Problem& p) { return p.layer == "plan Week 10"; });
    };
    const auto first = count();
    EXPECT_EQ(first, static_cast<long>(o.app.plan.check->problems.size()));
    bool endurance = false;
    for (const auto& p : o.app.plan.check->problems) endurance |= p.reason.find("endurance") != std::string::npos;
    EXPECT_TRUE(endurance);
    ASSERT_TRUE(o.app.check_current_plan(&error)) << error;
    EXPECT_EQ(count(), first);
    // The findings are on the map too: layer plan_findings, drawn, the endurance one along the
    // task's 5 km (segments 0-4).
    const layers::Layer& findings = o.layer(plan::kFindingsLayer);
    EXPECT_TRUE(o.app.style(findings).visible);
    ASSERT_GT(findings.features().size(), 0u);
    ASSERT_LE(findings.features().size(), o.app.plan.check->problems.size());
    for (const layers::Feature& f : findings.features())
        if (layers::to_string(findings.value(f, "finding")).find("endurance") != std::string::npos) {
            EXPECT_DOUBLE_EQ(*layers::to_number(findings.value(f, "length_m")), 5000);
            EXPECT_DOUBLE_EQ(f.geometry.bounds().min_x, 500000);
            EXPECT_DOUBLE_EQ(f.geometry.bounds().max_x, 505000);
        }
}

TEST(GuiPlanState, ForecastRunsOffTheUiThreadAndLandsAsForecastLayers) {
    PlanApp o;
    ASSERT_EQ(o.new_plan(), "");
    // The cutter sails along the open coast 2 km off shore, 08:00 onwards.
    plan::Task t = o.task("BFMC", {0, 9});
    t.asset = "HMC Test";
    t.route = {{{500000, 98000}, 0}, {{510000, 98000}, 0}};
    ASSERT_EQ(o.add(t), "");
    std::string error;
    ASSERT_TRUE(o.app.start_forecast(&error)) << error;
    EXPECT_FALSE(o.app.start_forecast(&error));  // one at a time
    EXPECT_NE(error.find("still running"), std::string::npos) << error;
    o.app.forecast.wait();
    o.app.poll_background();
    EXPECT_EQ(o.app.forecast_error, "");
    ASSERT_TRUE(o.app.plan.forecast.has_value()) << o.app.status;
    EXPECT_EQ(o.app.plan.forecast->routed, std::vector<std::int64_t>{1});
    ASSERT_NE(o.app.workspace->find(plan::kForecastSegmentsLayer), nullptr);
    EXPECT_EQ(o.layer(plan::kForecastSegmentsLayer).features().size(), 26u);
    EXPECT_EQ(o.app.coast_mode(), CoastMode::Forecast);
    EXPECT_TRUE(o.app.dirty());
}

}  // namespace
}  // namespace tidemark::gui

namespace tidemark::gui {
namespace {

TEST(GuiPlanState, ReconcileRunsOffTheUiThreadAndEarnedStatusesAreOneUndoableEdit) {
    test::ReconcileScenario sc;
    plan::store_plan_book(sc.ws, sc.book);
    ScratchDir dir;
    std::string error;
    ASSERT_TRUE(sc.ws.save(&error, dir.file("actual.gpkg"))) << error;
    AppState app;
    app.view.rect = {0, 0, 1000, 800};
    ASSERT_TRUE(app.open(dir.file("actual.gpkg"), &error)) << error;
    ASSERT_EQ(app.plan.current, "P");
    ASSERT_TRUE(app.start_reconcile(&error)) << error;
    app.reconcile.wait();
    app.poll_background();
    ASSERT_TRUE(app.plan.reconciliation.has_value()) << app.status << app.reconcile_error;
    // The hand-worked outcomes (plan_fixture.h): done, 70 % partly done, no tracks.
    const plan::TaskOutcome* followed = app.plan.outcome_of(1);
    const plan::TaskOutcome* turned = app.plan.outcome_of(2);
    const plan::TaskOutcome* unsailed = app.plan.outcome_of(3);
    ASSERT_TRUE(followed && turned && unsailed);
    EXPECT_DOUBLE_EQ(followed->own_fraction, 1.0);
    EXPECT_NEAR(turned->own_fraction, 0.7, 1e-9);
    EXPECT_EQ(unsailed->note, "no tracks for HMC Test in the window");
    EXPECT_NE(app.status.find("1 of 2 judged task(s) done"), std::string::npos) << app.status;
    // Stored for exports, hidden on the map until asked for.
    const layers::Layer* layer = app.workspace->find(plan::kReconciliationLayer);
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->features().size(), 3u);
    EXPECT_FALSE(app.style(*layer).visible);
    // The actual track of task 2 in its window is what the map draws beside the plan.
    EXPECT_FALSE(app.timeline.fixes_between("West launch", kDay0 + 6 * 3600, kDay0 + 8 * 3600).empty());
    EXPECT_TRUE(app.timeline.fixes_between("HMC Test", kDay0 + 10 * 3600, kDay0 + 12 * 3600).empty());

    ASSERT_EQ(app.apply_earned_statuses(), "");
    EXPECT_EQ(app.plan.book().find_task(1)->status, plan::TaskStatus::Done);
    EXPECT_EQ(app.plan.book().find_task(2)->status, plan::TaskStatus::PartlyDone);
    EXPECT_EQ(app.plan.book().find_task(3)->status, plan::TaskStatus::Accepted);  // not judged: left alone
    EXPECT_NE(app.apply_earned_statuses(), "");  // nothing left to take: says so, changes nothing
    ASSERT_TRUE(app.undo());
    EXPECT_EQ(app.plan.book().find_task(1)->status, plan::TaskStatus::Accepted);
    EXPECT_EQ(app.plan.book().find_task(2)->status, plan::TaskStatus::Accepted);
}

}  // namespace
}  // namespace tidemark::gui
