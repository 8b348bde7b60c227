// A raster of land and sea around a point, for routing synthetic patrols so they stay at sea:
// land polygons are scan-filled into square cells, sea cells are searched breadth-first
// (8-connected) for shortest sea routes, and each sea cell knows its distance to land.
#pragma once

#include "geo/geometry.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tidemark::layers {

class SeaGrid {
public:
    // Cells of `cell_m` metres covering [centre - half_size_m, centre + half_size_m]^2.
    SeaGrid(geo::XY centre, double half_size_m, double cell_m, const std::vector<geo::Polygon>& land);

    int width() const { return n_; }
    double cell_size() const { return cell_; }
    bool in_grid(int cx, int cy) const { return cx >= 0 && cy >= 0 && cx < n_ && cy < n_; }
    bool sea(int cx, int cy) const { return in_grid(cx, cy) && !land_[idx(cx, cy)]; }
    double land_distance_m(int cx, int cy) const { return land_dist_[idx(cx, cy)] * cell_; }
    geo::XY centre_of(int cx, int cy) const;
    void cell_of(geo::XY p, int& cx, int& cy) const;
    // The sea cell nearest to p (by ring search), if any.
    std::optional<std::pair<int, int>> nearest_sea(geo::XY p, double min_land_distance_m = 0) const;
    // Shortest 8-connected sea route between two sea cells, as straightened waypoints
    // (cell centres joined by segments that only cross sea cells). Empty when unreachable.
    std::vector<geo::XY> route(std::pair<int, int> from, std::pair<int, int> to) const;
    // True when the segment a-b only crosses sea cells (sampled every half cell).
    bool clear(geo::XY a, geo::XY b) const;

    // Every sea cell's first step on a shortest 8-connected sea route to `root`: one search
    // serves all the routes that end there (suggested patrols route many legs to each station).
    struct Tree {
        std::pair<int, int> root;
        std::vector<std::uint8_t> step;  // per cell: direction 0..7 towards the root; kRoot; kNoStep unreached
    };
    static constexpr std::uint8_t kRoot = 8, kNoStep = 255;
    Tree tree_to(std::pair<int, int> root) const;
    // The straightened route from `from` to the tree's root; empty when unreachable.
    std::vector<geo::XY> route(const Tree& tree, std::pair<int, int> from) const;

private:
    std::vector<geo::XY> straighten(const std::vector<geo::XY>& cells) const;
    std::size_t idx(int cx, int cy) const { return static_cast<std::size_t>(cy) * n_ + cx; }
    geo::XY origin_;  // lower-left corner
    double cell_;
    int n_;
    std::vector<std::uint8_t> land_;
    std::vector<std::uint16_t> land_dist_;  // cells (Chebyshev), capped at 65535
};

}  // namespace tidemark::layers
