#include "layers/coast_index.h"

#include "geo/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tidemark::layers {
namespace {
constexpr std::size_t kRunVertices = 32;  // vertices per indexed run of a coastline path
}

CoastIndex::CoastIndex(const Layer& coast) {
    for (const Feature& f : coast.features()) {
        for (const geo::Path& l : f.geometry.lines) paths_.push_back(l);
        for (const geo::Polygon& p : f.geometry.polygons) {
            polygons_.push_back(p);
            paths_.push_back(p.outer);
            for (const geo::Path& h : p.holes) paths_.push_back(h);
        }
    }
    std::vector<geo::Box> boxes;
    for (std::size_t k = 0; k < paths_.size(); ++k) {
        const geo::Path& path = paths_[k];
        for (std::size_t first = 0; first + 1 < path.size(); first += kRunVertices) {
            const std::size_t last = std::min(path.size() - 1, first + kRunVertices);
            geo::Box b;
            for (std::size_t i = first; i <= last; ++i) b.expand(path[i]);
            runs_.push_back({k, first, last});
            boxes.push_back(b);
        }
    }
    run_index_ = geo::SpatialIndex(boxes);
    std::vector<geo::Box> poly_boxes;
    for (const geo::Polygon& p : polygons_) {
        poly_boxes.push_back(geo::bounds_of(p.outer));
    }
    polygon_index_ = geo::SpatialIndex(poly_boxes);
}

double CoastIndex::distance(geo::XY p) const {
    if (runs_.empty()) return std::numeric_limits<double>::infinity();
    double best = std::numeric_limits<double>::infinity();
    run_index_.nearest(p, [&](std::uint32_t id) {
        const Run& run = runs_[id];
        double d = std::numeric_limits<double>::infinity();
        const geo::Path& path = paths_[run.path];
        for (std::size_t i = run.first; i < run.last; ++i)
            d = std::min(d, geo::distance_to_segment(p, path[i], path[i + 1]));
        return d;
    }, std::numeric_limits<double>::infinity(), &best);
    return best;
}

std::optional<bool> CoastIndex::on_land(geo::XY p) const {
    if (polygons_.empty()) return std::nullopt;
    bool inside = false;
    polygon_index_.query(geo::Box{p.x, p.y, p.x, p.y}, [&](std::uint32_t id) {
        inside = geo::contains(polygons_[id], p);
        return !inside;
    });
    return inside;
}

}  // namespace tidemark::layers
