#include "app/gui/map/simplify.h"

#include <utility>
#include <vector>

namespace tidemark::gui {

geo::Path simplify_path(const geo::Path& path, double tolerance) {
    if (tolerance <= 0 || path.size() < 3) return path;
    std::vector<char> keep(path.size(), 0);
    keep.front() = keep.back() = 1;
    // Explicit stack: coastline parts reach tens of thousands of vertices.
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, path.size() - 1}};
    while (!stack.empty()) {
        auto [a, b] = stack.back();
        stack.pop_back();
        double worst = -1;
        std::size_t worst_i = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d = geo::distance_to_segment(path[i], path[a], path[b]);
            if (d > worst) { worst = d; worst_i = i; }
        }
        if (worst > tolerance) {
            keep[worst_i] = 1;
            stack.push_back({a, worst_i});
            stack.push_back({worst_i, b});
        }
    }
    geo::Path out;
    for (std::size_t i = 0; i < path.size(); ++i)
        if (keep[i]) out.push_back(path[i]);
    return out;
}

}  // namespace tidemark::gui
