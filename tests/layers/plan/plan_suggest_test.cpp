#include "layers/plan/plan_suggest.h"

#include "layers/plan/plan_check.h"
#include "layers/plan/plan_edit.h"
#include "suggest_fixture.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tidemark;
using namespace tidemark::layers::plan;
using tidemark::test::kSuggestDay0;

namespace {

// z such that P(|Z| > z) = alpha, by bisection on erfc (an independent route to the quantile).
double two_sided_z(double alpha) {
    double lo = 0, hi = 10;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        (std::erfc(mid / std::sqrt(2.0)) > alpha ? lo : hi) = mid;
    }
    return lo;
}

struct Suggest : ::testing::Test {
    layers::Workspace ws = test::suggest_fixture_workspace();
    std::vector<layers::Vessel> fleet = layers::load_fleet(ws);
    geo::Problems problems;
    PlanCoast coast = plan_coast(ws, 1000, problems);
    PlanBook book;
    EditContext ctx{&coast, &fleet, "planner", kSuggestDay0 - 86400};

    void SetUp() override {
        ASSERT_EQ(coast.segments.size(), 160u);
        ASSERT_EQ(new_plan(book, ctx, {"Week", kSuggestDay0, kSuggestDay0 + 3 * 86400, 1000, 86400}), "");
    }
    SuggestOptions options(std::uint64_t seed = 42) const {
        SuggestOptions o;
        o.seed = seed;
        return o;
    }
};

}  // namespace

TEST_F(Suggest, StretchesAndReachFollowTheFixture) {
    Suggester s(ws, book, book.plans[0], coast, options());
    ASSERT_TRUE(s.ok()) << s.error();
    ASSERT_EQ(s.targets().size(), 16u);
    for (const auto& t : s.targets()) EXPECT_NEAR(t.length_m, 10000, 1e-6);
    // No coverage run: risk = length_km * 1 * (1 + ports within 5 km of the stretch). Each port
    // lies within 5 km of at least two stretches (Northport and Southport at the join of two,
    // the landing place at a corner).
    int with_ports = 0;
    for (const auto& t : s.targets()) {
        EXPECT_TRUE(t.risk == 10 * (1 + t.ports)) << format_stretch(t.stretch);
        with_ports += t.ports > 0;
    }
    EXPECT_GE(with_ports, 4);
    ASSERT_EQ(s.assets().size(), 2u);
    EXPECT_EQ(s.days(), 3);
    // The CPV is unavailable on day 2: only the cutter sails.
    EXPECT_EQ(s.day_assets(0).size(), 2u);
    EXPECT_EQ(s.day_assets(1).size(), 1u);
    EXPECT_EQ(s.day_assets(2).size(), 2u);
    // Each visit's round trip must fit 10 h / 2 - 1 h loiter - 2 min at 14 kn: about 102 km by
    // sea. The cutter at Northport (mid north shore) reaches the north shore stretches, not the
    // far side of the island (at least 20 + 40 + 20 km round the corners each way).
    const SuggestAsset& cutter = s.assets()[0];
    EXPECT_EQ(cutter.vessel.name, "HMC Test");
    EXPECT_GE(cutter.reach.size(), 4u);
    EXPECT_LT(cutter.reach.size(), 16u);
}

TEST_F(Suggest, VisitFrequenciesOverAThousandDrawsMatchTheTargetProbabilities) {
    Suggester s(ws, book, book.plans[0], coast, options());
    ASSERT_TRUE(s.ok()) << s.error();
    const int n = 1000;
    for (int d = 0; d < s.days(); ++d) {
        const auto& c = s.day_coverage(d).coverage;
        std::vector<int> visits(c.size(), 0);
        for (int k = 0; k < n; ++k)
            for (const Sortie& so : s.draw(d, static_cast<std::uint64_t>(k)))
                for (auto t : so.targets) ++visits[t];
        // 99 % for the day's stretches together (Bonferroni over the 16 stretches).
        const double z = two_sided_z(0.01 / c.size());
        double expected_total = 0;
        for (std::size_t t = 0; t < c.size(); ++t) {
            expected_total += c[t];
            const double sd = std::sqrt(n * c[t] * (1 - c[t]));
            EXPECT_LE(std::abs(visits[t] - n * c[t]), z * sd + 1e-9)
                << "day " << d << " stretch " << t << ": " << visits[t] << " visits in " << n << " draws, p = " << c[t];
            EXPECT_LE(c[t], 1.0 + 1e-12);
        }
        // Two visits a sortie, every asset of the day used fully.
        EXPECT_NEAR(expected_total, 2.0 * s.day_assets(d).size(), 1e-6) << "day " << d;
    }
}

