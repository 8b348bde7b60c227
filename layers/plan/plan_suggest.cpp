#include "layers/plan/plan_suggest.h"

#include "geo/dependent_rounding.h"
#include "geo/duration.h"
#include "geo/gaps.h"
#include "geo/sensor_range.h"
#include "layers/io/csv_text.h"
#include "layers/plan/plan_check.h"
#include "layers/workspace.h"
#include "layers/workspace_places.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tidemark::layers::plan {
namespace {

geo::Problem asset_problem(const std::string& vessel, std::string reason) {
    geo::Problem p;
    p.source = "plan suggest";
    p.layer = kFleetLayer;
    p.feature = vessel;
    p.reason = std::move(reason);
    return p;
}

// How far off the coast a class keeps: cutters offshore, small craft inshore.
double standoff_for(const Vessel& v) {
    if (v.vessel_class == "cutter") return 3000;
    if (v.vessel_class == "coastal_patrol_vessel") return 1500;
    return 500;
}

// Runs of about `per` consecutive segments along each coastline line.
std::vector<std::vector<std::uint32_t>> cut_targets(const PlanCoast& coast, std::size_t per) {
    std::vector<std::vector<std::uint32_t>> out;
    const auto& segs = coast.segments;
    for (std::size_t b = 0, e; b < segs.size(); b = e) {
        for (e = b + 1; e < segs.size() && segs[e].line_id == segs[b].line_id;) ++e;
        const std::size_t n = e - b, pieces = std::max<std::size_t>(1, (n + per / 2) / per);
        for (std::size_t k = 0; k < pieces; ++k) {
            std::vector<std::uint32_t> run;
            for (std::size_t i = b + k * n / pieces; i < b + (k + 1) * n / pieces; ++i) run.push_back(static_cast<std::uint32_t>(i));
            if (!run.empty()) out.push_back(std::move(run));
        }
    }
    return out;
}

}  // namespace

