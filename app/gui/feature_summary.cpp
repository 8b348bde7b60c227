#include "app/gui/feature_summary.h"

#include <cstdio>

namespace tidemark::gui {

double feature_length_m(const geo::Geometry& g) {
    double m = 0;
    for (const geo::Path& p : g.lines) m += geo::length(p);
    for (const geo::Polygon& poly : g.polygons) {
        m += geo::length(poly.outer);
        for (const geo::Path& h : poly.holes) m += geo::length(h);
    }
    return m;
}

std::string length_text(double metres) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f km (%.2f nm)", metres / 1000.0, metres / 1852.0);
    return buf;
}

std::string geometry_summary(const geo::Geometry& g) {
    std::string s = std::to_string(g.vertex_count()) + (g.vertex_count() == 1 ? " vertex" : " vertices");
    if (g.kind == geo::GeometryKind::Line || g.kind == geo::GeometryKind::Polygon)
        s += std::string(g.kind == geo::GeometryKind::Polygon ? "; perimeter " : "; length ") + length_text(feature_length_m(g));
    return s;
}

}  // namespace tidemark::gui
