// The coverage benchmark's month of patrols (coverage_bench, plan_bench): vessels running round
// the longest coast ring a few km to seaward, a fix every few seconds, physically possible.
#pragma once

#include "geo/geometry.h"
#include "geo/track.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace tidemark::bench {

// A point at arc length s (wrapping round) along a closed ring with cumulative lengths `along`.
inline geo::XY point_at(const geo::Path& ring, const std::vector<double>& along, double s) {
    const double total = along.back();
    s = std::fmod(s, total);
    if (s < 0) s += total;
    const auto edge = static_cast<std::size_t>(std::upper_bound(along.begin(), along.end(), s) - along.begin());
    const std::size_t e = std::clamp<std::size_t>(edge, 1, along.size() - 1);
    const double len = std::max(along[e] - along[e - 1], 1e-9);
    const double f = std::clamp((s - along[e - 1]) / len, 0.0, 1.0);
    return {ring[e - 1].x + f * (ring[e].x - ring[e - 1].x), ring[e - 1].y + f * (ring[e].y - ring[e - 1].y)};
}

// `vessels` patrols running round the longest coast ring, 3 km to seaward, at 6 m/s (11.7 kn),
// evenly spaced along it, one fix every `step_s` for `days`. The seaward offset follows the
// ring's direction over 6 km (not each edge's), and the vessel steers towards that point at no
// more than 25 kn, so it never jumps: a track that passes the track builder's speed check, as
// real ones do. (Offsetting each edge by its own normal made jumps of up to 6 km in 10 s.)
inline std::vector<geo::Track> synthetic_patrols(const std::vector<geo::Path>& lines, int vessels, double days, double step_s,
                                          geo::UnixTime t0) {
    const geo::Path* ring = &lines.front();
    double best = 0;
    for (const auto& l : lines)
        if (double len = geo::length(l); len > best) best = len, ring = &l;
    const double sea_side = geo::signed_area(*ring) > 0 ? -1.0 : 1.0;  // CCW land: the sea is on the right
    std::vector<double> along(ring->size(), 0.0);
    for (std::size_t i = 1; i < ring->size(); ++i)
        along[i] = along[i - 1] + std::hypot((*ring)[i].x - (*ring)[i - 1].x, (*ring)[i].y - (*ring)[i - 1].y);
    const double total = along.back();
    constexpr double kOffsetM = 3000, kHeadingWindowM = 3000, kMaxSpeedMs = 25 * 1852.0 / 3600;
    const auto fixes = static_cast<std::size_t>(days * 86400 / step_s);
    std::vector<geo::Track> tracks;
    for (int v = 0; v < vessels; ++v) {
        geo::Track t;
        t.vessel = "Cutter " + std::to_string(v + 1);
        t.synthetic = true;
        geo::TrackLeg leg;
        leg.fixes.reserve(fixes);
        for (std::size_t k = 0; k < fixes; ++k) {
            const double s = total * v / vessels + 6.0 * step_s * static_cast<double>(k + 1);
            const geo::XY c = point_at(*ring, along, s);
            const geo::XY behind = point_at(*ring, along, s - kHeadingWindowM), ahead = point_at(*ring, along, s + kHeadingWindowM);
            const double dx = ahead.x - behind.x, dy = ahead.y - behind.y;
            const double len = std::max(std::hypot(dx, dy), 1e-9);
            const double nx = -dy / len, ny = dx / len;  // left normal of the heading
            geo::XY p{c.x - sea_side * kOffsetM * nx, c.y - sea_side * kOffsetM * ny};
            if (!leg.fixes.empty()) {
                const geo::XY from = leg.fixes.back().p;
                const double jump = std::hypot(p.x - from.x, p.y - from.y), most = kMaxSpeedMs * step_s;
                if (jump > most) p = {from.x + (p.x - from.x) * most / jump, from.y + (p.y - from.y) * most / jump};
            }
            leg.fixes.push_back({t0 + static_cast<double>(k) * step_s, p});
        }
        t.legs.push_back(std::move(leg));
        tracks.push_back(std::move(t));
    }
    return tracks;
}

// The fastest any patrol sails between consecutive fixes, knots: shows the input is a possible track.
}  // namespace tidemark::bench
