#include "layers/plan/patrol_router.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tidemark::layers::plan {

PatrolRouter::PatrolRouter(geo::XY base, double reach_m, const std::vector<geo::Polygon>& land, double min_cell_m, int cells)
    : grid_(base, reach_m, std::max(min_cell_m, 2 * reach_m / cells), land) {
    berth_ = grid_.nearest_sea(base);
}

std::optional<PatrolRouter::Cell> PatrolRouter::station(geo::XY p, double standoff_m) const {
    int cx, cy;
    grid_.cell_of(p, cx, cy);
    if (!grid_.in_grid(cx, cy)) return std::nullopt;
    if (auto c = grid_.nearest_sea(p, standoff_m)) {
        // A standoff found only far away (a narrow estuary) is worse than a closer cell nearer land.
        const geo::XY q = at(*c);
        if (std::hypot(q.x - p.x, q.y - p.y) <= 3 * standoff_m + 2 * grid_.cell_size()) return c;
    }
    return grid_.nearest_sea(p);
}

const std::vector<geo::XY>& PatrolRouter::leg(Cell a, Cell b) {
    const auto key = std::make_pair(a, b);
    if (auto it = legs_.find(key); it != legs_.end()) return it->second;
    std::vector<geo::XY> path;
    if (a == b) {
        path = {at(a)};
    } else if (auto back = legs_.find({b, a}); back != legs_.end()) {
        path.assign(back->second.rbegin(), back->second.rend());
    } else if (auto ta = trees_.find(a); ta != trees_.end() && trees_.find(b) == trees_.end()) {
        path = grid_.route(ta->second, b);  // b -> a
        std::reverse(path.begin(), path.end());
    } else {
        auto tb = trees_.find(b);
        if (tb == trees_.end()) tb = trees_.emplace(b, grid_.tree_to(b)).first;
        path = grid_.route(tb->second, a);
    }
    return legs_.emplace(key, std::move(path)).first->second;
}

double PatrolRouter::length(Cell a, Cell b) {
    const auto& p = leg(a, b);
    if (p.empty()) return std::numeric_limits<double>::infinity();
    double m = 0;
    for (std::size_t i = 1; i < p.size(); ++i) m += std::hypot(p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);
    return m;
}

}  // namespace tidemark::layers::plan
