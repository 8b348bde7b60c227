#include "geo/kernel_density.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tidemark::geo {
namespace {

// Share of a unit Gaussian (mean mu, sigma s) falling in [a, b].
double gaussian_mass(double a, double b, double mu, double s) {
    const double k = 1.0 / (s * std::numbers::sqrt2);
    return 0.5 * (std::erf((b - mu) * k) - std::erf((a - mu) * k));
}

}  // namespace

double DensityGrid::integral() const {
    double sum = 0;
    for (double v : values) sum += v;
    return sum * cell_area_km2();
}

double DensityGrid::sample(XY p) const {
    const double c = std::floor((p.x - min_x) / cell_m), r = std::floor((max_y - p.y) / cell_m);
    if (!(c >= 0 && c < cols && r >= 0 && r < rows)) return 0;
    return at(static_cast<int>(c), static_cast<int>(r));
}

DensityGrid kernel_density(const std::vector<XY>& points, const std::vector<double>& weights,
                           const DensityOptions& options, Box extent) {
    DensityGrid grid;
    const double h = options.bandwidth_m;
    if (extent.empty()) {
        for (XY p : points) extent.expand(p);
        if (extent.empty()) return grid;
        extent = extent.grown(3 * h);
    }
    double cell = options.cell_m > 0 ? options.cell_m : h / 5;
    while (static_cast<double>(std::ceil(extent.width() / cell)) * std::ceil(extent.height() / cell) >
           static_cast<double>(options.max_cells))
        cell *= 1.25;
    grid.cell_m = cell;
    grid.min_x = extent.min_x;
    grid.max_y = extent.max_y;
    grid.cols = std::max(1, static_cast<int>(std::ceil(extent.width() / cell)));
    grid.rows = std::max(1, static_cast<int>(std::ceil(extent.height() / cell)));
    grid.values.assign(static_cast<std::size_t>(grid.cols) * grid.rows, 0.0);

    const double reach = options.cutoff_sigmas * h;
    const double per_km2 = 1.0 / grid.cell_area_km2();
    std::vector<double> wx, wy;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const XY p = points[i];
        const double w = weights.empty() ? 1.0 : weights[i];
        if (w == 0 || !std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        const int c0 = std::max(0, static_cast<int>(std::floor((p.x - reach - grid.min_x) / cell)));
        const int c1 = std::min(grid.cols - 1, static_cast<int>(std::floor((p.x + reach - grid.min_x) / cell)));
        const int r0 = std::max(0, static_cast<int>(std::floor((grid.max_y - (p.y + reach)) / cell)));
        const int r1 = std::min(grid.rows - 1, static_cast<int>(std::floor((grid.max_y - (p.y - reach)) / cell)));
        if (c0 > c1 || r0 > r1) continue;
        // The 2-D Gaussian is separable: cell mass = mass in its x-interval x mass in its y-interval.
        wx.resize(static_cast<std::size_t>(c1 - c0 + 1));
        wy.resize(static_cast<std::size_t>(r1 - r0 + 1));
        for (int c = c0; c <= c1; ++c) {
            const double x = grid.min_x + c * cell;
            wx[c - c0] = gaussian_mass(x, x + cell, p.x, h);
        }
        for (int r = r0; r <= r1; ++r) {
            const double y = grid.max_y - (r + 1) * cell;
            wy[r - r0] = gaussian_mass(y, y + cell, p.y, h) * w * per_km2;
        }
        for (int r = r0; r <= r1; ++r) {
            double* row = &grid.values[static_cast<std::size_t>(r) * grid.cols];
            const double yw = wy[r - r0];
            for (int c = c0; c <= c1; ++c) row[c] += wx[c - c0] * yw;
        }
    }
    return grid;
}

double kernel_density_at(const std::vector<XY>& points, const std::vector<double>& weights, XY p, double bandwidth_m) {
    const double norm = 1e6 / (2 * std::numbers::pi * bandwidth_m * bandwidth_m);  // per km^2
    double sum = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double dx = points[i].x - p.x, dy = points[i].y - p.y;
        const double w = weights.empty() ? 1.0 : weights[i];
        sum += w * std::exp(-(dx * dx + dy * dy) / (2 * bandwidth_m * bandwidth_m));
    }
    return sum * norm;
}

}  // namespace tidemark::geo
