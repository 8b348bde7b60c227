#include "layers/plan/plan_reconcile.h"
#include "layers/plan/plan_edit.h"
#include "layers/tracks/track_io.h"
#include "plan_fixture.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::layers::plan;
using tidemark::test::kDay0;

namespace {

// The scenario worked out by hand in plan_fixture.h.
struct ReconcileTest : ::testing::Test, test::ReconcileScenario {};

}  // namespace

TEST_F(ReconcileTest, FollowedTurnedBackAndMissingTasks) {
    const Reconciliation r = reconcile_plan(ws, book, book.plans[0], coast);
    ASSERT_EQ(r.tasks.size(), 3u);
    // 1: the cutter sailed the route: every segment of line 0 seen (range ~17 km, 1 km off).
    EXPECT_DOUBLE_EQ(r.tasks[0].own_fraction, 1.0);
    ASSERT_TRUE(r.tasks[0].earned);
    EXPECT_EQ(*r.tasks[0].earned, TaskStatus::Done);
    EXPECT_DOUBLE_EQ(r.tasks[0].planned_segment_h, 10 * 4.0);
    // 2: 500 m off the coast to x = 505000 and back, range 1852 m: segments whose nearest
    // point is within range of the path are 0-6 (segment 6 starts at 506000: sqrt(1000² + 500²)
    // = 1118 m; segment 7 at 507000: 2062 m). 7 km of 10: partly done.
    EXPECT_NEAR(r.tasks[1].own_fraction, 0.7, 1e-9);
    EXPECT_NEAR(r.tasks[1].agency_fraction, 0.7, 1e-9);
    ASSERT_TRUE(r.tasks[1].earned);
    EXPECT_EQ(*r.tasks[1].earned, TaskStatus::PartlyDone);
    EXPECT_GE(*r.tasks[1].first_seen, kDay0 + 6 * 3600);
    EXPECT_LE(*r.tasks[1].last_seen, kDay0 + 8 * 3600);
    // 3: no fix of the cutter between 10:00 and 12:00: not "missed", but said so.
    EXPECT_FALSE(r.tasks[2].earned);
    EXPECT_EQ(r.tasks[2].note, "no tracks for HMC Test in the window");
    // Per agency: Border Force 1 done of 1 judged (the unjudged task does not count against it).
    ASSERT_EQ(r.by_agency.size(), 2u);
    for (const auto& row : r.by_agency) {
        if (row.code == kBorderForceCode) {
            EXPECT_EQ(row.tasks, 2);
            EXPECT_EQ(row.done, 1);
            EXPECT_EQ(row.unjudged, 1);
            EXPECT_DOUBLE_EQ(row.compliance_pct(), 100);
        } else {
            EXPECT_EQ(row.code, "F1");
            EXPECT_EQ(row.partly, 1);
            EXPECT_DOUBLE_EQ(row.compliance_pct(), 0);
        }
    }
    // The cutter's radar (~17 km) also reached the whole island, 10-15 km away: all 26 km seen;
    // task 3 asked for the island, so nothing was unplanned...
    EXPECT_DOUBLE_EQ(r.observed_m, 26000);
    EXPECT_DOUBLE_EQ(r.unplanned_m, 0);
    // ...until task 3 is cancelled: then the island's 16 km were seen without a task asking.
    EditContext ctx{&coast, &fleet, "planner", kDay0};
    ASSERT_EQ(set_status(book, ctx, 3, TaskStatus::Cancelled), "");
    EXPECT_DOUBLE_EQ(reconcile_plan(ws, book, book.plans[0], coast).unplanned_m, 16000);
}

TEST_F(ReconcileTest, AsOfUsesOnlyWhatWasKnownThen) {
    ReconcileOptions o;
    o.as_of = kDay0 + 3 * 3600;  // mid-way through task 1, before task 2 started
    const Reconciliation r = reconcile_plan(ws, book, book.plans[0], coast, o);
    EXPECT_FALSE(r.tasks[0].earned);
    EXPECT_NE(r.tasks[0].note.find("window not over"), std::string::npos);
    EXPECT_FALSE(r.tasks[1].earned);
    const Reconciliation all = reconcile_plan(ws, book, book.plans[0], coast);
    EXPECT_LT(r.fixes, all.fixes);
    // The same as-of twice gives the same answer, whatever arrived later.
    const Reconciliation again = reconcile_plan(ws, book, book.plans[0], coast, o);
    EXPECT_EQ(again.fixes, r.fixes);
    EXPECT_DOUBLE_EQ(again.tasks[0].own_fraction, r.tasks[0].own_fraction);
}

TEST_F(ReconcileTest, StretchesAcrossForceBoundariesCountInEachForce) {
    const Reconciliation r = reconcile_plan(ws, book, book.plans[0], coast);
    ASSERT_EQ(r.by_force.size(), 2u);
    const ComplianceRow& west = r.by_force[0].code == "F1" ? r.by_force[0] : r.by_force[1];
    const ComplianceRow& east = r.by_force[0].code == "F1" ? r.by_force[1] : r.by_force[0];
    ASSERT_EQ(west.code, "F1");
    ASSERT_EQ(east.code, "F2");
    // Tasks 1 and 2 ask for segments 0-9: 0-4 are West Force's, 5-9 East Force's; task 3 (the
    // island) is all East Force's. Each force counts every task that touches it...
    EXPECT_EQ(west.tasks, 2);
    EXPECT_EQ(west.done, 1);
    EXPECT_EQ(west.partly, 1);
    EXPECT_EQ(west.unjudged, 0);
    EXPECT_EQ(east.tasks, 3);
    EXPECT_EQ(east.done, 1);
    EXPECT_EQ(east.partly, 1);
    EXPECT_EQ(east.unjudged, 1);
    // ...with the segment-hours of its own segments: west 5 x 4 h + 5 x 2 h, east 5 x 4 h + 5 x 2 h + 16 x 2 h.
    EXPECT_DOUBLE_EQ(west.planned_segment_h, 30);
    EXPECT_DOUBLE_EQ(east.planned_segment_h, 62);
    // What was achieved splits the same way: the forces' parts add up to the tasks' totals.
    double achieved = 0;
    for (const auto& t : r.tasks) achieved += t.achieved_segment_h;
    EXPECT_GT(west.achieved_segment_h, 0);
    EXPECT_GT(east.achieved_segment_h, 0);
    EXPECT_NEAR(west.achieved_segment_h + east.achieved_segment_h, achieved, 1e-9);
}
