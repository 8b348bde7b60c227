#include "layers/synthetic/demo_patrols.h"

#include "geo/sensor_range.h"
#include "geo/crs.h"
#include "layers/io/csv_text.h"
#include "layers/plan/patrol_sailing.h"
#include "layers/plan/plan_suggest.h"
#include "layers/workspace.h"
#include "layers/workspace_places.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace tidemark::layers::plan {
namespace {

geo::Problem task_problem(const Task& t, std::string reason) {
    geo::Problem p;
    p.source = "tracks synthesize";
    p.layer = "plan_tasks";
    p.feature = "task " + std::to_string(t.id);
    p.reason = std::move(reason);
    return p;
}

// The first `fraction` of `route` by length, ending where the vessel turned.
std::vector<PlannedWaypoint> route_prefix(const std::vector<PlannedWaypoint>& route, double fraction) {
    double left = fraction * route_length_m(route);
    std::vector<PlannedWaypoint> out{route.front()};
    for (std::size_t i = 1; i < route.size(); ++i) {
        const geo::XY a = route[i - 1].p, b = route[i].p;
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        if (len >= left) {
            const double f = len > 0 ? left / len : 0;
            out.push_back({{a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)}, 0});
            break;
        }
        out.push_back(route[i]);
        left -= len;
    }
    return out;
}

struct Sailing {
    geo::UnixTime from = 0, to = 0;
    std::vector<geo::Fix> fixes;
};

// One vessel's routing and what it has sailed so far.
struct Boat {
    const Vessel* vessel = nullptr;
    PatrolRouter* router = nullptr;          // nullptr: no base to route from
    std::unique_ptr<PatrolRouter> own;       // when the suggestion's router is too small for its tasks
    std::vector<Sailing> sailed;
    int task_sorties = 0, drawn_sorties = 0;

    bool free(geo::UnixTime from, geo::UnixTime to, double turnaround_s) const {
        for (const auto& s : sailed)
            if (from < s.to + turnaround_s && to > s.from - turnaround_s) return false;
        return true;
    }
    // `route` from base and back: the sea legs from the berth to its first waypoint and from
    // its last home, when a router is there.
    std::vector<PlannedWaypoint> via_base(const std::vector<PlannedWaypoint>& route, double* out_m) const {
        *out_m = 0;
        if (!router || !router->berth()) return route;
        const auto first = router->station(route.front().p, 0), last = router->station(route.back().p, 0);
        if (!first || !last) return route;
        std::vector<PlannedWaypoint> full;
        for (const geo::XY& p : router->leg(*router->berth(), *first)) full.push_back({p, 0});
        *out_m = route_length_m(full);
        full.insert(full.end(), route.begin(), route.end());
        for (const geo::XY& p : router->leg(*last, *router->berth())) full.push_back({p, 0});
        return full;
    }
    void sail(const std::vector<PlannedWaypoint>& route, geo::UnixTime start, double speed_kn, geo::SeededRandom& rng) {
        const SailStyle style = sail_style_for(*vessel);
        const auto path = sail_path(route, start, speed_kn, style, router ? &router->grid() : nullptr, rng);
        if (path.size() < 2) return;
        sailed.push_back({path.front().t, path.back().t, log_path(path, style, rng)});
    }
};

}  // namespace

