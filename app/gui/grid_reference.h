// Ordnance Survey National Grid references from British National Grid coordinates
// (EPSG:27700 metres): two 100 km square letters and the easting/northing within the square.
#pragma once

#include "geo/geometry.h"

#include <string>

namespace tidemark::gui {

// "TG 51409 13177" for digits = 10 (1 m); digits = 6 gives "TG 514 131" (100 m).
// "" outside the grid (negative, or beyond 700 km east / 1300 km north).
std::string os_grid_reference(geo::XY bng, int digits = 10);

}  // namespace tidemark::gui
