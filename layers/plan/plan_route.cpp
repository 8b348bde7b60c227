#include "layers/plan/plan_route.h"

#include "layers/plan/sea_grid.h"

#include <algorithm>

namespace tidemark::layers::plan {

std::optional<std::vector<PlannedWaypoint>> sea_route(const std::vector<PlannedWaypoint>& via,
                                                      const std::vector<geo::Polygon>& land, std::string* error,
                                                      double cell_m) {
    if (via.size() < 2) {
        *error = "a route needs at least two waypoints";
        return std::nullopt;
    }
    geo::Box box;
    for (const auto& w : via) box.expand(w.p);
    const double half = std::max(box.width(), box.height()) / 2 + 20000;  // room to go round headlands
    const SeaGrid grid(box.centre(), half, cell_m, land);
    std::vector<PlannedWaypoint> out;
    std::pair<int, int> previous{};
    for (std::size_t i = 0; i < via.size(); ++i) {
        auto cell = grid.nearest_sea(via[i].p);
        if (!cell) {
            *error = "waypoint " + std::to_string(i + 1) + " has no sea near it";
            return std::nullopt;
        }
        if (i > 0) {
            const auto passage = grid.route(previous, *cell);
            if (passage.empty()) {
                *error = "waypoint " + std::to_string(i + 1) + " cannot be reached by sea from waypoint " + std::to_string(i);
                return std::nullopt;
            }
            // The passage's inner points, then the waypoint itself (snapped to sea) with its loiter.
            for (std::size_t k = 1; k + 1 < passage.size(); ++k) out.push_back({passage[k], 0});
        }
        out.push_back({grid.centre_of(cell->first, cell->second), via[i].loiter_min});
        previous = *cell;
    }
    return out;
}

}  // namespace tidemark::layers::plan
