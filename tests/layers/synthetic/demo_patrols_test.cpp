#include "layers/synthetic/demo_patrols.h"

#include "geo/crs.h"
#include "layers/plan/plan_edit.h"
#include "layers/plan/plan_reconcile.h"
#include "layers/tracks/track_io.h"
#include "layers/plan/suggest_fixture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

using namespace tidemark;
using namespace tidemark::layers::plan;
using tidemark::test::kSuggestDay0;

namespace {

// The island of suggest_fixture.h with the cutter's radar cut to 1 nm, so how much of the north
// shore it saw shows in the reconciled fraction. Plan "Week" (3 days); four accepted tasks for
// the cutter, each the same one-way run along the north shore 1 km off, from (503000, 101000) to
// (537000, 101000): 34 km at 14 kn, 1 h 19 min, in a 4 h window (day 0 at 08:00 and 14:00, days 1
// and 2 at 08:00); a proposed one that nobody sails.
struct DemoPatrolsTest : ::testing::Test {
    layers::Workspace ws = test::suggest_fixture_workspace();
    std::vector<layers::Vessel> fleet;
    geo::Problems problems;
    PlanCoast coast;
    PlanBook book;
    Stretch north;

    void SetUp() override {
        fleet = layers::load_fleet(ws);
        fleet[0].radar_range_nm = 1;
        layers::store_fleet(ws, fleet);
        coast = plan_coast(ws, 1000, problems);
        // The north shore's segments between the run's ends (midpoints at y = 100000).
        std::vector<std::uint32_t> ids;
        for (std::uint32_t i = 0; i < coast.segments.size(); ++i) {
            const geo::XY m = coast.segments[i].midpoint;
            if (std::abs(m.y - 100000) < 1 && m.x > 503000 && m.x < 537000) ids.push_back(i);
        }
        ASSERT_EQ(ids.size(), 34u);
        ASSERT_EQ(ids.back() - ids.front(), 33u);  // one run along the ring
        north = {ids.front(), ids.back()};
        EditContext ctx{&coast, &fleet, "planner", kSuggestDay0 - 86400};
        ASSERT_EQ(new_plan(book, ctx, {"Week", kSuggestDay0, kSuggestDay0 + 3 * 86400, 1000, 86400}), "");
        auto add = [&](double start_h, TaskStatus status) {
            Task t;
            t.plan = "Week";
            t.agency = kBorderForceCode;
            t.asset = "HMC Test";
            t.stretch = north;
            t.from = kSuggestDay0 + start_h * 3600;
            t.to = t.from + 4 * 3600;
            t.route = {{{503000, 101000}, 0}, {{537000, 101000}, 0}};
            t.status = status;
            ASSERT_EQ(add_task(book, ctx, t), "");
        };
        add(8, TaskStatus::Accepted);
        add(14, TaskStatus::Accepted);
        add(24 + 8, TaskStatus::Accepted);
        add(48 + 8, TaskStatus::Accepted);
        add(48 + 14, TaskStatus::Proposed);
    }
    DemoPatrolOptions options(std::uint64_t seed = 42) const {
        DemoPatrolOptions o;
        o.seed = seed;
        o.not_sailed = 0.25;  // one of the four accepted tasks
        o.turned_back = 0.25; // and another
        o.free_day_sorties = 1;
        return o;
    }
    const layers::plan::VesselLog* log_of(const DemoPatrols& d, const std::string& vessel) const {
        for (const auto& l : d.logs)
            if (l.vessel.name == vessel) return &l;
        return nullptr;
    }
};

}  // namespace

TEST_F(DemoPatrolsTest, TasksSailedTurnedBackOrNotByTheirShares) {
    const DemoPatrols d = sail_demo_patrols(ws, book, book.plans[0], coast, options());
    ASSERT_TRUE(d.ok()) << d.error;
    ASSERT_EQ(d.tasks.size(), 4u);  // the proposed task is not sailed, nor counted
    int planned = 0, turned = 0, not_sailed = 0;
    for (const SailedTask& t : d.tasks) {
        EXPECT_NE(t.task, 5);
        planned += t.what == TaskSailing::AsPlanned;
        turned += t.what == TaskSailing::TurnedBack;
        not_sailed += t.what == TaskSailing::NotSailed;
        if (t.what == TaskSailing::TurnedBack) {
            EXPECT_GE(t.route_fraction, 0.3);
            EXPECT_LE(t.route_fraction, 0.7);
        }
    }
    EXPECT_EQ(planned, 2);
    EXPECT_EQ(turned, 1);
    EXPECT_EQ(not_sailed, 1);
    const auto* cutter = log_of(d, "HMC Test");
    ASSERT_TRUE(cutter);
    EXPECT_EQ(cutter->task_sorties, 3);
    EXPECT_EQ(cutter->drawn_sorties, 0);  // a task every day
    // The CPV has no task: one drawn sortie on each day it is available (days 0 and 2), none
    // in its unavailable day.
    const auto* cpv = log_of(d, "CPV Test");
    ASSERT_TRUE(cpv);
    EXPECT_EQ(cpv->drawn_sorties, 2);
    for (const auto& f : cpv->fixes) EXPECT_FALSE(f.t >= kSuggestDay0 + 86400 && f.t < kSuggestDay0 + 2 * 86400);
}

