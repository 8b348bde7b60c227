// Distance from a point to a coastline layer, and which side of it the point is on.
#pragma once

#include "geo/spatial_index.h"
#include "layers/layer.h"

#include <optional>
#include <vector>

namespace tidemark::layers {

// Distance to a coastline layer (land polygons or lines), and which side of it a point is.
// Boundaries are cut into short runs of vertices under an R-tree: queries cost O(log n).
// Immutable once built; safe to query from several threads.
class CoastIndex {
public:
    explicit CoastIndex(const Layer& coast);
    bool empty() const { return runs_.empty(); }
    // Distance in metres to the nearest coastline; infinity when the layer has no lines.
    double distance(geo::XY p) const;
    // True inside a land polygon; nullopt when the coastline has only lines (side unknown).
    std::optional<bool> on_land(geo::XY p) const;

private:
    struct Run { std::size_t path, first, last; };  // paths_[path] vertices [first, last]
    std::vector<geo::Path> paths_;
    std::vector<Run> runs_;
    geo::SpatialIndex run_index_;
    std::vector<geo::Polygon> polygons_;
    geo::SpatialIndex polygon_index_;
};

}  // namespace tidemark::layers