std::vector<geo::Interval> free_spans(geo::UnixTime from, geo::UnixTime to, std::vector<geo::Interval> busy) {
    std::sort(busy.begin(), busy.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
    std::vector<geo::Interval> out;
    geo::UnixTime t = from;
    for (const auto& b : busy) {
        if (b.to <= t || b.from >= to) continue;
        if (b.from > t) out.push_back({t, b.from});
        t = std::max(t, b.to);
    }
    if (t < to) out.push_back({t, to});
    return out;
}

Suggester::Suggester(const Workspace& ws, const PlanBook& book, const Plan& plan, const PlanCoast& coast,
                     const SuggestOptions& options)
    : options_(options) {
    if (coast.segments.empty()) {
        error_ = "the workspace has no coastline to suggest patrols on";
        return;
    }
    if (options.visits_per_sortie < 1 || options.visits_per_sortie > 6) {
        error_ = "--visits must be between 1 and 6 stretches a sortie";
        return;
    }
    if (!(options.stretch_km > 0) || !(options.sortie_h > 0) || options.loiter_min < 0) {
        error_ = "--stretch-km and --sortie-h must be positive and --loiter not negative";
        return;
    }
    // Days of the period.
    const int period_days = static_cast<int>(std::ceil((plan.to - plan.from) / 86400.0 - 1e-9));
    const int days = options.days > 0 ? options.days : period_days;
    if (days > period_days) {
        error_ = "--days " + std::to_string(days) + " runs past the end of plan '" + plan.name + "' (" + std::to_string(period_days) +
                 " day(s) long)";
        return;
    }
    for (int d = 0; d < days; ++d) {
        day_from_.push_back(plan.from + d * 86400.0);
        day_to_.push_back(std::min(plan.to, plan.from + (d + 1) * 86400.0));
    }

    // Targets and their risk.
    const LastGaps last = last_period_gaps(ws, coast);
    if (!last.ok)
        problems_.push_back(asset_problem("", "last period's gaps are unknown (" + last.why +
                                                  "): stretch risk from length, ports and nothing else"));
    std::vector<double> worst_gap(coast.segments.size(), 0);
    if (last.ok)
        for (const geo::Gap& g : last.analysis.gaps)
            for (auto i : g.segments) worst_gap[i] = std::max(worst_gap[i], g.worst_gap_s);
    const SegmentObjectives objectives = segment_objectives(plan, coast);
    const double revisit = last.ok && last.revisit_s > 0 ? last.revisit_s : plan.revisit_s;
    const auto per = static_cast<std::size_t>(std::max(1.0, std::round(options.stretch_km * 1000 / plan.segment_m)));
    for (auto& run : cut_targets(coast, per)) {
        SuggestTarget t;
        t.stretch = {run.front(), run.back()};
        t.objective_s = std::numeric_limits<double>::infinity();
        geo::Box box;
        for (auto i : run) {
            t.length_m += coast.segments[i].length_m;
            t.last_gap_s = std::max(t.last_gap_s, worst_gap[i]);
            if (last.ok) t.reports += last.segment_reports[i];
            t.objective_s = std::min(t.objective_s, objectives.target_s[i]);
            t.risk_accepted = t.risk_accepted || objectives.risk_accepted[i];
            box.expand(coast.segments[i].box);
        }
        for (const geo::XY& p : coast.ports) {
            if (p.x < box.min_x - geo::kNearM || p.x > box.max_x + geo::kNearM || p.y < box.min_y - geo::kNearM ||
                p.y > box.max_y + geo::kNearM)
                continue;
            for (auto i : run)
                if (geo::distance_to_path(p, coast.segments[i].path) <= geo::kNearM) {
                    ++t.ports;
                    break;
                }
        }
        t.risk = geo::gap_risk(t.length_m, std::max(revisit, t.last_gap_s), revisit, t.ports, t.reports);
        t.segments = std::move(run);
        targets_.push_back(std::move(t));
    }

    // Assets.
    std::vector<const Vessel*> chosen;
    const std::vector<Vessel> fleet = load_fleet(ws);
    if (options.assets.empty()) {
        for (const Vessel& v : fleet) chosen.push_back(&v);
    } else {
        for (const std::string& name : options.assets) {
            const Vessel* v = find_vessel(fleet, 0, name);
            if (!v) {
                error_ = "asset '" + name + "' is not in the fleet register; expected a vessel name from the fleet table";
                return;
            }
            chosen.push_back(v);
        }
    }
    const std::vector<geo::Polygon> land = land_polygons(ws);
    const int k = options.visits_per_sortie;
    for (const Vessel* v : chosen) {
        SuggestAsset a;
        a.vessel = *v;
        const Agency* agency = book.find_agency(v->agency);
        if (!agency) {
            problems_.push_back(asset_problem(v->name, "its agency '" + v->agency + "' is not a plan agency: left out"));
            continue;
        }
        a.agency = agency->code;
        if (!(v->cruise_speed_kn > 0) || !(v->endurance_h > 0)) {
            problems_.push_back(asset_problem(v->name, "no cruise speed or endurance in the fleet register: left out"));
            continue;
        }
        const std::optional<geo::XY> base = port_position(ws, v->home_port);
        if (!base) {
            problems_.push_back(asset_problem(v->name, v->home_port.empty() ? "no base port (home_port) in the fleet register: left out"
                                                                            : "base port '" + v->home_port +
                                                                                  "' is not in the workspace's ports layer: left out"));
            continue;
        }
        a.base = v->home_port;
        a.speed_kn = v->cruise_speed_kn;
        a.sortie_h = std::min(options.sortie_h, v->endurance_h);
        a.standoff_m = standoff_for(*v);
        for (const auto& off : v->unavailable) a.busy.push_back(off);
        for (const Task& t : book.tasks)
            if (is_live(t.status) && iequals(t.asset, v->name)) a.busy.push_back({t.from, t.to});
        // Each visit's round trip must fit in sortie_h / k, so the one-way reach is a (2k)-th of a
        // sortie's run; two minutes a visit are kept for rounding task windows up to whole minutes.
        const double leg_s = a.sortie_h * 3600 / k;
        const double transit_s = leg_s - options.loiter_min * 60 - 120;
        if (transit_s <= 0) {
            problems_.push_back(asset_problem(v->name, "a sortie of " + std::to_string(a.sortie_h).substr(0, 4) + " h holds no " +
                                                           std::to_string(k) + " loiters: left out"));
            continue;
        }
        const double speed = a.speed_kn * geo::kMetresPerSecondPerKnot;
        const double reach_m = speed * transit_s / 2;
        const geo::XY base_xy = *base;
        a.router = std::make_unique<PatrolRouter>(base_xy, reach_m + 5000, land);
        const auto berth = a.router->berth();
        if (!berth) {
            problems_.push_back(asset_problem(v->name, "no sea near base port " + a.base + ": left out"));
            continue;
        }
        for (std::uint32_t ti = 0; ti < targets_.size(); ++ti) {
            const SuggestTarget& t = targets_[ti];
            const geo::XY first = coast.segments[t.segments.front()].midpoint, lastp = coast.segments[t.segments.back()].midpoint;
            if (std::hypot(first.x - base_xy.x, first.y - base_xy.y) > reach_m + 5000 ||
                std::hypot(lastp.x - base_xy.x, lastp.y - base_xy.y) > reach_m + 5000)
                continue;
            bool responsible = false;
            for (auto i : t.segments) {
                if (i < plan.lead.size() && plan.lead[i] == a.agency) responsible = true;
                if (i < plan.support.size())
                    for (const auto& s : plan.support[i]) responsible = responsible || s == a.agency;
            }
            if (!responsible) continue;
            const auto sa = a.router->station(first, a.standoff_m), sb = a.router->station(lastp, a.standoff_m);
            if (!sa || !sb) continue;
            const double out = a.router->length(*berth, *sa);
            if (!(out / speed <= transit_s)) continue;
            const double round = out + a.router->length(*sa, *sb) + a.router->length(*sb, *berth);
            if (!(round / speed <= transit_s)) continue;
            a.reach.push_back(ti);
            a.stations[ti] = {*sa, *sb};
        }
        if (a.reach.empty()) {
            problems_.push_back(asset_problem(v->name, "no stretch its agency leads or supports is within a round trip of " +
                                                           geo::format_duration(leg_s) + " from " + a.base + ": left out"));
            continue;
        }
        assets_.push_back(std::move(a));
    }
    if (assets_.empty()) {
        error_ = "no asset can patrol: see the problems listed";
        return;
    }

    // Per day: the assets with a free span holding a whole sortie, and the game over them.
    std::vector<double> risk;
    for (const auto& t : targets_) risk.push_back(t.risk);
    std::map<std::vector<std::size_t>, geo::GameCoverage> solved;
    for (int d = 0; d < days; ++d) {
        std::vector<std::size_t> used;
        for (std::size_t ai = 0; ai < assets_.size(); ++ai)
            for (const auto& f : free_spans(day_from_[d], day_to_[d], assets_[ai].busy))
                if (f.duration() >= assets_[ai].sortie_h * 3600) {
                    used.push_back(ai);
                    break;
                }
        auto it = solved.find(used);
        if (it == solved.end()) {
            std::vector<geo::PatrolResource> res;
            for (std::size_t ai : used) res.push_back({static_cast<double>(k), assets_[ai].reach});
            it = solved.emplace(used, geo::solve_patrol_coverage(risk, res)).first;
        }
        day_assets_.push_back(used);
        coverage_.push_back(it->second);
    }
}

std::vector<Sortie> Suggester::draw(int day, std::uint64_t draw) {
    geo::SeededRandom rng({options_.seed, draw, static_cast<std::uint64_t>(day)});
    const auto& used = day_assets_[day];
    const auto& edges = coverage_[day].edges;
    const auto chosen = geo::dependent_rounding(edges, used.size(), targets_.size(), rng);
    std::vector<std::vector<std::uint32_t>> per(used.size());
    for (std::size_t e = 0; e < edges.size(); ++e)
        if (chosen[e]) per[edges[e].resource].push_back(edges[e].target);
    std::vector<Sortie> out;
    for (std::size_t r = 0; r < used.size(); ++r)
        if (!per[r].empty()) out.push_back(route_sortie(used[r], day, std::move(per[r]), rng));
    return out;
}

Sortie Suggester::route_sortie(std::size_t ai, int day, std::vector<std::uint32_t> chosen, geo::SeededRandom& rng) {
    SuggestAsset& a = assets_[ai];
    PatrolRouter& router = *a.router;
    const PatrolRouter::Cell berth = *router.berth();
    // The shortest order and direction through the chosen stretches (at most 6! x 2^6 tries).
    std::sort(chosen.begin(), chosen.end());
    double best = std::numeric_limits<double>::infinity();
    std::vector<std::pair<std::uint32_t, bool>> best_order;  // target, entered from its far end
    do {
        for (unsigned flips = 0; flips < (1u << chosen.size()); ++flips) {
            double m = 0;
            PatrolRouter::Cell at = berth;
            for (std::size_t i = 0; i < chosen.size() && m < best; ++i) {
                auto [s0, s1] = a.stations.at(chosen[i]);
                if (flips >> i & 1) std::swap(s0, s1);
                m += router.length(at, s0) + router.length(s0, s1);
                at = s1;
            }
            m += router.length(at, berth);
            if (m < best) {
                best = m;
                best_order.clear();
                for (std::size_t i = 0; i < chosen.size(); ++i) best_order.push_back({chosen[i], (flips >> i & 1) != 0});
            }
        }
    } while (std::next_permutation(chosen.begin(), chosen.end()));

    Sortie s;
    s.asset = ai;
    s.day = day;
    const double speed = a.speed_kn * geo::kMetresPerSecondPerKnot, loiter = options_.loiter_min;
    const double budget_s = a.sortie_h * 3600;
    // Each stretch's round trip fits in budget/k by construction of the reach, so visiting them
    // from base in turn always fits; the shortest order is kept when it fits too.
    s.via_base = !(best / speed + (loiter + 1) * 60 * chosen.size() + 60 <= budget_s);
    // Always ends with a waypoint at `to` (twice the same point when from == to: a part is never empty).
    auto add_leg = [&](PatrolRouter::Cell from, PatrolRouter::Cell to) {
        const auto& leg = router.leg(from, to);
        if (leg.size() == 1) s.route.push_back({leg[0], 0});
        for (std::size_t i = 1; i < leg.size(); ++i) s.route.push_back({leg[i], 0});
    };
    s.route.push_back({router.at(berth), 0});
    PatrolRouter::Cell at = berth;
    for (auto [target, flipped] : best_order) {
        auto [s0, s1] = a.stations.at(target);
        if (flipped) std::swap(s0, s1);
        if (s.via_base && at != berth) add_leg(at, berth), at = berth;
        add_leg(at, s0);
        if (s0 == s1) {
            s.route.back().loiter_min = loiter;
        } else {
            s.route.back().loiter_min = loiter / 2;
            add_leg(s0, s1);
            s.route.back().loiter_min = loiter / 2;
        }
        s.targets.push_back(target);
        s.part_end.push_back(s.route.size() - 1);
        at = s1;
    }
    add_leg(at, berth);
    s.part_end.back() = s.route.size() - 1;  // the last part sails home
    s.length_m = route_length_m(s.route);

    // Timing: each part rounded up to whole minutes, so task windows hold their routes.
    std::vector<double> part_s;
    std::size_t begin = 0;
    for (std::size_t p = 0; p < s.part_end.size(); ++p) {
        double t = route_length_m(s.route, begin, s.part_end[p]) / speed;
        for (std::size_t i = begin + (p > 0); i <= s.part_end[p]; ++i) t += s.route[i].loiter_min * 60;
        part_s.push_back(std::ceil(t / 60 - 1e-9) * 60);
        begin = s.part_end[p];
    }
    const double duration = std::accumulate(part_s.begin(), part_s.end(), 0.0);
    // A random start among the free spans that hold the sortie, uniform over the possible starts.
    std::vector<geo::Interval> starts;
    double room = 0;
    for (const auto& f : free_spans(day_from_[day], day_to_[day], a.busy))
        if (f.duration() >= duration) starts.push_back({f.from, f.to - duration}), room += f.to - duration - f.from;
    double pick = rng.uniform() * room;
    s.from = starts.empty() ? day_from_[day] : starts.back().from;
    for (const auto& st : starts) {
        if (pick <= st.to - st.from) {
            // Whole minutes, as a planner would write it, when the span allows.
            s.from = std::floor((st.from + pick) / 60) * 60;
            if (s.from < st.from) s.from = std::ceil(st.from / 60) * 60;
            if (s.from > st.to) s.from = st.from;
            break;
        }
        pick -= st.to - st.from;
    }
    geo::UnixTime t = s.from;
    for (double p : part_s) s.part_to.push_back(t += p);
    s.to = t;
    return s;
}

}  // namespace tidemark::layers::plan
