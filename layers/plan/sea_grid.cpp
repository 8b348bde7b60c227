#include "layers/plan/sea_grid.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

namespace tidemark::layers {

SeaGrid::SeaGrid(geo::XY centre, double half_size_m, double cell_m, const std::vector<geo::Polygon>& land)
    : origin_{centre.x - half_size_m, centre.y - half_size_m}, cell_(cell_m),
      n_(static_cast<int>(std::ceil(2 * half_size_m / cell_m))) {
    land_.assign(static_cast<std::size_t>(n_) * n_, 0);
    geo::Box box{origin_.x, origin_.y, origin_.x + n_ * cell_, origin_.y + n_ * cell_};
    // Even-odd scan fill of every ring crossing the grid, row by row at cell centres.
    std::vector<std::vector<double>> crossings(n_);
    auto add_ring = [&](const geo::Path& ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            geo::XY a = ring[i], b = ring[i + 1];
            if (a.y == b.y) continue;
            if (std::max(a.y, b.y) < box.min_y || std::min(a.y, b.y) > box.max_y) continue;
            double y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
            int r0 = std::max(0, static_cast<int>(std::ceil((y0 - origin_.y) / cell_ - 0.5)));
            int r1 = std::min(n_ - 1, static_cast<int>(std::floor((y1 - origin_.y) / cell_ - 0.5)));
            for (int r = r0; r <= r1; ++r) {
                double y = origin_.y + (r + 0.5) * cell_;
                if (y < y0 || y >= y1) continue;  // half-open: a vertex counts once
                crossings[r].push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
            }
        }
    };
    for (const geo::Polygon& p : land) {
        geo::Box pb = geo::bounds_of(p.outer);
        if (!pb.intersects(box)) continue;
        add_ring(p.outer);
        for (const auto& h : p.holes) add_ring(h);
    }
    for (int r = 0; r < n_; ++r) {
        auto& xs = crossings[r];
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            int c0 = std::max(0, static_cast<int>(std::ceil((xs[i] - origin_.x) / cell_ - 0.5)));
            int c1 = std::min(n_ - 1, static_cast<int>(std::floor((xs[i + 1] - origin_.x) / cell_ - 0.5)));
            for (int c = c0; c <= c1; ++c) land_[idx(c, r)] = 1;
        }
    }
    // Distance to land: multi-source breadth-first search from every land cell.
    land_dist_.assign(land_.size(), std::numeric_limits<std::uint16_t>::max());
    std::deque<int> q;
    for (std::size_t i = 0; i < land_.size(); ++i)
        if (land_[i]) land_dist_[i] = 0, q.push_back(static_cast<int>(i));
    while (!q.empty()) {
        int i = q.front();
        q.pop_front();
        int cx = i % n_, cy = i / n_;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                int nx = cx + dx, ny = cy + dy;
                if (!in_grid(nx, ny)) continue;
                std::size_t j = idx(nx, ny);
                if (land_dist_[j] > land_dist_[i] + 1) {
                    land_dist_[j] = static_cast<std::uint16_t>(land_dist_[i] + 1);
                    q.push_back(static_cast<int>(j));
                }
            }
    }
}

geo::XY SeaGrid::centre_of(int cx, int cy) const {
    return {origin_.x + (cx + 0.5) * cell_, origin_.y + (cy + 0.5) * cell_};
}

void SeaGrid::cell_of(geo::XY p, int& cx, int& cy) const {
    cx = static_cast<int>(std::floor((p.x - origin_.x) / cell_));
    cy = static_cast<int>(std::floor((p.y - origin_.y) / cell_));
}

std::optional<std::pair<int, int>> SeaGrid::nearest_sea(geo::XY p, double min_land_distance_m) const {
    int px, py;
    cell_of(p, px, py);
    px = std::clamp(px, 0, n_ - 1);
    py = std::clamp(py, 0, n_ - 1);
    for (int r = 0; r < n_; ++r) {
        std::optional<std::pair<int, int>> best;
        double best_d = 1e300;
        for (int dy = -r; dy <= r; ++dy)
            for (int dx = -r; dx <= r; ++dx) {
                if (std::max(std::abs(dx), std::abs(dy)) != r) continue;
                int cx = px + dx, cy = py + dy;
                if (!sea(cx, cy) || land_distance_m(cx, cy) < min_land_distance_m) continue;
                double d = std::hypot(dx, dy);
                if (d < best_d) best_d = d, best = std::make_pair(cx, cy);
            }
        if (best) return best;
    }
    return std::nullopt;
}

