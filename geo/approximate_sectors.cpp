#include "geo/approximate_sectors.h"

#include "geo/geos_support.h"
#include "geo/spatial_index.h"

#include <cmath>
#include <limits>
#include <map>

namespace tidemark::geo {
namespace {

struct Snap {
    std::size_t ring = 0, vertex = 0;
    double distance = std::numeric_limits<double>::infinity();
};

Snap snap(const std::vector<Path>& rings, XY p) {
    Snap best;
    for (std::size_t r = 0; r < rings.size(); ++r)
        for (std::size_t v = 0; v < rings[r].size(); ++v) {
            double d = std::hypot(rings[r][v].x - p.x, rings[r][v].y - p.y);
            if (d < best.distance) best = {r, v, d};
        }
    return best;
}

// Vertices walked clockwise from `from` to `to` on a closed ring (first == last).
Path walk_clockwise(const Path& ring, std::size_t from, std::size_t to) {
    const std::size_t n = ring.size() - 1;  // distinct vertices
    const bool ccw = signed_area(ring) > 0;
    Path out;
    for (std::size_t i = from % n;; i = ccw ? (i + n - 1) % n : (i + 1) % n) {
        out.push_back(ring[i]);
        if (i == to % n || out.size() > n) break;
    }
    return out;
}

// Points every `spacing` metres along the path (vertices of long edges are interpolated), ends included.
void sample(const Path& path, double spacing, std::vector<XY>& out) {
    if (path.empty()) return;
    out.push_back(path[0]);
    double carried = 0;  // distance walked since the last sample
    for (std::size_t i = 1; i < path.size(); ++i) {
        const XY a = path[i - 1], b = path[i];
        const double edge = std::hypot(b.x - a.x, b.y - a.y);
        double at = spacing - carried;  // position of the next sample along this edge
        for (; at < edge; at += spacing) out.push_back({a.x + (b.x - a.x) * at / edge, a.y + (b.y - a.y) * at / edge});
        carried = edge - (at - spacing);
    }
    if (!(out.back() == path.back())) out.push_back(path.back());
}

}  // namespace

std::vector<Sector> approximate_sectors(const std::vector<Path>& rings, const std::vector<CoastStretch>& stretches,
                                        Problems& problems, double spacing_m, double margin_m, double snap_m) {
    std::vector<XY> samples;
    std::vector<std::size_t> owner;  // index into `sectors` per sample
    std::vector<Sector> sectors;
    std::map<std::string, std::size_t> by_code;
    Box extent;
    for (const Path& r : rings) extent.expand(bounds_of(r));

    for (const CoastStretch& s : stretches) {
        Snap a = snap(rings, s.start), b = snap(rings, s.end);
        auto report = [&](const std::string& why) {
            Problem p;
            p.feature = s.code + " " + s.name;
            p.reason = why + ": stretch skipped";
            problems.push_back(p);
        };
        if (a.distance > snap_m || b.distance > snap_m) {
            report("start or end lies " + std::to_string(static_cast<long>(std::max(a.distance, b.distance))) +
                   " m from the coastline (expected within " + std::to_string(static_cast<long>(snap_m)) + " m)");
            continue;
        }
        if (a.ring != b.ring) {
            report("start and end lie on different coastline rings (islands?)");
            continue;
        }
        Path walked = walk_clockwise(rings[a.ring], a.vertex, b.vertex);
        auto [it, inserted] = by_code.try_emplace(s.code, sectors.size());
        if (inserted) sectors.push_back({s.code, s.name, {}, 0});
        sectors[it->second].coast_length_m += length(walked);
        sample(walked, spacing_m, samples);
        owner.resize(samples.size(), it->second);
    }
    if (samples.size() < 2) return sectors;

    GEOSContextHandle_t h = geos::context();
    const Box env_box = extent.grown(margin_m);
    Polygon env_poly{{{env_box.min_x, env_box.min_y}, {env_box.max_x, env_box.min_y}, {env_box.max_x, env_box.max_y},
                      {env_box.min_x, env_box.max_y}, {env_box.min_x, env_box.min_y}}, {}};
    geos::GeomPtr envelope = geos::to_geos(env_poly);
    geos::GeomPtr points = geos::to_geos(samples);
    geos::GeomPtr cells(GEOSVoronoiDiagram_r(h, points.get(), envelope.get(), 1.0, 0));
    if (!cells) {
        Problem p;
        p.reason = "GEOS could not build the Voronoi diagram of the coast samples";
        problems.push_back(p);
        return sectors;
    }
    // Each cell holds exactly one sample: find it through an index of the samples.
    std::vector<Box> sample_boxes;
    for (XY p : samples) sample_boxes.push_back({p.x, p.y, p.x, p.y});
    SpatialIndex index(sample_boxes);
    std::vector<std::vector<GEOSGeometry*>> parts(sectors.size());
    for (int i = 0, n = GEOSGetNumGeometries_r(h, cells.get()); i < n; ++i) {
        const GEOSGeometry* cell = GEOSGetGeometryN_r(h, cells.get(), i);
        std::vector<Polygon> polys;
        geos::collect_polygons(cell, polys);
        if (polys.empty()) continue;
        std::int64_t found = -1;
        index.query(bounds_of(polys[0].outer), [&](std::uint32_t id) {
            if (contains(polys[0], samples[id])) found = id;
            return found < 0;
        });
        if (found >= 0) parts[owner[found]].push_back(GEOSGeom_clone_r(h, cell));
    }
    for (std::size_t s = 0; s < sectors.size(); ++s) {
        if (parts[s].empty()) continue;
        geos::GeomPtr collection(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts[s].data(),
                                                             static_cast<unsigned>(parts[s].size())));
        geos::GeomPtr merged(GEOSUnaryUnion_r(h, collection.get()));
        geos::GeomPtr clipped(merged ? GEOSIntersection_r(h, merged.get(), envelope.get()) : nullptr);
        if (clipped) geos::collect_polygons(clipped.get(), sectors[s].polygons);
    }
    return sectors;
}

}  // namespace tidemark::geo