TEST_F(Suggest, EveryDrawnRouteIsFeasible) {
    Suggester s(ws, book, book.plans[0], coast, options(7));
    ASSERT_TRUE(s.ok()) << s.error();
    std::size_t sorties = 0;
    for (int k = 0; k < 1000; ++k)
        for (int d = 0; d < s.days(); ++d)
            for (const Sortie& so : s.draw(d, static_cast<std::uint64_t>(k))) {
                ++sorties;
                const SuggestAsset& a = s.assets()[so.asset];
                const layers::Vessel* v = layers::find_vessel(fleet, 0, a.vessel.name);
                ASSERT_TRUE(v);
                // Base: starts and ends at the berth, within a grid cell and a half of the base port.
                const geo::XY port = v->home_port == "Northport" ? geo::XY{520000, 100000} : geo::XY{520000, 60000};
                ASSERT_GE(so.route.size(), 3u);
                EXPECT_EQ(so.route.front().p.x, so.route.back().p.x);
                EXPECT_EQ(so.route.front().p.y, so.route.back().p.y);
                EXPECT_LE(std::hypot(so.route.front().p.x - port.x, so.route.front().p.y - port.y), 1.5 * 250 * std::sqrt(2.0));
                // At sea: no point of any leg (every 10 m) deeper than half a 250 m cell inside the island.
                for (std::size_t i = 1; i < so.route.size(); ++i) {
                    const geo::XY p = so.route[i - 1].p, q = so.route[i].p;
                    const int steps = std::max(1, static_cast<int>(std::hypot(q.x - p.x, q.y - p.y) / 10));
                    for (int j = 0; j <= steps; ++j) {
                        const double f = static_cast<double>(j) / steps;
                        ASSERT_FALSE(test::on_island(p.x + f * (q.x - p.x), p.y + f * (q.y - p.y), 125))
                            << v->name << " day " << so.day << " leg " << i;
                    }
                }
                // Speed and endurance, as `tracks plan` checks a planned patrol.
                layers::PlannedPatrol patrol;
                patrol.vessel = v->name;
                patrol.start = so.from;
                patrol.speed_kn = a.speed_kn;
                patrol.waypoints = so.route;
                const geo::Track track = layers::plan_track(patrol);
                EXPECT_TRUE(layers::check_patrol(patrol, track, v).empty());
                EXPECT_LE(a.speed_kn, v->max_speed_kn);
                const double sailed = track.legs.front().fixes.back().t - so.from;
                EXPECT_LE(sailed, so.to - so.from + 1e-6);
                EXPECT_LE(so.to - so.from, std::min(10.0, v->endurance_h) * 3600);
                // Availability: inside its day and outside its unavailable spans.
                EXPECT_GE(so.from, s.day_from(so.day));
                EXPECT_LE(so.to, s.day_to(so.day));
                for (const auto& off : v->unavailable) EXPECT_FALSE(so.from < off.to && so.to > off.from) << v->name;
            }
    EXPECT_GT(sorties, 4000u);  // 2 + 1 + 2 sorties a draw
}

