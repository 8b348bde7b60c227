#include "layers/plan/patrol_sailing.h"

#include "geo/sensor_range.h"
#include <algorithm>
#include <cmath>

namespace tidemark::layers::plan {
namespace {

constexpr double kPi = 3.14159265358979323846;

double distance(geo::XY a, geo::XY b) { return std::hypot(b.x - a.x, b.y - a.y); }

bool at_sea(const SeaGrid* grid, geo::XY p) {
    if (!grid) return true;
    int cx, cy;
    grid->cell_of(p, cx, cy);
    return !grid->in_grid(cx, cy) || grid->sea(cx, cy);
}

double room_from_land(const SeaGrid* grid, geo::XY p, double wanted) {
    if (!grid) return wanted;
    int cx, cy;
    grid->cell_of(p, cx, cy);
    if (!grid->in_grid(cx, cy)) return wanted;
    if (!grid->sea(cx, cy)) return 0;
    return std::min(wanted, 0.5 * grid->land_distance_m(cx, cy));
}

struct PathBuilder {
    std::vector<SailPoint> points;
    void add(geo::UnixTime t, geo::XY p) { points.push_back({t, p}); }
    const SailPoint& last() const { return points.back(); }
};

// A transit leg a -> b: points every ~300 m pushed across the line by a slow sine (course-keeping
// wander), tapered to nothing at both ends so the leg meets its waypoints.
void transit(PathBuilder& path, geo::XY b, double speed_ms, const SailStyle& style, const SeaGrid* grid,
             geo::SeededRandom& rng) {
    const geo::XY a = path.last().p;
    const double len = distance(a, b);
    if (len < 1) return;
    const geo::XY along{(b.x - a.x) / len, (b.y - a.y) / len}, across{-along.y, along.x};
    const double wavelength = 3000 + 5000 * rng.uniform(), phase = 2 * kPi * rng.uniform();
    const double amplitude = style.weave_m * (0.5 + 0.5 * rng.uniform());
    const int pieces = std::max(1, static_cast<int>(std::ceil(len / 300)));
    geo::XY prev = a;
    geo::UnixTime t = path.last().t;
    for (int k = 1; k <= pieces; ++k) {
        const double s = len * k / pieces;
        const double taper = std::min({1.0, s / 600, (len - s) / 600});
        const double off = k == pieces ? 0 : amplitude * taper * std::sin(2 * kPi * s / wavelength + phase);
        geo::XY p{a.x + along.x * s + across.x * off, a.y + along.y * s + across.y * off};
        if (!at_sea(grid, p)) p = {a.x + along.x * s, a.y + along.y * s};
        t += distance(prev, p) / speed_ms;
        path.add(t, p);
        prev = p;
    }
}

// Loitering for `seconds` round `w` (the path's last point): slow legs to random points near
// it, now and then a stop to drift, and back on `w` when the time is up.
void loiter(PathBuilder& path, double seconds, const SailStyle& style, const SeaGrid* grid, geo::SeededRandom& rng) {
    const geo::XY w = path.last().p;
    const geo::UnixTime end = path.last().t + seconds;
    const double radius = std::max(100.0, room_from_land(grid, w, style.loiter_radius_m));
    for (int guard = 0; guard < 1000; ++guard) {
        const SailPoint here = path.last();
        if (rng.uniform() < 0.25) {  // stopped, drifting with the tide
            const double hold = 120 + 480 * rng.uniform();
            const geo::XY drift{here.p.x + 60 * (rng.uniform() - 0.5), here.p.y + 60 * (rng.uniform() - 0.5)};
            if (here.t + hold + distance(drift, w) / (style.loiter_kn * geo::kMetresPerSecondPerKnot) > end) break;
            if (at_sea(grid, drift) && distance(drift, w) <= radius) path.add(here.t + hold, drift);
            continue;
        }
        const double r = radius * std::sqrt(rng.uniform()), angle = 2 * kPi * rng.uniform();
        const geo::XY q{w.x + r * std::cos(angle), w.y + r * std::sin(angle)};
        if (!at_sea(grid, q) || (grid && !grid->clear(here.p, q))) continue;
        const double speed = style.loiter_kn * (0.6 + 0.6 * rng.uniform()) * geo::kMetresPerSecondPerKnot;
        const geo::UnixTime arrive = here.t + distance(here.p, q) / speed;
        if (arrive + distance(q, w) / (style.loiter_kn * geo::kMetresPerSecondPerKnot) > end) break;
        path.add(arrive, q);
    }
    path.add(std::max(end, path.last().t + 1), w);
}

}  // namespace

SailStyle sail_style_for(const Vessel& v) {
    SailStyle s;
    if (v.vessel_class == "cutter") {
        s.fix_every_s = 45, s.weave_m = 150, s.loiter_radius_m = 2500, s.loiter_kn = 5, s.dropout_every_h = 6;
    } else if (v.vessel_class == "coastal_patrol_vessel") {
        s.fix_every_s = 30, s.weave_m = 90, s.loiter_radius_m = 1200, s.loiter_kn = 5, s.dropout_every_h = 4;
    } else {  // launches and RHIBs: inshore, low antennas
        s.fix_every_s = 20, s.weave_m = 40, s.loiter_radius_m = 500, s.loiter_kn = 3, s.dropout_every_h = 2.5;
    }
    return s;
}

std::vector<SailPoint> sail_path(const std::vector<PlannedWaypoint>& route, geo::UnixTime start, double speed_kn,
                                 const SailStyle& style, const SeaGrid* grid, geo::SeededRandom& rng) {
    PathBuilder path;
    if (route.empty() || !(speed_kn > 0)) return path.points;
    path.add(start, route.front().p);
    for (std::size_t i = 0; i < route.size(); ++i) {
        if (i > 0) transit(path, route[i].p, speed_kn * (0.94 + 0.09 * rng.uniform()) * geo::kMetresPerSecondPerKnot, style, grid, rng);
        if (route[i].loiter_min > 0) loiter(path, route[i].loiter_min * 60, style, grid, rng);
    }
    return path.points;
}

std::vector<geo::Fix> log_path(const std::vector<SailPoint>& path, const SailStyle& style, geo::SeededRandom& rng) {
    std::vector<geo::Fix> out;
    if (path.empty()) return out;
    auto fix_on = [&](std::size_t seg, geo::UnixTime t) {  // on the segment path[seg] -> path[seg + 1]
        const SailPoint& a = path[seg];
        const SailPoint& b = path[std::min(seg + 1, path.size() - 1)];
        const double dt = b.t - a.t, f = dt > 0 ? std::clamp((t - a.t) / dt, 0.0, 1.0) : 1.0;
        geo::Fix x;
        x.t = t;
        x.p = {a.p.x + f * (b.p.x - a.p.x), a.p.y + f * (b.p.y - a.p.y)};
        const double len = distance(a.p, b.p);
        x.speed_kn = dt > 0 ? len / dt / geo::kMetresPerSecondPerKnot : 0;
        x.course_deg = len > 0 ? std::fmod(450 - std::atan2(b.p.y - a.p.y, b.p.x - a.p.x) * 180 / kPi, 360) : 0;
        return x;
    };
    const double dropout_every_s = style.dropout_every_h * 3600;
    auto next_dropout = [&](geo::UnixTime after) { return after - std::log(1 - rng.uniform()) * dropout_every_s; };
    geo::UnixTime dropout_from = next_dropout(path.front().t), dropout_to = 0;
    out.push_back(fix_on(0, path.front().t));
    std::size_t seg = 0;
    for (geo::UnixTime t = path.front().t + style.fix_every_s * (0.6 + 0.8 * rng.uniform()); t < path.back().t;
         t += style.fix_every_s * (0.6 + 0.8 * rng.uniform())) {
        if (t >= dropout_from) {
            dropout_to = dropout_from + 60 * (2 + (style.dropout_max_min - 2) * rng.uniform());
            dropout_from = next_dropout(dropout_to);
        }
        if (t < dropout_to) continue;
        while (seg + 1 < path.size() && path[seg + 1].t <= t) ++seg;
        out.push_back(fix_on(seg, t));
    }
    const geo::Fix last = fix_on(path.size() > 1 ? path.size() - 2 : 0, path.back().t);
    if (last.t > out.back().t) out.push_back(last);
    return out;
}

}  // namespace tidemark::layers::plan
