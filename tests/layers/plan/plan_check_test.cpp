#include "layers/plan/plan_check.h"
#include "layers/plan/plan_edit.h"
#include "layers/plan/plan_findings.h"
#include "plan_fixture.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::layers::plan;
using tidemark::test::kDay0;

namespace {

struct PlanFixture : ::testing::Test {
    layers::Workspace ws = test::plan_fixture_workspace();
    std::vector<layers::Vessel> fleet = layers::load_fleet(ws);
    geo::Problems problems;
    PlanCoast coast = plan_coast(ws, 1000, problems);
    PlanBook book;
    EditContext ctx{&coast, &fleet, "tester", kDay0 - 3600};

    void SetUp() override {
        NewPlan np;
        np.name = "Week 10";
        np.from = kDay0;
        np.to = kDay0 + 2 * 86400;
        ASSERT_EQ(new_plan(book, ctx, np), "");
    }
    Task task(const std::string& agency, const std::string& asset, Stretch s, double from_h, double to_h) {
        Task t;
        t.plan = "Week 10";
        t.agency = agency;
        t.asset = asset;
        t.stretch = s;
        t.from = kDay0 + from_h * 3600;
        t.to = kDay0 + to_h * 3600;
        return t;
    }
    PlanCheck check() const { return check_plan(book, book.plans[0], coast, fleet, LastGaps{}, "ws.gpkg"); }
    static int count(const PlanCheck& c, const std::string& text) {
        int n = 0;
        for (const auto& p : c.problems) n += p.reason.find(text) != std::string::npos;
        return n;
    }
};

}  // namespace

TEST_F(PlanFixture, CoastCutAsWorkedOut) {
    ASSERT_EQ(coast.segments.size(), 26u);
    EXPECT_DOUBLE_EQ(coast.length_m(), 26000);
    EXPECT_EQ(coast.force_code(4), "F1");
    EXPECT_EQ(coast.force_code(5), "F2");
    EXPECT_EQ(coast.force_code(17), "F2");
}

TEST_F(PlanFixture, DefaultLeadsOwnTheWholeCoastToTheMetre) {
    const Plan& p = book.plans[0];
    EXPECT_EQ(p.lead[0], "F1");
    EXPECT_EQ(p.lead[4], "F1");
    EXPECT_EQ(p.lead[5], "F2");
    EXPECT_EQ(p.lead[25], "F2");
    EXPECT_EQ(p.support[13], std::vector<std::string>{kBorderForceCode});
    const PlanCheck c = check();
    EXPECT_DOUBLE_EQ(c.coast_m, 26000);
    EXPECT_DOUBLE_EQ(c.lead_m, 26000);
    EXPECT_EQ(count(c, "no lead agency"), 0);
}

TEST_F(PlanFixture, ClearedLeadIsNamedWithItsLength) {
    Assignment a;
    a.stretches = {{2, 3}};
    a.lead = "";
    ASSERT_EQ(assign(book, ctx, "Week 10", a), "");
    const PlanCheck c = check();
    EXPECT_DOUBLE_EQ(c.lead_m, 24000);
    ASSERT_EQ(count(c, "no lead agency for 2.0 km"), 1);
    for (const auto& p : c.problems) {
        if (p.reason.find("no lead agency for") != std::string::npos) {
            EXPECT_EQ(p.feature, "segments 2-3 (West Force)");
        }
    }
    EXPECT_EQ(count(c, "lead agencies own 24.0 km of 26.0 km of coast: 2.0 km has no lead"), 1);
}

