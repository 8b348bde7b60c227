#include "geo/geos_support.h"

namespace tidemark::geo::geos {
namespace {

void ignore_message(const char*, void*) {}

class Context {
public:
    Context() : h_(GEOS_init_r()) {
        GEOSContext_setNoticeMessageHandler_r(h_, ignore_message, nullptr);
        GEOSContext_setErrorMessageHandler_r(h_, ignore_message, nullptr);
    }
    ~Context() { GEOS_finish_r(h_); }
    GEOSContextHandle_t get() const { return h_; }

private:
    GEOSContextHandle_t h_;
};

GEOSGeometry* make_ring(GEOSContextHandle_t h, const Path& ring) {
    Path closed = ring;
    if (!closed.empty() && !(closed.front() == closed.back())) closed.push_back(closed.front());
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(closed.size()), 2);
    for (unsigned i = 0; i < closed.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, closed[i].x, closed[i].y);
    return GEOSGeom_createLinearRing_r(h, seq);
}

Path ring_from(GEOSContextHandle_t h, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    Path out(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &out[i].x, &out[i].y);
    return out;
}

}  // namespace

GEOSContextHandle_t context() {
    thread_local Context ctx;
    return ctx.get();
}

void GeomDeleter::operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(context(), g);
}

GeomPtr to_geos(const Polygon& polygon) {
    GEOSContextHandle_t h = context();
    const Path& o = polygon.outer;
    const bool closed = !o.empty() && o.front() == o.back();
    if (o.size() < (closed ? 4u : 3u)) return nullptr;
    GEOSGeometry* shell = make_ring(h, o);
    if (!shell) return nullptr;
    std::vector<GEOSGeometry*> holes;
    for (const Path& hole : polygon.holes)
        if (hole.size() >= 3)
            if (GEOSGeometry* r = make_ring(h, hole)) holes.push_back(r);
    return GeomPtr(GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())));
}

GeomPtr to_geos(const std::vector<XY>& points) {
    GEOSContextHandle_t h = context();
    std::vector<GEOSGeometry*> parts;
    parts.reserve(points.size());
    for (XY p : points) parts.push_back(GEOSGeom_createPointFromXY_r(h, p.x, p.y));
    return GeomPtr(GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, parts.data(), static_cast<unsigned>(parts.size())));
}

void collect_polygons(const GEOSGeometry* g, std::vector<Polygon>& out) {
    GEOSContextHandle_t h = context();
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g)) return;
        Polygon p;
        p.outer = ring_from(h, GEOSGetExteriorRing_r(h, g));
        for (int i = 0, n = GEOSGetNumInteriorRings_r(h, g); i < n; ++i)
            p.holes.push_back(ring_from(h, GEOSGetInteriorRingN_r(h, g, i)));
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i) collect_polygons(GEOSGetGeometryN_r(h, g, i), out);
    }
}

}  // namespace tidemark::geo::geos