DemoPatrols sail_demo_patrols(const Workspace& ws, const PlanBook& book, const Plan& plan, const PlanCoast& coast,
                              const DemoPatrolOptions& options) {
    DemoPatrols r;
    SuggestOptions suggest;
    suggest.seed = options.seed;
    Suggester suggester(ws, book, plan, coast, suggest);
    if (!suggester.ok()) {
        r.error = suggester.error();
        return r;
    }
    r.problems = suggester.problems();
    const std::vector<Vessel> fleet = load_fleet(ws);
    std::map<std::string, Boat> boats;
    auto boat_of = [&](const Vessel& v) -> Boat& {
        Boat& b = boats[v.name];
        b.vessel = &v;
        return b;
    };
    for (const SuggestAsset& a : suggester.assets())
        if (const Vessel* v = find_vessel(fleet, 0, a.vessel.name)) boat_of(*v).router = a.router.get();

    // The committed tasks, sailed (or not) by their assets.
    std::vector<const Task*> tasks;
    for (const Task* t : book.tasks_of(plan.name))
        if (is_committed(t->status)) tasks.push_back(t);
    std::sort(tasks.begin(), tasks.end(), [](const Task* a, const Task* b) { return a->from < b->from; });
    // Which tasks go wrong: the shares of the tasks (rounded), picked by a seeded shuffle.
    std::map<std::int64_t, TaskSailing> mishaps;
    {
        std::vector<std::int64_t> ids;
        for (const Task* t : tasks) ids.push_back(t->id);
        geo::SeededRandom rng({options.seed, 0x3157});
        for (std::size_t i = ids.size(); i > 1; --i) std::swap(ids[i - 1], ids[rng.below(i)]);
        const auto not_sailed = static_cast<std::size_t>(std::lround(options.not_sailed * ids.size()));
        const auto turned_back = static_cast<std::size_t>(std::lround(options.turned_back * ids.size()));
        for (std::size_t i = 0; i < ids.size() && i < not_sailed + turned_back; ++i)
            mishaps[ids[i]] = i < not_sailed ? TaskSailing::NotSailed : TaskSailing::TurnedBack;
    }
    const std::vector<geo::Polygon> land = land_polygons(ws);
    for (const Task* t : tasks) {
        const Vessel* v = find_vessel(fleet, 0, t->asset);
        if (!v || v->mmsi == 0 || t->route.size() < 2) {
            r.problems.push_back(task_problem(*t, !v ? "its asset '" + t->asset + "' is not in the fleet register: not sailed"
                                                  : v->mmsi == 0 ? "its asset " + v->name + " has no MMSI to log: not sailed"
                                                                 : "no route to sail"));
            continue;
        }
        Boat& boat = boat_of(*v);
        if (!boat.free(t->from, t->to, 0)) {
            r.problems.push_back(task_problem(*t, v->name + " is already at sea on another task then: not sailed"));
            continue;
        }
        // A base farther than the suggestion's reach: a router of its own, as big as the tasks need.
        if (const auto base = port_position(ws, v->home_port); base && !boat.own) {
            double reach = 0;
            for (const Task* u : tasks)
                if (iequals(u->asset, t->asset))
                    for (const auto& w : u->route) reach = std::max(reach, std::hypot(w.p.x - base->x, w.p.y - base->y));
            const bool small = !boat.router || boat.router->grid().width() * boat.router->grid().cell_size() / 2 < reach + 5000;
            if (small) boat.own = std::make_unique<PatrolRouter>(*base, reach + 10000, land), boat.router = boat.own.get();
        }
        geo::SeededRandom rng({options.seed, 0x7a5c, static_cast<std::uint64_t>(t->id)});
        SailedTask outcome{t->id, v->name};
        if (const auto it = mishaps.find(t->id); it != mishaps.end()) {
            outcome.what = it->second;
            outcome.route_fraction = it->second == TaskSailing::NotSailed ? 0 : 0.3 + 0.4 * rng.uniform();
        }
        r.tasks.push_back(outcome);
        if (outcome.what == TaskSailing::NotSailed) continue;
        const auto route = outcome.what == TaskSailing::TurnedBack ? route_prefix(t->route, outcome.route_fraction) : t->route;
        const double speed_kn = t->route_speed_kn > 0 ? t->route_speed_kn : v->cruise_speed_kn;
        double out_m = 0;
        const auto full = boat.via_base(route, &out_m);
        // Leave so as to reach the route's start when the window opens, give or take ten minutes.
        const geo::UnixTime depart = t->from - out_m / (speed_kn * geo::kMetresPerSecondPerKnot) + 600 * (2 * rng.uniform() - 1);
        boat.sail(full, depart, speed_kn, rng);
        ++boat.task_sorties;
    }

    // Days without a task: the drawn suggestion's sortie, sometimes.
    for (int d = 0; d < suggester.days(); ++d) {
        for (const Sortie& s : suggester.draw(d, 0)) {
            const SuggestAsset& a = suggester.assets()[s.asset];
            const Vessel* v = find_vessel(fleet, 0, a.vessel.name);
            if (!v || v->mmsi == 0) continue;
            const bool tasked = std::any_of(tasks.begin(), tasks.end(), [&](const Task* t) {
                return iequals(t->asset, v->name) && t->from < suggester.day_to(d) && t->to > suggester.day_from(d);
            });
            geo::SeededRandom rng({options.seed, 0x50e7, static_cast<std::uint64_t>(d), s.asset});
            Boat& boat = boat_of(*v);
            if (tasked || rng.uniform() >= options.free_day_sorties || !boat.free(s.from, s.to, 2 * 3600)) continue;
            boat.sail(s.route, s.from, a.speed_kn, rng);
            ++boat.drawn_sorties;
        }
    }

    // Per vessel, in time order, with a moored report at the berth either side of each sortie.
    geo::Transformer to_wgs84(ws.crs(), geo::Crs::wgs84());
    auto fix_at = [&](const geo::Fix& f, geo::UnixTime t, bool moored) {
        SyntheticFix out;
        out.t = t;
        out.lonlat = to_wgs84.forward(f.p);
        out.speed_kn = moored ? 0 : f.speed_kn;
        out.course_deg = moored ? 0 : f.course_deg;
        out.moored = moored;
        return out;
    };
    for (const Vessel& v : fleet) {
        auto it = boats.find(v.name);
        if (it == boats.end() || it->second.sailed.empty()) continue;
        Boat& boat = it->second;
        std::sort(boat.sailed.begin(), boat.sailed.end(), [](const Sailing& a, const Sailing& b) { return a.from < b.from; });
        VesselLog log{v, {}, boat.task_sorties, boat.drawn_sorties};
        for (const Sailing& s : boat.sailed) {
            log.fixes.push_back(fix_at(s.fixes.front(), s.fixes.front().t - 60, true));
            for (const geo::Fix& f : s.fixes) log.fixes.push_back(fix_at(f, f.t, false));
            log.fixes.push_back(fix_at(s.fixes.back(), s.fixes.back().t + 60, true));
        }
        r.logs.push_back(std::move(log));
    }
    return r;
}

}  // namespace tidemark::layers::plan
