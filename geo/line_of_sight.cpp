#include "geo/line_of_sight.h"

#include <cmath>

namespace tidemark::geo {
namespace {

double orient(XY a, XY b, XY c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

bool on_segment(XY a, XY b, XY p) {
    return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y && p.y <= std::max(a.y, b.y);
}

int sign(double v) { return (v > 0) - (v < 0); }

}  // namespace

bool segments_intersect(XY p1, XY p2, XY q1, XY q2) {
    const int d1 = sign(orient(q1, q2, p1)), d2 = sign(orient(q1, q2, p2));
    const int d3 = sign(orient(p1, p2, q1)), d4 = sign(orient(p1, p2, q2));
    if (d1 * d2 < 0 && d3 * d4 < 0) return true;
    return (d1 == 0 && on_segment(q1, q2, p1)) || (d2 == 0 && on_segment(q1, q2, p2)) ||
           (d3 == 0 && on_segment(p1, p2, q1)) || (d4 == 0 && on_segment(p1, p2, q2));
}

LandMask::LandMask(const std::vector<Path>& land_boundaries) {
    std::vector<Box> boxes;
    for (const Path& path : land_boundaries)
        for (std::size_t i = 1; i < path.size(); ++i) {
            if (path[i] == path[i - 1]) continue;
            edges_.push_back({path[i - 1], path[i]});
            Box b;
            b.expand(path[i - 1]);
            b.expand(path[i]);
            boxes.push_back(b);
        }
    index_ = SpatialIndex(boxes);
}

bool LandMask::sight_clear(XY observer, XY target, double allowance_m) const {
    const double dx = target.x - observer.x, dy = target.y - observer.y;
    const double len = std::hypot(dx, dy);
    if (len <= allowance_m) return true;
    const double f = (len - allowance_m) / len;
    const XY end{observer.x + f * dx, observer.y + f * dy};
    Box query;
    query.expand(observer);
    query.expand(end);
    bool clear = true;
    index_.query(query, [&](std::uint32_t id) {
        if (segments_intersect(observer, end, edges_[id].a, edges_[id].b)) clear = false;
        return clear;
    });
    return clear;
}

}  // namespace tidemark::geo
