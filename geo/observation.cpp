#include "geo/observation.h"

#include <algorithm>
#include <cmath>

namespace tidemark::geo {
namespace {

// Intersects [*lo, *hi] with {u : alpha + beta u in [min_v, max_v]}.
void clip_linear(double alpha, double beta, double min_v, double max_v, double* lo, double* hi) {
    if (beta == 0) {
        if (alpha < min_v || alpha > max_v) *lo = 1, *hi = 0;
        return;
    }
    double u0 = (min_v - alpha) / beta, u1 = (max_v - alpha) / beta;
    if (u0 > u1) std::swap(u0, u1);
    *lo = std::max(*lo, u0);
    *hi = std::min(*hi, u1);
}

// {u in [0,1] : |a + d u - q| <= r}, as [lo, hi]; false when empty.
bool within_disc(XY a, XY d, XY q, double r, double* lo, double* hi) {
    const double ex = a.x - q.x, ey = a.y - q.y;
    const double qa = d.x * d.x + d.y * d.y;
    const double qb = 2 * (d.x * ex + d.y * ey);
    const double qc = ex * ex + ey * ey - r * r;
    if (qa == 0) {
        if (qc > 0) return false;
        *lo = 0, *hi = 1;
        return true;
    }
    const double disc = qb * qb - 4 * qa * qc;
    if (disc < 0) return false;
    const double s = std::sqrt(disc);
    *lo = std::max(0.0, (-qb - s) / (2 * qa));
    *hi = std::min(1.0, (-qb + s) / (2 * qa));
    return *lo <= *hi;
}

}  // namespace

bool moving_point_within(XY a, XY b, XY q0, XY q1, double range, double* lo, double* hi) {
    const XY d{b.x - a.x, b.y - a.y};
    double best_lo = 2, best_hi = -1;
    auto absorb = [&](double l, double h) {
        if (l > h) return;
        best_lo = std::min(best_lo, l);
        best_hi = std::max(best_hi, h);
    };
    double l, h;
    if (within_disc(a, d, q0, range, &l, &h)) absorb(l, h);
    if (within_disc(a, d, q1, range, &l, &h)) absorb(l, h);
    const double ex = q1.x - q0.x, ey = q1.y - q0.y;
    const double len2 = ex * ex + ey * ey;
    if (len2 > 0) {
        // Slab: the projection onto the edge falls inside it and the offset is within range.
        const double len = std::sqrt(len2);
        const double wx = a.x - q0.x, wy = a.y - q0.y;
        l = 0, h = 1;
        clip_linear((wx * ex + wy * ey) / len2, (d.x * ex + d.y * ey) / len2, 0, 1, &l, &h);
        clip_linear((ex * wy - ey * wx) / len, (ex * d.y - ey * d.x) / len, -range, range, &l, &h);
        absorb(l, h);
    }
    if (best_lo > best_hi) return false;
    *lo = best_lo;
    *hi = best_hi;
    return true;
}

bool watched(const std::vector<Track>& tracks, const std::vector<double>& range_m, XY p, UnixTime from, UnixTime to) {
    for (std::size_t i = 0; i < tracks.size() && i < range_m.size(); ++i) {
        const double r = range_m[i];
        for (const TrackLeg& leg : tracks[i].legs) {
            const auto& fx = leg.fixes;
            if (fx.empty() || fx.back().t < from || fx.front().t > to) continue;
            if (fx.size() == 1) {
                if (std::hypot(fx[0].p.x - p.x, fx[0].p.y - p.y) <= r) return true;
                continue;
            }
            for (std::size_t k = 1; k < fx.size(); ++k) {
                const Fix& f0 = fx[k - 1];
                const Fix& f1 = fx[k];
                if (f1.t < from || f0.t > to) continue;
                const double dt = f1.t - f0.t;
                double u_from = 0, u_to = 1;
                if (dt > 0) {
                    u_from = std::max(0.0, (from - f0.t) / dt);
                    u_to = std::min(1.0, (to - f0.t) / dt);
                }
                double lo, hi;
                // A stationary point p is a degenerate segment [p, p].
                if (moving_point_within(f0.p, f1.p, p, p, r, &lo, &hi) && lo <= u_to && hi >= u_from) return true;
            }
        }
    }
    return false;
}

}  // namespace tidemark::geo
