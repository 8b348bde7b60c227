#include "geo/validity.h"

#include "geo/geos_support.h"

#include <cstdio>

namespace tidemark::geo {

std::optional<std::string> invalid_reason(const Polygon& polygon) {
    if (polygon.outer.size() < 4) return "ring has fewer than 4 points";
    GEOSContextHandle_t h = geos::context();
    geos::GeomPtr g = geos::to_geos(polygon);
    if (!g) return "ring could not be built (too few points or not closed)";
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    char valid = GEOSisValidDetail_r(h, g.get(), 0, &reason, &location);
    if (valid == 1) return std::nullopt;
    std::string text = reason ? reason : "invalid geometry";
    if (location) {
        double x = 0, y = 0;
        GEOSGeomGetX_r(h, location, &x);
        GEOSGeomGetY_r(h, location, &y);
        char buf[96];
        std::snprintf(buf, sizeof buf, " at (%.6g, %.6g)", x, y);
        text += buf;
        GEOSGeom_destroy_r(h, location);
    }
    if (reason) GEOSFree_r(h, reason);
    return text;
}

std::vector<Polygon> make_valid(const Polygon& polygon) {
    if (!invalid_reason(polygon)) return {polygon};
    GEOSContextHandle_t h = geos::context();
    geos::GeomPtr g = geos::to_geos(polygon);
    if (!g) return {};
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(h);
    GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(h, params, 0);
    geos::GeomPtr fixed(GEOSMakeValidWithParams_r(h, g.get(), params));
    GEOSMakeValidParams_destroy_r(h, params);
    std::vector<Polygon> out;
    if (fixed) geos::collect_polygons(fixed.get(), out);
    return out;
}

}  // namespace tidemark::geo
