// Geometry validity through GEOS's reentrant C API (GEOS marks its C++ API unstable).
#pragma once

#include "geo/geometry.h"

#include <optional>
#include <string>

namespace tidemark::geo {

// nullopt when the polygon is valid (OGC simple features); otherwise GEOS's reason with the
// location, e.g. "Self-intersection at (531200.0, 180400.0)". Thread-safe.
std::optional<std::string> invalid_reason(const Polygon& polygon);

// A valid version of an invalid polygon (GEOSMakeValid, structure-preserving); may yield
// several polygons. Returns the input unchanged when it is already valid.
std::vector<Polygon> make_valid(const Polygon& polygon);

}  // namespace tidemark::geo
