// Approximate coastal police force sectors, for when the official force boundaries are not at
// hand: each force's stretch of coast is given by where it begins and ends (walking clockwise
// round the land), and the sector is the region nearer to that stretch than to any other
// (a Voronoi partition of points sampled along the coast). Good enough to say which force a
// piece of coast belongs to; not a boundary to publish, and labelled "approximate" wherever shown.
#pragma once

#include "geo/geometry.h"
#include "geo/problem.h"

#include <string>
#include <vector>

namespace tidemark::geo {

struct CoastStretch {
    std::string code, name;
    XY start, end;  // on or near the coast, working CRS; walked clockwise from start to end
};

struct Sector {
    std::string code, name;
    std::vector<Polygon> polygons;
    double coast_length_m = 0;  // length of the coast walked for this force
};

// `rings`: coastline rings (land polygon boundaries, closed). Samples every `spacing_m` along each
// stretch; sectors reach `margin_m` beyond the coast's extent. Stretches whose ends snap to
// different rings, or lie farther than `snap_m` from any ring, are reported and skipped.
std::vector<Sector> approximate_sectors(const std::vector<Path>& rings, const std::vector<CoastStretch>& stretches,
                                        Problems& problems, double spacing_m = 1000, double margin_m = 50000,
                                        double snap_m = 25000);

}  // namespace tidemark::geo