TEST_F(Suggest, SameSeedSameRoutesOtherSeedOtherRoutes) {
    Suggester a(ws, book, book.plans[0], coast, options(42)), b(ws, book, book.plans[0], coast, options(42)),
        c(ws, book, book.plans[0], coast, options(43));
    int differ = 0;
    for (std::uint64_t k = 0; k < 20; ++k) {
        // b draws in another order: a draw depends on (seed, draw, day) only.
        const auto second = b.draw(2, k), first = b.draw(0, k);
        const auto x = a.draw(0, k), y = a.draw(2, k), other = c.draw(0, k);
        ASSERT_EQ(x.size(), first.size());
        ASSERT_EQ(y.size(), second.size());
        for (std::size_t i = 0; i < x.size(); ++i) {
            EXPECT_EQ(x[i].targets, first[i].targets);
            EXPECT_EQ(x[i].from, first[i].from);
            ASSERT_EQ(x[i].route.size(), first[i].route.size());
            for (std::size_t w = 0; w < x[i].route.size(); ++w) {
                EXPECT_EQ(x[i].route[w].p.x, first[i].route[w].p.x);
                EXPECT_EQ(x[i].route[w].p.y, first[i].route[w].p.y);
                EXPECT_EQ(x[i].route[w].loiter_min, first[i].route[w].loiter_min);
            }
        }
        for (std::size_t i = 0; i < y.size(); ++i) EXPECT_EQ(y[i].targets, second[i].targets);
        bool same = x.size() == other.size();
        for (std::size_t i = 0; same && i < x.size(); ++i) same = x[i].targets == other[i].targets && x[i].from == other[i].from;
        differ += !same;
    }
    EXPECT_GE(differ, 15);
}

TEST_F(Suggest, AcceptedIntoThePlanAsProposedTasksThatPassTheChecks) {
    Suggester s(ws, book, book.plans[0], coast, options());
    ASSERT_TRUE(s.ok()) << s.error();
    std::vector<Task> tasks;
    for (int d = 0; d < s.days(); ++d) {
        auto day = suggestion_tasks(s, book.plans[0], s.draw(d, 0), 0);
        tasks.insert(tasks.end(), day.begin(), day.end());
    }
    EXPECT_EQ(tasks.size(), 2u * 5);  // two stretches a sortie, five sorties
    for (Task t : tasks) {
        ASSERT_EQ(add_task(book, ctx, t), "");
        EXPECT_EQ(t.status, TaskStatus::Proposed);
        EXPECT_GE(t.route.size(), 2u);
    }
    const PlanCheck c = check_plan(book, book.plans[0], coast, fleet, LastGaps{}, "ws.gpkg");
    for (const auto& p : c.problems)
        EXPECT_NE(p.severity, geo::Problem::Severity::Error) << p.feature << ": " << p.reason;
    // The parts of one sortie follow one another and together start and end at base.
    for (std::size_t i = 0; i + 1 < tasks.size(); i += 2) {
        EXPECT_EQ(tasks[i].to, tasks[i + 1].from);
        EXPECT_EQ(tasks[i].route.front().p.x, tasks[i + 1].route.back().p.x);
        EXPECT_EQ(tasks[i].route.back().p.x, tasks[i + 1].route.front().p.x);
    }
}

TEST_F(Suggest, ScheduleEntropyOfThePlanOverItsDays) {
    Suggester s(ws, book, book.plans[0], coast, options());
    ASSERT_TRUE(s.ok()) << s.error();
    // One task on segments 0-4 (stretch 0) on days 1 and 3, none on day 2: schedules {0}, {}, {0}.
    for (int day : {0, 2}) {
        Task t;
        t.plan = "Week";
        t.agency = "F1";
        t.stretch = {0, 4};
        t.from = kSuggestDay0 + day * 86400 + 3600;
        t.to = t.from + 4 * 3600;
        ASSERT_EQ(add_task(book, ctx, t), "");
    }
    const auto days = plan_schedules(s, book, book.plans[0], coast);
    ASSERT_EQ(days.size(), 3u);
    EXPECT_EQ(days[0], std::vector<std::uint32_t>{0});
    EXPECT_TRUE(days[1].empty());
    // -(2/3 log2 2/3 + 1/3 log2 1/3) = 0.918296 bits
    EXPECT_NEAR(schedule_entropy_bits(days), 0.9182958341, 1e-9);
    EXPECT_NEAR(schedule_entropy_bits({{1, 2}, {2, 1}, {3}, {3}}), 1.0, 1e-12);  // order within a day does not count
    EXPECT_EQ(schedule_entropy_bits({{}, {}}), 0.0);
}

TEST(FreeSpans, OutsideBusyTimes) {
    const auto f = free_spans(0, 100, {{80, 120}, {10, 20}, {15, 30}});
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].from, 0);
    EXPECT_EQ(f[0].to, 10);
    EXPECT_EQ(f[1].from, 30);
    EXPECT_EQ(f[1].to, 80);
}
