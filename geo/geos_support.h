// Shared plumbing for GEOS's reentrant C API: one context per thread, owning pointers,
// and conversion to and from the plain geo:: structs.
#pragma once

#include "geo/geometry.h"

#include <geos_c.h>

#include <memory>
#include <vector>

namespace tidemark::geo::geos {

// This thread's GEOS context (handles are not shareable across threads). Messages are muted:
// callers turn failures into their own errors.
GEOSContextHandle_t context();

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const;
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GeomPtr to_geos(const Polygon& polygon);          // null when a ring cannot be built
GeomPtr to_geos(const std::vector<XY>& points);   // a MultiPoint
void collect_polygons(const GEOSGeometry* g, std::vector<Polygon>& out);  // from (Multi)Polygon / collections

}  // namespace tidemark::geo::geos
