// Reports: how fast rows load, duplicates are flagged, the hotspot raster is built and reports
// are tied to the real coastline. Plain main() printing numbers (HELPERS.md allows it).
// Peers: a textbook KDE (exp() per point per cell, not separable) and a brute-force coast
// distance over every boundary segment.
#include "geo/kernel_density.h"
#include "layers/io/import.h"
#include "layers/reports/report_linking.h"
#include "layers/reports/reports.h"
#include "layers/synthetic/synthetic_reports.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <numbers>

using namespace tidemark;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The textbook kernel: density at each cell centre, exp() per (point, cell) pair within 4 sigma.
geo::DensityGrid naive_kde(const std::vector<geo::XY>& pts, const geo::DensityGrid& like, double h) {
    geo::DensityGrid g = like;
    std::fill(g.values.begin(), g.values.end(), 0.0);
    const double norm = 1e6 / (2 * std::numbers::pi * h * h), reach = 4 * h;
    for (geo::XY p : pts)
        for (int r = 0; r < g.rows; ++r) {
            const double y = g.max_y - (r + 0.5) * g.cell_m;
            if (std::abs(y - p.y) > reach) continue;
            for (int c = 0; c < g.cols; ++c) {
                const double x = g.min_x + (c + 0.5) * g.cell_m;
                if (std::abs(x - p.x) > reach) continue;
                g.values[static_cast<std::size_t>(r) * g.cols + c] +=
                    norm * std::exp(-((x - p.x) * (x - p.x) + (y - p.y) * (y - p.y)) / (2 * h * h));
            }
        }
    return g;
}

}  // namespace

int main() {
    std::vector<layers::Place> places = {{"Deal beach", "landing_place", "", 51.2224, 1.4040},
                                         {"Pett Level", "slipway", "quiet", 50.8880, 0.6780},
                                         {"Sea Palling", "landing_place", "quiet", 52.7920, 1.6030},
                                         {"Cadgwith Cove", "slipway", "", 49.9880, -5.1790},
                                         {"Holy Island", "landing_place", "", 55.6680, -1.8000}};
    const auto dir = std::filesystem::temp_directory_path() / "tidemark-reports-bench";
    std::filesystem::create_directories(dir);
    const std::string csv = (dir / "reports.csv").string();
    layers::SyntheticOptions o{1772323200, 1772323200 + 28 * 86400.0, 42, 100000};
    std::string error;
    layers::write_text_atomically(csv, layers::synthetic_reports_csv(places, o), &error);

    auto t0 = std::chrono::steady_clock::now();
    auto read = layers::read_reports(csv, geo::Crs::british_national_grid());
    const double t_read = seconds_since(t0);
    std::printf("read_reports: %zu rows in %.3f s (%.0f rows/s)\n", read.reports.size(), t_read, read.reports.size() / t_read);

    t0 = std::chrono::steady_clock::now();
    geo::Problems notes;
    layers::flag_duplicates(read.reports, &notes);
    std::printf("flag_duplicates: %zu reports, %zu flagged, %.3f s\n", read.reports.size(), notes.size(), seconds_since(t0));

    std::vector<geo::XY> pts;
    for (std::size_t i = 0; i < 10000 && i < read.reports.size(); ++i) pts.push_back(read.reports[i].position);
    t0 = std::chrono::steady_clock::now();
    const geo::DensityGrid grid = geo::kernel_density(pts, {});
    const double t_kde = seconds_since(t0);
    std::printf("kernel_density: %zu points, %d x %d cells of %.0f m, sigma 5 km: %.3f s, integral %.2f\n", pts.size(), grid.cols,
                grid.rows, grid.cell_m, t_kde, grid.integral());
    t0 = std::chrono::steady_clock::now();
    const geo::DensityGrid naive = naive_kde(pts, grid, 5000);
    const double t_naive = seconds_since(t0);
    double max_diff = 0, peak = 0;
    for (std::size_t i = 0; i < grid.values.size(); ++i) {
        max_diff = std::max(max_diff, std::abs(grid.values[i] - naive.values[i]));
        peak = std::max(peak, grid.values[i]);
    }
    std::printf("peer textbook KDE (exp per point per cell): %.3f s, integral %.2f; max cell difference %.2e (peak %.3f)\n",
                t_naive, naive.integral(), max_diff, peak);

    const std::string coast_path = std::string(TIDEMARK_SHARED_DATA) + "/coast/gb_coastline_osm.gpkg";
    if (!std::filesystem::exists(coast_path)) {
        std::printf("coast: %s absent, skipped\n", coast_path.c_str());
        return 0;
    }
    geo::Problems problems;
    auto coast = layers::import_layer(coast_path, geo::Crs::british_national_grid(), layers::LayerRole::Coastline, "coastline",
                                      problems, &error);
    if (!coast) return 1;
    t0 = std::chrono::steady_clock::now();
    const layers::CoastIndex index(*coast);
    std::printf("CoastIndex build: %zu vertices, %.3f s\n", coast->vertex_count(), seconds_since(t0));
    t0 = std::chrono::steady_clock::now();
    double sum = 0;  // kept so the loop is not optimised away
    for (geo::XY p : pts) sum += index.distance(p);
    const double t_idx = seconds_since(t0);
    std::printf("CoastIndex distance: %zu queries in %.3f s (%.1f us each)\n", pts.size(), t_idx, 1e6 * t_idx / pts.size());
    std::vector<geo::Path> all;
    for (const auto& f : coast->features())
        for (auto& r : geo::boundaries(f.geometry)) all.push_back(std::move(r));
    t0 = std::chrono::steady_clock::now();
    double brute_sum = 0;
    const std::size_t brute_n = 200;
    for (std::size_t i = 0; i < brute_n; ++i) {
        double d = std::numeric_limits<double>::infinity();
        for (const auto& path : all) d = std::min(d, geo::distance_to_path(pts[i], path));
        brute_sum += d;
    }
    const double t_brute = seconds_since(t0);
    double idx_sum = 0;
    for (std::size_t i = 0; i < brute_n; ++i) idx_sum += index.distance(pts[i]);
    std::printf("peer brute-force distance: %zu queries in %.3f s (%.1f us each); mean distance %.3f m vs index %.3f m\n", brute_n,
                t_brute, 1e6 * t_brute / brute_n, brute_sum / brute_n, idx_sum / brute_n);
    return sum > 0 ? 0 : 1;
}
