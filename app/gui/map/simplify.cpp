#include "app/gui/map/simplify.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace tidemark::gui {
namespace {

// Squared distance from p to the segment ab: Douglas–Peucker only compares distances, and
// the square root (std::hypot even more) was most of the app's launch time on a long coast.
double squared_distance_to_segment(geo::XY p, geo::XY a, geo::XY b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

}  // namespace

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
            const double d = squared_distance_to_segment(path[i], path[a], path[b]);
            if (d > worst) { worst = d; worst_i = i; }
        }
        if (worst > tolerance * tolerance) {
            keep[worst_i] = 1;
            stack.push_back({a, worst_i});
            stack.push_back({worst_i, b});
        }
    }
    geo::Path out;
    out.reserve(static_cast<std::size_t>(std::count(keep.begin(), keep.end(), 1)));
    for (std::size_t i = 0; i < path.size(); ++i)
        if (keep[i]) out.push_back(path[i]);
    return out;
}

}  // namespace tidemark::gui