bool SeaGrid::clear(geo::XY a, geo::XY b) const {
    double len = std::hypot(b.x - a.x, b.y - a.y);
    int steps = std::max(1, static_cast<int>(std::ceil(len / (cell_ * 0.5))));
    for (int i = 0; i <= steps; ++i) {
        double t = static_cast<double>(i) / steps;
        int cx, cy;
        cell_of({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)}, cx, cy);
        if (!sea(cx, cy)) return false;
    }
    return true;
}

std::vector<geo::XY> SeaGrid::route(std::pair<int, int> from, std::pair<int, int> to) const {
    std::vector<int> parent(land_.size(), -1);
    std::deque<int> q;
    int start = static_cast<int>(idx(from.first, from.second)), goal = static_cast<int>(idx(to.first, to.second));
    parent[start] = start;
    q.push_back(start);
    while (!q.empty() && parent[goal] < 0) {
        int i = q.front();
        q.pop_front();
        int cx = i % n_, cy = i / n_;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                int nx = cx + dx, ny = cy + dy;
                if (!sea(nx, ny)) continue;
                int j = static_cast<int>(idx(nx, ny));
                if (parent[j] >= 0) continue;
                parent[j] = i;
                q.push_back(j);
            }
    }
    if (parent[goal] < 0) return {};
    std::vector<geo::XY> cells;
    for (int i = goal;; i = parent[i]) {
        cells.push_back(centre_of(i % n_, i / n_));
        if (i == start) break;
    }
    std::reverse(cells.begin(), cells.end());
    return straighten(cells);
}

std::vector<geo::XY> SeaGrid::straighten(const std::vector<geo::XY>& cells) const {
    // From each kept point go on while the next cell is still in clear sight.
    std::vector<geo::XY> out{cells.front()};
    std::size_t i = 0;
    while (i + 1 < cells.size()) {
        std::size_t j = i + 1;
        while (j + 1 < cells.size() && clear(cells[i], cells[j + 1])) ++j;
        out.push_back(cells[j]);
        i = j;
    }
    return out;
}

namespace {
constexpr int kDx[8] = {1, 1, 0, -1, -1, -1, 0, 1};
constexpr int kDy[8] = {0, 1, 1, 1, 0, -1, -1, -1};
}  // namespace

SeaGrid::Tree SeaGrid::tree_to(std::pair<int, int> root) const {
    Tree t;
    t.root = root;
    t.step.assign(land_.size(), kNoStep);
    if (!sea(root.first, root.second)) return t;
    std::deque<int> q;
    const int r = static_cast<int>(idx(root.first, root.second));
    t.step[r] = kRoot;
    q.push_back(r);
    while (!q.empty()) {
        const int i = q.front();
        q.pop_front();
        const int cx = i % n_, cy = i / n_;
        for (int d = 0; d < 8; ++d) {
            const int nx = cx + kDx[d], ny = cy + kDy[d];
            if (!sea(nx, ny)) continue;
            const std::size_t j = idx(nx, ny);
            if (t.step[j] != kNoStep) continue;
            t.step[j] = static_cast<std::uint8_t>((d + 4) % 8);  // back the way the search came
            q.push_back(static_cast<int>(j));
        }
    }
    return t;
}

std::vector<geo::XY> SeaGrid::route(const Tree& tree, std::pair<int, int> from) const {
    if (!sea(from.first, from.second)) return {};
    if (tree.step[idx(from.first, from.second)] == kNoStep) return {};
    std::vector<geo::XY> cells;
    int cx = from.first, cy = from.second;
    for (;;) {
        cells.push_back(centre_of(cx, cy));
        const std::uint8_t d = tree.step[idx(cx, cy)];
        if (d == kRoot) break;
        cx += kDx[d];
        cy += kDy[d];
    }
    return straighten(cells);
}
}  // namespace tidemark::layers