TEST_F(PlanFixture, StretchesFollowOneLineAndWrapOnRings) {
    std::string error;
    EXPECT_TRUE(coast.segments_of({8, 11}, &error).empty());
    EXPECT_NE(error.find("crosses from coastline line 0 to line 1"), std::string::npos) << error;
    EXPECT_TRUE(coast.segments_of({5, 2}, &error).empty());
    EXPECT_NE(error.find("backwards"), std::string::npos);
    EXPECT_TRUE(coast.segments_of({3, 26}, &error).empty());
    EXPECT_EQ(coast.segments_of({24, 11}, &error), (std::vector<std::uint32_t>{24, 25, 10, 11}));
    EXPECT_DOUBLE_EQ(coast.length_of({24, 11}), 4000);
    // Runs of selected segments: one per line, the ring's through its start as one wrapping run.
    std::vector<bool> picked(coast.segments.size(), false);
    for (std::uint32_t i : {2u, 3u, 9u, 10u, 11u, 15u, 24u, 25u}) picked[i] = true;
    const std::vector<Stretch> runs = coast.runs(picked);
    ASSERT_EQ(runs.size(), 4u);
    EXPECT_EQ(runs[0].from, 2u);
    EXPECT_EQ(runs[0].to, 3u);
    EXPECT_EQ(runs[1].from, 9u);  // 9 and 10 are consecutive ids on two lines: two runs
    EXPECT_EQ(runs[1].to, 9u);
    EXPECT_EQ(runs[2].from, 15u);
    EXPECT_EQ(runs[3].from, 24u);
    EXPECT_EQ(runs[3].to, 11u);
    picked.assign(coast.segments.size(), false);
    for (std::uint32_t i = 10; i <= 25; ++i) picked[i] = true;
    ASSERT_EQ(coast.runs(picked).size(), 1u);  // the whole ring: one run, not wrapped
    EXPECT_EQ(coast.runs(picked)[0].from, 10u);
    EXPECT_EQ(coast.runs(picked)[0].to, 25u);
    Task t = task("F2", "", {8, 11}, 0, 4);
    EXPECT_NE(add_task(book, ctx, t).find("crosses"), std::string::npos);
    EXPECT_TRUE(book.tasks.empty());
}

TEST_F(PlanFixture, BadTaskInputIsRefusedAndNothingChanges) {
    Task reversed = task("F1", "", {0, 1}, 5, 4);
    EXPECT_NE(add_task(book, ctx, reversed).find("reversed"), std::string::npos);
    Task outside = task("F1", "", {0, 1}, 40, 60);
    EXPECT_NE(add_task(book, ctx, outside).find("outside plan"), std::string::npos);
    Task unknown = task("NOPE", "", {0, 1}, 1, 2);
    EXPECT_NE(add_task(book, ctx, unknown).find("'NOPE' is not a known agency"), std::string::npos);
    Task no_vessel = task("F1", "Ghost", {0, 1}, 1, 2);
    EXPECT_NE(add_task(book, ctx, no_vessel).find("asset 'Ghost' is not in the fleet register"), std::string::npos);
    EXPECT_TRUE(book.tasks.empty());
}

TEST_F(PlanFixture, DoubleBookedCutterIsFlagged) {
    Task a = task(kBorderForceCode, "HMC Test", {0, 9}, 0, 12);
    Task b = task(kBorderForceCode, "HMC Test", {10, 25}, 10, 20);
    Task c = task(kBorderForceCode, "HMC Test", {10, 25}, 20, 30);  // touches b: not overlapping
    ASSERT_EQ(add_task(book, ctx, a), "");
    ASSERT_EQ(add_task(book, ctx, b), "");
    ASSERT_EQ(add_task(book, ctx, c), "");
    const PlanCheck check_result = check();
    ASSERT_EQ(count(check_result, "double-booked"), 1);
    EXPECT_EQ(count(check_result, "overlap from 2026-03-02T10:00:00Z to 2026-03-02T12:00:00Z"), 1);
}

TEST_F(PlanFixture, EnduranceAndAvailabilityAreChecked) {
    Task long_sortie = task("F1", "West launch", {0, 4}, 0, 12);  // 12 h > 10 h endurance
    Task refit = task("F1", "West launch", {0, 4}, 30, 32);       // day 2: unavailable
    ASSERT_EQ(add_task(book, ctx, long_sortie), "");
    ASSERT_EQ(add_task(book, ctx, refit), "");
    const PlanCheck c = check();
    EXPECT_EQ(count(c, "window of 12 h is beyond West launch's endurance of 10 h"), 1);
    EXPECT_EQ(count(c, "West launch is unavailable 2026-03-03T00:00:00Z to 2026-03-04T00:00:00Z"), 1);
    EXPECT_EQ(c.errors, 2);
}

TEST_F(PlanFixture, ImpossibleRouteSpeedIsFlagged) {
    Task t = task("F1", "West launch", {0, 4}, 0, 4);
    t.route = {{{500000, 99000}, 0}, {{505000, 99000}, 0}};
    t.route_speed_kn = 45;  // above the launch's 30 kn
    ASSERT_EQ(add_task(book, ctx, t), "");
    const PlanCheck c = check();
    int speed = 0;
    for (const auto& p : c.problems) speed += p.feature == "task 1" && p.reason.find("45") != std::string::npos;
    EXPECT_EQ(speed, 1);
}

