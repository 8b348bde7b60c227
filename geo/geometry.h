// Planar geometry in the working CRS (metres). Plain structs, no GEOS or GDAL types,
// so every module and the UI can hold them cheaply.
#pragma once

#include <algorithm>
#include <limits>
#include <vector>

namespace tidemark::geo {

struct XY {
    double x = 0;
    double y = 0;
    friend bool operator==(const XY&, const XY&) = default;
};

// Axis-aligned box; default-constructed boxes are empty (min > max) and absorb anything.
struct Box {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x || min_y > max_y; }
    void expand(XY p) {
        min_x = std::min(min_x, p.x); min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x); max_y = std::max(max_y, p.y);
    }
    void expand(const Box& b) {
        if (b.empty()) return;
        expand(XY{b.min_x, b.min_y}); expand(XY{b.max_x, b.max_y});
    }
    Box grown(double d) const { return {min_x - d, min_y - d, max_x + d, max_y + d}; }
    bool intersects(const Box& b) const {
        return !(b.min_x > max_x || b.max_x < min_x || b.min_y > max_y || b.max_y < min_y);
    }
    bool contains(XY p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    XY centre() const { return {(min_x + max_x) / 2, (min_y + max_y) / 2}; }
};

// Coordinates of a place on the Earth in a projected CRS in metres stay within +-2.1e7 m (half
// the equator is 2.004e7 m; UTM northings reach 1e7). A value beyond is corrupt (a vertex at
// 1e11 m), and grids or segment counts sized from it exhaust memory.
inline constexpr double kMaxProjectedMetres = 2.1e7;
inline constexpr const char* kPlausibleProjectedText = "expected metres within +-21,000 km of the origin";
inline bool plausible_projected(XY p) {
    return p.x >= -kMaxProjectedMetres && p.x <= kMaxProjectedMetres && p.y >= -kMaxProjectedMetres &&
           p.y <= kMaxProjectedMetres;
}

using Path = std::vector<XY>;  // a polyline, or a ring (closed: first == last)

struct Polygon {
    Path outer;
    std::vector<Path> holes;
};

enum class GeometryKind { None, Point, Line, Polygon };

// One feature's geometry. Multi-geometries are the natural case (coastlines are
// MultiPolygons of hundreds of islands), so every kind holds a list of parts.
struct Geometry {
    GeometryKind kind = GeometryKind::None;
    std::vector<XY> points;         // kind == Point
    std::vector<Path> lines;        // kind == Line
    std::vector<Polygon> polygons;  // kind == Polygon

    bool empty() const { return points.empty() && lines.empty() && polygons.empty(); }
    Box bounds() const;
    std::size_t vertex_count() const;
};

Box bounds_of(const Path& path);
double length(const Path& path);
double signed_area(const Path& ring);  // > 0 when counter-clockwise
double area(const Polygon& polygon);   // outer minus holes, always >= 0
bool contains(const Polygon& polygon, XY p);  // even-odd rule, boundary undefined
double distance_to_segment(XY p, XY a, XY b);
double distance_to_path(XY p, const Path& path);
// Closest point on the path to p; `segment_index` receives the index of the segment it lies on.
XY closest_point_on_path(XY p, const Path& path, std::size_t* segment_index = nullptr);
// Boundaries of polygons as lines (outer and holes); the coastline of land polygons.
std::vector<Path> boundaries(const Geometry& geometry);

}  // namespace tidemark::geo
