// Routes that stay at sea: waypoints a planner gives (a few points off the coast) joined by the
// shortest sea passages on a land/sea grid (layers/plan/sea_grid.h), so a route typed or drawn
// roughly never cuts across a headland. Loiters stay on the given waypoints.
#pragma once

#include "geo/geometry.h"
#include "layers/tracks/planned_patrol.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers::plan {

// nullopt with `error` naming the waypoint that lies on land with no sea nearby or cannot be
// reached by sea from the one before. `cell_m`: grid resolution.
std::optional<std::vector<PlannedWaypoint>> sea_route(const std::vector<PlannedWaypoint>& via,
                                                      const std::vector<geo::Polygon>& land, std::string* error,
                                                      double cell_m = 250);

}  // namespace tidemark::layers::plan
