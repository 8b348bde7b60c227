// Douglas–Peucker line simplification for the map's levels of detail.
#pragma once

#include "geo/geometry.h"

namespace tidemark::gui {

// Keeps the first and last vertex and every vertex farther than `tolerance` (metres) from
// the simplified line. Rings stay closed. tolerance <= 0 returns the path unchanged.
geo::Path simplify_path(const geo::Path& path, double tolerance);

}  // namespace tidemark::gui
