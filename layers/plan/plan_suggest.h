// `tidemark plan suggest`: randomised but not arbitrary patrols for a plan period, in the
// spirit of the US Coast Guard's PROTECT (docs/suggest.md).
//
// 1. Targets: the plan's coast cut into stretches of about `stretch_km`, each with the gap
//    risk of geo/gaps.h: length_km x (last period's worst unwatched time / revisit target, at
//    least 1) x (1 + ports within 5 km + weight of the Kraken reports attached).
// 2. Resources: per asset and day, one sortie from its base port visiting up to
//    `visits_per_sortie` stretches; an asset is used on a day only when a free span of that day
//    (outside its `unavailable` spans and its live tasks in any plan) holds a whole sortie.
//    Its reach: the stretches of coast its agency leads or supports whose round trip by sea
//    (base, along the stretch, base) at cruise speed plus the loiter fits in
//    sortie_h / visits_per_sortie, so any set of visits fits in one sortie.
// 3. Coverage per day: the ORIGAMI-style solution of geo/patrol_game.h.
// 4. Draws: per day, dependent rounding (geo/dependent_rounding.h) turns the per-asset visit
//    probabilities into which asset visits which stretches (each stretch at most once a day,
//    each with exactly its probability); each asset's sortie is then routed at sea from its
//    berth round its stretches (shortest order) and back, loitering on each, and placed at a
//    random time in a free span. Every draw is seeded by (seed, draw, day).
#pragma once

#include "geo/patrol_game.h"
#include "geo/seeded_random.h"
#include "geo/problem.h"
#include "layers/tracks/fleet.h"
#include "layers/plan/patrol_router.h"
#include "layers/plan/plan.h"
#include "layers/plan/plan_coast.h"
#include "layers/plan/plan_objectives.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tidemark::layers {
class Workspace;
}

namespace tidemark::layers::plan {

struct SuggestOptions {
    std::vector<std::string> assets;  // vessel names; empty: every vessel with a base port, speed and endurance
    int days = 0;                     // from the plan's start; 0: every day of the plan period
    std::uint64_t seed = 1;
    double stretch_km = 10;           // target stretch length
    int visits_per_sortie = 2;        // stretches one sortie visits
    double sortie_h = 10;             // longest sortie (capped by each asset's endurance)
    double loiter_min = 60;           // on each visited stretch (half at each end)
};

struct SuggestTarget {
    Stretch stretch;
    std::vector<std::uint32_t> segments;
    double length_m = 0;
    double risk = 0;
    double objective_s = 0;     // tightest revisit target on it
    bool risk_accepted = false;
    int ports = 0;
    double reports = 0;         // attached report weight
    double last_gap_s = 0;      // worst unwatched time last period (0: not in a gap or unknown)
};

struct SuggestAsset {
    Vessel vessel;
    std::string agency;         // agency code
    std::string base;           // base port name
    double speed_kn = 0, sortie_h = 0, standoff_m = 0;
    std::vector<std::uint32_t> reach;  // targets, ascending
    std::map<std::uint32_t, std::pair<PatrolRouter::Cell, PatrolRouter::Cell>> stations;  // per target: its two ends at sea
    std::vector<geo::Interval> busy;   // unavailable spans and live tasks
    std::unique_ptr<PatrolRouter> router;
};

// One asset's patrol on one day.
struct Sortie {
    std::size_t asset = 0;                // into Suggester::assets()
    int day = 0;
    std::vector<std::uint32_t> targets;   // in visiting order
    std::vector<PlannedWaypoint> route;   // berth to berth, working CRS
    std::vector<std::size_t> part_end;    // per target: the route index where its part ends
    std::vector<geo::UnixTime> part_to;   // per target: when its part ends (its loiter done; the last: back at base)
    geo::UnixTime from = 0, to = 0;       // leaves base, back at base
    double length_m = 0;
    bool via_base = false;                // the shortest order did not fit; the stretches are visited from base in turn
};

class Suggester {
public:
    Suggester(const Workspace& ws, const PlanBook& book, const Plan& plan, const PlanCoast& coast, const SuggestOptions& options);

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    const geo::Problems& problems() const { return problems_; }  // assets left out, and why
    const SuggestOptions& options() const { return options_; }
    const std::vector<SuggestTarget>& targets() const { return targets_; }
    const std::vector<SuggestAsset>& assets() const { return assets_; }
    int days() const { return static_cast<int>(day_from_.size()); }
    geo::UnixTime day_from(int day) const { return day_from_[day]; }
    geo::UnixTime day_to(int day) const { return day_to_[day]; }
    // The assets used on `day` (indices into assets()) and the day's game solution over them.
    const std::vector<std::size_t>& day_assets(int day) const { return day_assets_[day]; }
    const geo::GameCoverage& day_coverage(int day) const { return coverage_[day]; }

    // Draw number `draw` of `day`: the sorties, each routed and timed. Same (seed, draw, day), same sorties.
    std::vector<Sortie> draw(int day, std::uint64_t draw);

private:
    Sortie route_sortie(std::size_t asset, int day, std::vector<std::uint32_t> chosen, geo::SeededRandom& rng);

    SuggestOptions options_;
    std::string error_;
    geo::Problems problems_;
    std::vector<SuggestTarget> targets_;
    std::vector<SuggestAsset> assets_;
    std::vector<geo::UnixTime> day_from_, day_to_;
    std::vector<std::vector<std::size_t>> day_assets_;
    std::vector<geo::GameCoverage> coverage_;
};

// The free spans of [from, to) outside `busy` (any order).
std::vector<geo::Interval> free_spans(geo::UnixTime from, geo::UnixTime to, std::vector<geo::Interval> busy);

// How unpredictable a day is, in bits. A day's schedule is the set of stretches visited that day.
// - marginal_bits: the summed Bernoulli entropy of each stretch's visit probability, averaged
//   over the days: an upper bound on the entropy of the suggestion's daily schedule;
// - schedule_entropy_bits: the entropy of the empirical distribution of daily schedules (each
//   schedule's share of the samples), e.g. over a day's draws; for a plan, over its days (a rota
//   that repeats one pattern every day scores 0, two patterns on alternate days 1 bit).
double marginal_bits(const Suggester& s);
double schedule_entropy_bits(const std::vector<std::vector<std::uint32_t>>& schedules);
// The plan's live tasks as daily schedules of the suggester's stretches (a stretch is visited on
// a day when a task covering any of its segments overlaps the day).
std::vector<std::vector<std::uint32_t>> plan_schedules(const Suggester& s, const PlanBook& book, const Plan& plan,
                                                       const PlanCoast& coast);

// Draw `draw`'s sorties as proposed tasks of `plan`: one task per visited stretch, with its
// part of the route and the window of that part (the parts of a sortie follow one another).
std::vector<Task> suggestion_tasks(const Suggester& s, const Plan& plan, const std::vector<Sortie>& sorties, std::uint64_t draw);

}  // namespace tidemark::layers::plan
