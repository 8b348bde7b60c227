// Land masking for `--line-of-sight`: whether the straight sight line from a vessel to a point
// on the coast crosses land. Land is given by its boundaries (the coastline polygons' rings,
// or coastline lines): a sight line that starts at sea enters land exactly where it crosses one.
#pragma once

#include "geo/geometry.h"
#include "geo/spatial_index.h"

#include <vector>

namespace tidemark::geo {

// The sight line may run over land this close to the observed coast (the coast itself, piers,
// a generalised shoreline): within 50 m of the segment it is not blocked.
inline constexpr double kSightAllowanceM = 50;

class LandMask {
public:
    LandMask() = default;
    explicit LandMask(const std::vector<Path>& land_boundaries);

    // True when the segment observer -> target crosses no land boundary, ignoring the last
    // `allowance_m` before target. `target` must be the point of the observed coast segment
    // nearest the observer: then the points of the sight line within allowance_m of the segment
    // are exactly those within allowance_m of target (the disc around the observer through
    // target holds no point of the segment), so cutting the line short there is exact.
    bool sight_clear(XY observer, XY target, double allowance_m = kSightAllowanceM) const;
    bool empty() const { return edges_.empty(); }

private:
    struct Edge {
        XY a, b;
    };
    std::vector<Edge> edges_;
    SpatialIndex index_;
};

// Whether closed segments [p1, p2] and [q1, q2] share a point (touching counts).
bool segments_intersect(XY p1, XY p2, XY q1, XY q2);

}  // namespace tidemark::geo
