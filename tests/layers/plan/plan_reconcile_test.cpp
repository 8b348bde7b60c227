#include "layers/plan/plan_reconcile.h"
#include "layers/plan/plan_edit.h"
#include "layers/track_io.h"
#include "plan_fixture.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::layers::plan;
using tidemark::test::kDay0;

namespace {

// What a vessel actually sailed: the planned timing of `waypoints`, stored as an observed track.
geo::Track sailed(const std::string& vessel, double start_h, std::vector<layers::PlannedWaypoint> waypoints, double kn) {
    layers::PlannedPatrol p;
    p.vessel = vessel;
    p.start = kDay0 + start_h * 3600;
    p.speed_kn = kn;
    p.waypoints = std::move(waypoints);
    geo::Track t = layers::plan_track(p);
    t.planned = false;
    return t;
}

struct Reconcile : ::testing::Test {
    layers::Workspace ws = test::plan_fixture_workspace();
    std::vector<layers::Vessel> fleet;
    geo::Problems problems;
    PlanCoast coast;
    PlanBook book;

    void SetUp() override {
        fleet = layers::load_fleet(ws);
        fleet[1].radar_range_nm = 1;  // the launch sees 1852 m: a turn back shows in the fraction
        layers::store_fleet(ws, fleet);
        coast = plan_coast(ws, 1000, problems);
        EditContext ctx{&coast, &fleet, "planner", kDay0};
        ASSERT_EQ(new_plan(book, ctx, {"P", kDay0, kDay0 + 86400, 1000, 86400}), "");
        auto add = [&](const std::string& agency, const std::string& asset, Stretch s, double from_h, double to_h) {
            Task t;
            t.plan = "P";
            t.agency = agency;
            t.asset = asset;
            t.stretch = s;
            t.from = kDay0 + from_h * 3600;
            t.to = kDay0 + to_h * 3600;
            t.status = TaskStatus::Accepted;
            ASSERT_EQ(add_task(book, ctx, t), "");
        };
        add(kBorderForceCode, "HMC Test", {0, 9}, 1, 5);  // followed exactly
        add("F1", "West launch", {0, 9}, 6, 8);           // turns back halfway
        add(kBorderForceCode, "HMC Test", {10, 25}, 10, 12);  // never sailed
        layers::store_tracks(ws, {sailed("HMC Test", 1, {{{500000, 99000}, 0}, {{510000, 99000}, 0}}, 14),
                                  sailed("West launch", 6, {{{500000, 99500}, 0}, {{505000, 99500}, 0}, {{500000, 99500}, 0}}, 12)});
    }
};

}  // namespace

TEST_F(Reconcile, FollowedTurnedBackAndMissingTasks) {
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

TEST_F(Reconcile, AsOfUsesOnlyWhatWasKnownThen) {
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