TEST_F(DemoPatrolsTest, EveryLogIsInTimeOrderAtSeaWithinSpeedAndFromBase) {
    const DemoPatrols d = sail_demo_patrols(ws, book, book.plans[0], coast, options());
    ASSERT_TRUE(d.ok()) << d.error;
    geo::Transformer to_bng(geo::Crs::wgs84(), geo::Crs::british_national_grid());
    for (const auto& log : d.logs) {
        const geo::XY port = log.vessel.home_port == "Northport" ? geo::XY{520000, 100000} : geo::XY{520000, 60000};
        ASSERT_FALSE(log.fixes.empty());
        for (std::size_t i = 0; i < log.fixes.size(); ++i) {
            const auto& f = log.fixes[i];
            const geo::XY p = to_bng.forward(f.lonlat);
            // At sea: never deeper than half a 250 m routing cell into the island.
            ASSERT_FALSE(test::on_island(p.x, p.y, 125)) << log.vessel.name << " fix " << i;
            // Moored reports are at the berth: the sea cell nearest the port.
            if (f.moored) EXPECT_LE(std::hypot(p.x - port.x, p.y - port.y), 1.5 * 250 * std::sqrt(2.0)) << log.vessel.name;
            if (i == 0) continue;
            const auto& e = log.fixes[i - 1];
            ASSERT_GT(f.t, e.t) << log.vessel.name << " fix " << i;
            const geo::XY q = to_bng.forward(e.lonlat);
            EXPECT_LE(std::hypot(p.x - q.x, p.y - q.y) / (f.t - e.t), log.vessel.max_speed_kn * 1852.0 / 3600) << log.vessel.name;
        }
        // Each sortie begins and ends moored.
        EXPECT_TRUE(log.fixes.front().moored);
        EXPECT_TRUE(log.fixes.back().moored);
    }
}

TEST_F(DemoPatrolsTest, SameSeedSameLogsOtherSeedOtherLogs) {
    const DemoPatrols a = sail_demo_patrols(ws, book, book.plans[0], coast, options(5));
    const DemoPatrols b = sail_demo_patrols(ws, book, book.plans[0], coast, options(5));
    const DemoPatrols c = sail_demo_patrols(ws, book, book.plans[0], coast, options(6));
    ASSERT_EQ(a.logs.size(), b.logs.size());
    for (std::size_t v = 0; v < a.logs.size(); ++v) {
        ASSERT_EQ(a.logs[v].fixes.size(), b.logs[v].fixes.size());
        for (std::size_t i = 0; i < a.logs[v].fixes.size(); ++i) {
            EXPECT_EQ(a.logs[v].fixes[i].t, b.logs[v].fixes[i].t);
            EXPECT_EQ(a.logs[v].fixes[i].lonlat, b.logs[v].fixes[i].lonlat);
        }
    }
    EXPECT_FALSE(a.logs[0].fixes.size() == c.logs[0].fixes.size() && a.logs[0].fixes[5].lonlat == c.logs[0].fixes[5].lonlat);
}

// Through the AIS writer and the real decoder into the workspace, then planned vs actual: the
// tasks sailed as planned are done, the one not sailed has no tracks, and the one that turned
// back saw the shore only as far as it went (or, past the base, back to the base).
TEST_F(DemoPatrolsTest, ReadBackAndReconciledTheyEarnWhatHappened) {
    const DemoPatrols d = sail_demo_patrols(ws, book, book.plans[0], coast, options());
    ASSERT_TRUE(d.ok()) << d.error;
    const auto dir = std::filesystem::temp_directory_path() / ("tidemark_demo_patrols_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::vector<geo::Track> tracks;
    for (const auto& log : d.logs) {
        const std::string path = (dir / (layers::file_slug(log.vessel.name) + ".nmea")).string();
        std::size_t sentences = 0;
        ASSERT_EQ(layers::write_synthetic_ais_log(path, log.vessel, {"SYNTHETIC test log"}, log.fixes, &sentences), "");
        EXPECT_GT(sentences, log.fixes.size());  // positions and statics
        const layers::TrackReadResult r = layers::read_tracks(path, ws.crs());
        ASSERT_TRUE(r.ok) << r.error;
        EXPECT_TRUE(r.problems.empty()) << r.problems.front().reason;
        for (const auto& t : r.tracks) tracks.push_back(t);
    }
    std::filesystem::remove_all(dir);
    layers::store_tracks(ws, tracks);
    const Reconciliation rec = reconcile_plan(ws, book, book.plans[0], coast);
    for (const SailedTask& s : d.tasks) {
        const TaskOutcome* o = nullptr;
        for (const auto& t : rec.tasks)
            if (t.task == s.task) o = &t;
        ASSERT_TRUE(o);
        switch (s.what) {
            case TaskSailing::AsPlanned:
                ASSERT_TRUE(o->earned) << "task " << s.task;
                EXPECT_EQ(*o->earned, TaskStatus::Done) << "task " << s.task << ": " << o->own_fraction;
                break;
            case TaskSailing::NotSailed:
                EXPECT_FALSE(o->earned);
                EXPECT_EQ(o->note, "no tracks for HMC Test in the window");
                break;
            case TaskSailing::TurnedBack: {
                // Out to x = 503000 + f * 34000, home to Northport (x = 520000): the shore from
                // 503000 to the farther of the two was watched, give or take the radar's reach
                // along the shore (1852 m at 1 km off: 1.56 km) and a segment at each end.
                const double reach_x = std::max(503000 + s.route_fraction * 34000, 520000.0);
                const double expected = (reach_x - 503000) / 34000;
                ASSERT_TRUE(o->earned);
                EXPECT_EQ(*o->earned, TaskStatus::PartlyDone);
                EXPECT_NEAR(o->own_fraction, expected, (1560.0 + 1000) / 34000) << "turned at " << s.route_fraction;
                break;
            }
        }
    }
}