TEST_F(PlanFixture, TaskOutsideResponsibilityIsAWarning) {
    Task west_in_east = task("F1", "", {5, 6}, 0, 4);
    Task border_force = task(kBorderForceCode, "", {5, 6}, 0, 4);
    ASSERT_EQ(add_task(book, ctx, west_in_east), "");
    ASSERT_EQ(add_task(book, ctx, border_force), "");
    const PlanCheck c = check();
    ASSERT_EQ(count(c, "neither leads nor supports"), 1);
    for (const auto& p : c.problems)
        if (p.reason.find("neither leads") != std::string::npos) {
            EXPECT_EQ(p.feature, "task 1");
            EXPECT_EQ(p.severity, geo::Problem::Severity::Warning);
        }
}

TEST_F(PlanFixture, ObjectivesMetOnlyByCommittedTasksWithinTarget) {
    // Period 48 h, target 24 h. One accepted 12 h task leaves 36 h: unmet on line 0's 10 km;
    // the island has no task (48 h). A second task 24-36 h leaves gaps of 12 h: met.
    Task first = task("F1", "", {0, 9}, 0, 12);
    first.status = TaskStatus::Accepted;
    ASSERT_EQ(add_task(book, ctx, first), "");
    EXPECT_DOUBLE_EQ(check().objective_unmet_m, 26000);
    const auto gaps = planned_max_gap(book, book.plans[0], coast);
    EXPECT_DOUBLE_EQ(gaps[0], 36 * 3600);
    EXPECT_DOUBLE_EQ(gaps[12], 48 * 3600);
    Task second = task("F1", "", {0, 9}, 24, 36);
    ASSERT_EQ(add_task(book, ctx, second), "");
    EXPECT_DOUBLE_EQ(check().objective_unmet_m, 26000);  // still proposed: not committed
    ASSERT_EQ(set_status(book, ctx, second.id, TaskStatus::Accepted), "");
    EXPECT_DOUBLE_EQ(check().objective_unmet_m, 16000);
    // A tighter objective on segments 0-1: 6 h is not met by 12 h gaps.
    ASSERT_EQ(set_objective(book, ctx, "Week 10", {{0, 1}, 6 * 3600, "landing place", ""}), "");
    const PlanCheck c = check();
    EXPECT_DOUBLE_EQ(c.objective_unmet_m, 18000);
    EXPECT_EQ(count(c, "objective 6 h (landing place) is not met by the accepted tasks on 2.0 km: up to 12 h unwatched"), 1);
    // Accepting the risk on the island takes it out.
    ASSERT_EQ(set_objective(book, ctx, "Week 10", {{10, 25}, 0, "", "no landing places; radar cover from shore"}), "");
    EXPECT_DOUBLE_EQ(check().objective_unmet_m, 2000);
}

TEST_F(PlanFixture, StaleEditIsRefusedNamingWhoChangedIt) {
    Task t = task("F1", "", {0, 1}, 0, 4);
    ASSERT_EQ(add_task(book, ctx, t), "");
    Task mine = *book.find_task(t.id);
    EditContext other = ctx;
    other.user = "kent.liaison";
    Task theirs = mine;
    theirs.notes = "moved to the evening tide";
    ASSERT_EQ(edit_task(book, other, theirs, 1), "");
    EXPECT_EQ(book.find_task(t.id)->version, 2);
    mine.notes = "mine";
    const EditError e = edit_task(book, ctx, mine, 1);
    EXPECT_NE(e.find("changed by kent.liaison"), std::string::npos) << e;
    EXPECT_EQ(book.find_task(t.id)->notes, "moved to the evening tide");
}

TEST_F(PlanFixture, StatusWorkflowIsEnforced) {
    Task t = task("F1", "", {0, 1}, 0, 4);
    ASSERT_EQ(add_task(book, ctx, t), "");
    EXPECT_NE(set_status(book, ctx, t.id, TaskStatus::Done), "");  // proposed -> done skips acceptance
    EXPECT_EQ(set_status(book, ctx, t.id, TaskStatus::Accepted), "");
    EXPECT_EQ(set_status(book, ctx, t.id, TaskStatus::PartlyDone), "");
    EXPECT_EQ(book.find_task(t.id)->version, 3);
}

TEST_F(PlanFixture, EditorAppliesAllOrNothingWithUndo) {
    PlanEditor editor(book);
    const std::size_t before = editor.book().tasks.size();
    const EditError bad = editor.apply("two tasks", [&](PlanBook& b) {
        Task ok = task("F1", "", {0, 1}, 0, 4);
        if (auto e = add_task(b, ctx, ok); !e.empty()) return e;
        Task wrong = task("F1", "", {0, 1}, 4, 3);
        return add_task(b, ctx, wrong);
    });
    EXPECT_NE(bad, "");
    EXPECT_EQ(editor.book().tasks.size(), before);  // the first task of the refused edit is not kept
    ASSERT_EQ(editor.apply("one task", [&](PlanBook& b) {
        Task ok = task("F1", "", {0, 1}, 0, 4);
        return add_task(b, ctx, ok);
    }), "");
    EXPECT_EQ(editor.book().tasks.size(), before + 1);
    EXPECT_EQ(editor.undo_label(), "one task");
    EXPECT_TRUE(editor.undo());
    EXPECT_EQ(editor.book().tasks.size(), before);
    EXPECT_TRUE(editor.redo());
    EXPECT_EQ(editor.book().tasks.size(), before + 1);
    EXPECT_EQ(editor.revision(), 3u);
}

