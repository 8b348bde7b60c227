// The one-line geometry summary under the Inspector's attributes, and the lengths in it.
// Pure, so the numbers are tested without a display.
#pragma once

#include "geo/geometry.h"

#include <string>

namespace tidemark::gui {

// Length of a feature as drawn: lines end to end, polygons around every ring (outer and
// holes), 0 for points. Each line is counted once (geo::boundaries already returns a line
// geometry's lines, so adding both counted lines twice).
double feature_length_m(const geo::Geometry& g);

// "1.00 km (0.54 nm)": kilometres and nautical miles (1852 m).
std::string length_text(double metres);

// "12 vertices; length 1.00 km (0.54 nm)"; points have no length.
std::string geometry_summary(const geo::Geometry& g);

}  // namespace tidemark::gui
