#include "geo/geometry.h"

#include <cmath>

namespace tidemark::geo {

Box bounds_of(const Path& path) {
    Box b;
    for (XY p : path) b.expand(p);
    return b;
}

Box Geometry::bounds() const {
    Box b;
    for (XY p : points) b.expand(p);
    for (const Path& l : lines) b.expand(bounds_of(l));
    for (const Polygon& poly : polygons) b.expand(bounds_of(poly.outer));
    return b;
}

std::size_t Geometry::vertex_count() const {
    std::size_t n = points.size();
    for (const Path& l : lines) n += l.size();
    for (const Polygon& poly : polygons) {
        n += poly.outer.size();
        for (const Path& h : poly.holes) n += h.size();
    }
    return n;
}

double length(const Path& path) {
    double sum = 0;
    for (std::size_t i = 1; i < path.size(); ++i)
        sum += std::hypot(path[i].x - path[i - 1].x, path[i].y - path[i - 1].y);
    return sum;
}

double signed_area(const Path& ring) {
    double twice = 0;
    for (std::size_t i = 0, n = ring.size(); n > 1 && i < n; ++i) {
        const XY& a = ring[i];
        const XY& b = ring[(i + 1) % n];
        twice += a.x * b.y - b.x * a.y;
    }
    return twice / 2;
}

double area(const Polygon& polygon) {
    double a = std::abs(signed_area(polygon.outer));
    for (const Path& h : polygon.holes) a -= std::abs(signed_area(h));
    return std::max(a, 0.0);
}

static bool ring_contains(const Path& ring, XY p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const XY& a = ring[i];
        const XY& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

bool contains(const Polygon& polygon, XY p) {
    if (polygon.outer.size() < 3 || !ring_contains(polygon.outer, p)) return false;
    for (const Path& h : polygon.holes)
        if (h.size() >= 3 && ring_contains(h, p)) return false;
    return true;
}

static XY closest_on_segment(XY p, XY a, XY b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    if (len2 == 0) return a;
    double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
    t = std::clamp(t, 0.0, 1.0);
    return {a.x + t * dx, a.y + t * dy};
}

double distance_to_segment(XY p, XY a, XY b) {
    XY c = closest_on_segment(p, a, b);
    return std::hypot(p.x - c.x, p.y - c.y);
}

XY closest_point_on_path(XY p, const Path& path, std::size_t* segment_index) {
    if (path.empty()) return p;
    if (path.size() == 1) {
        if (segment_index) *segment_index = 0;
        return path[0];
    }
    double best = std::numeric_limits<double>::infinity();
    XY best_point = path[0];
    for (std::size_t i = 1; i < path.size(); ++i) {
        XY c = closest_on_segment(p, path[i - 1], path[i]);
        double d = (p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y);
        if (d < best) {
            best = d;
            best_point = c;
            if (segment_index) *segment_index = i - 1;
        }
    }
    return best_point;
}

double distance_to_path(XY p, const Path& path) {
    if (path.empty()) return std::numeric_limits<double>::infinity();
    XY c = closest_point_on_path(p, path);
    return std::hypot(p.x - c.x, p.y - c.y);
}

std::vector<Path> boundaries(const Geometry& geometry) {
    std::vector<Path> out;
    if (geometry.kind == GeometryKind::Line) return geometry.lines;
    for (const Polygon& poly : geometry.polygons) {
        if (!poly.outer.empty()) out.push_back(poly.outer);
        for (const Path& h : poly.holes) out.push_back(h);
    }
    return out;
}

}  // namespace tidemark::geo
