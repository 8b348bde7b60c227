// Gaussian kernel density of weighted points on a raster grid. Pure computation: the
// GeoTIFF is written by layers/reports/density_raster.h.
#pragma once

#include "geo/geometry.h"

#include <cstddef>
#include <vector>

namespace tidemark::geo {

// A north-up raster: cell (col, row) covers x in [min_x + col*cell, min_x + (col+1)*cell),
// y in [max_y - (row+1)*cell, max_y - row*cell). Row 0 is the northern edge (GeoTIFF order).
struct DensityGrid {
    double min_x = 0, max_y = 0;  // north-west corner, working CRS metres
    double cell_m = 0;
    int cols = 0, rows = 0;
    std::vector<double> values;   // rows*cols, row-major from the north; units: weight per km^2

    double at(int col, int row) const { return values[static_cast<std::size_t>(row) * cols + col]; }
    XY cell_centre(int col, int row) const { return {min_x + (col + 0.5) * cell_m, max_y - (row + 0.5) * cell_m}; }
    double cell_area_km2() const { return cell_m * cell_m / 1e6; }
    // Sum of values x cell area: the total weight the grid holds (= sum of weights when it covers them).
    double integral() const;
    // Value of the cell holding p; 0 outside the grid.
    double sample(XY p) const;
};

struct DensityOptions {
    double bandwidth_m = 5000;  // Gaussian sigma
    double cell_m = 0;          // 0: bandwidth / 5
    double cutoff_sigmas = 4;   // kernel truncated beyond this many sigma (loses < 0.02 % of the mass)
    std::size_t max_cells = 25'000'000;  // cell size grows to keep the grid under this
};

// Density over `extent` (empty: the points' bounds grown by 3 bandwidths). Each point spreads
// its weight (1 when `weights` is empty, else weights[i]) as a Gaussian integrated exactly over
// each cell (differences of erf), so the grid integrates to the weights' sum up to the cutoff
// and the part of the kernel falling outside the extent.
DensityGrid kernel_density(const std::vector<XY>& points, const std::vector<double>& weights,
                           const DensityOptions& options = {}, Box extent = {});

// Density (weight per km^2) at p itself, summing the untruncated Gaussian kernel of every point:
// for per-segment report density at a handful of places, where a raster is overkill.
double kernel_density_at(const std::vector<XY>& points, const std::vector<double>& weights, XY p,
                         double bandwidth_m = 5000);

}  // namespace tidemark::geo
