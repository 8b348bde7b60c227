#include "geo/validity.h"

#include <geos_c.h>

#include <cstdarg>
#include <cstdio>
#include <memory>

namespace tidemark::geo {
namespace {

void ignore_message(const char*, void*) {}

// One GEOS context per thread: handles are not shareable across threads.
class Geos {
public:
    Geos() : h_(GEOS_init_r()) {
        GEOSContext_setNoticeMessageHandler_r(h_, ignore_message, nullptr);
        GEOSContext_setErrorMessageHandler_r(h_, ignore_message, nullptr);
    }
    ~Geos() { GEOS_finish_r(h_); }
    GEOSContextHandle_t get() const { return h_; }

private:
    GEOSContextHandle_t h_;
};

GEOSContextHandle_t context() {
    thread_local Geos geos;
    return geos.get();
}

GEOSGeometry* make_ring(GEOSContextHandle_t h, const Path& ring) {
    Path closed = ring;
    if (!closed.empty() && !(closed.front() == closed.back())) closed.push_back(closed.front());
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(closed.size()), 2);
    for (unsigned i = 0; i < closed.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, closed[i].x, closed[i].y);
    return GEOSGeom_createLinearRing_r(h, seq);
}

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const { if (g) GEOSGeom_destroy_r(context(), g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GeomPtr to_geos(const Polygon& polygon) {
    GEOSContextHandle_t h = context();
    if (polygon.outer.size() < 4 && !(polygon.outer.size() == 3 && !(polygon.outer.front() == polygon.outer.back())))
        return nullptr;
    GEOSGeometry* shell = make_ring(h, polygon.outer);
    if (!shell) return nullptr;
    std::vector<GEOSGeometry*> holes;
    for (const Path& hole : polygon.holes)
        if (GEOSGeometry* r = make_ring(h, hole)) holes.push_back(r);
    return GeomPtr(GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())));
}

Path ring_from(GEOSContextHandle_t h, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    Path out(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &out[i].x, &out[i].y);
    return out;
}

void collect_polygons(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<Polygon>& out) {
    int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        Polygon p;
        p.outer = ring_from(h, GEOSGetExteriorRing_r(h, g));
        for (int i = 0, n = GEOSGetNumInteriorRings_r(h, g); i < n; ++i)
            p.holes.push_back(ring_from(h, GEOSGetInteriorRingN_r(h, g, i)));
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i) collect_polygons(h, GEOSGetGeometryN_r(h, g, i), out);
    }
}

}  // namespace

std::optional<std::string> invalid_reason(const Polygon& polygon) {
    if (polygon.outer.size() < 4) return "ring has fewer than 4 points";
    GEOSContextHandle_t h = context();
    GeomPtr g = to_geos(polygon);
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
    GEOSContextHandle_t h = context();
    GeomPtr g = to_geos(polygon);
    if (!g) return {};
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(h);
    GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(h, params, 0);
    GeomPtr fixed(GEOSMakeValidWithParams_r(h, g.get(), params));
    GEOSMakeValidParams_destroy_r(h, params);
    std::vector<Polygon> out;
    if (fixed) collect_polygons(h, fixed.get(), out);
    return out;
}

}  // namespace tidemark::geo