TEST_F(PlanFixture, FindingsAreLocatedOnTheCoastAndBecomeALayer) {
    Assignment a;
    a.stretches = {{2, 3}};
    a.lead = "";
    ASSERT_EQ(assign(book, ctx, "Week 10", a), "");
    // The launch (endurance 10 h) tasked for 12 h on segments 0-4.
    Task long_one = task("F1", "West launch", {0, 4}, 8, 20);
    ASSERT_EQ(add_task(book, ctx, long_one), "");
    const PlanCheck c = check();
    ASSERT_EQ(c.places.size(), c.problems.size());
    const layers::Layer l = findings_layer("Week 10", c, coast);
    std::size_t located = 0;
    for (const auto& p : c.places) located += !p.empty();
    ASSERT_EQ(l.features().size(), located);  // a row per finding with a place on the coast
    // Errors are the last rows, drawn over warnings on the same coast.
    std::size_t first_error = l.features().size();
    for (std::size_t r = 0; r < l.features().size(); ++r)
        if (layers::to_string(l.value(l.features()[r], "severity")) == "error") first_error = std::min(first_error, r);
        else EXPECT_LT(r, first_error) << "a warning drawn over an error";
    bool unowned = false, endurance = false, total = false;
    for (std::size_t i = 0; i < c.problems.size(); ++i) {
        const std::string& reason = c.problems[i].reason;
        const std::int64_t row = finding_row(l, i);
        ASSERT_EQ(row >= 0, !c.places[i].empty()) << reason;
        if (row < 0) {
            total = total || reason.find("lead agencies own") != std::string::npos;  // plan-wide: no place
            continue;
        }
        const layers::Feature& f = l.features()[row];
        EXPECT_EQ(layers::to_string(l.value(f, "finding")), reason);
        if (reason.find("no lead agency for") != std::string::npos) {
            unowned = true;
            ASSERT_EQ(c.places[i].size(), 1u);
            EXPECT_EQ(c.places[i][0].from, 2u);
            EXPECT_EQ(c.places[i][0].to, 3u);
            EXPECT_EQ(layers::to_string(l.value(f, "severity")), "error");
            EXPECT_EQ(layers::to_number(l.value(f, "from_segment")), 2);
            EXPECT_DOUBLE_EQ(*layers::to_number(l.value(f, "length_m")), 2000);  // two 1 km segments
            // Drawn along the coast it is about: x 502000 to 504000 on the open line y = 100000.
            const geo::Box b = f.geometry.bounds();
            EXPECT_DOUBLE_EQ(b.min_x, 502000);
            EXPECT_DOUBLE_EQ(b.max_x, 504000);
            EXPECT_DOUBLE_EQ(b.min_y, 100000);
        }
        if (reason.find("endurance") != std::string::npos) {
            endurance = true;
            ASSERT_EQ(c.places[i].size(), 1u);
            EXPECT_DOUBLE_EQ(*layers::to_number(l.value(f, "length_m")), 5000);
        }
    }
    EXPECT_TRUE(unowned && endurance && total);
}

TEST_F(PlanFixture, UnmetDefaultObjectiveIsLocatedRunByRun) {
    // One accepted task over segments 0-2 for the whole plan period: the rest of F1's coast (3-4)
    // is unmet, one run.
    Task t = task("F1", "", {0, 2}, 0, 48);
    t.status = TaskStatus::Accepted;
    ASSERT_EQ(add_task(book, ctx, t), "");
    const PlanCheck c = check();
    bool found = false;
    for (std::size_t i = 0; i < c.problems.size(); ++i)
        if (c.problems[i].feature == "West Force (F1)" && c.problems[i].reason.find("revisit objective") != std::string::npos) {
            found = true;
            ASSERT_EQ(c.places[i].size(), 1u);
            EXPECT_EQ(c.places[i][0].from, 3u);
            EXPECT_EQ(c.places[i][0].to, 4u);
        }
    EXPECT_TRUE(found);
}
