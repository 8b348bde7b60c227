#include "layers/io/ogr_geometry.h"

namespace tidemark::layers {
namespace {

geo::Path path_of(const OGRSimpleCurve& c) {
    geo::Path p(static_cast<std::size_t>(c.getNumPoints()));
    for (int i = 0; i < c.getNumPoints(); ++i) p[i] = {c.getX(i), c.getY(i)};
    return p;
}

void add(const OGRGeometry& g, Geometry& out, std::string* dropped) {
    using geo::GeometryKind;
    const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
    auto want = [&](GeometryKind k) {
        if (out.kind == GeometryKind::None) out.kind = k;
        if (out.kind == k) return true;
        if (dropped && dropped->empty())
            *dropped = std::string("mixed geometry collection: the ") + OGRGeometryTypeToName(type) +
                       " part(s) were dropped (a layer keeps one kind of geometry)";
        return false;
    };
    if (g.IsEmpty()) return;
    switch (type) {
        case wkbPoint:
            if (want(GeometryKind::Point)) out.points.push_back({g.toPoint()->getX(), g.toPoint()->getY()});
            return;
        case wkbLineString:
        case wkbLinearRing:
            if (want(GeometryKind::Line)) out.lines.push_back(path_of(*g.toSimpleCurve()));
            return;
        case wkbPolygon: {
            if (!want(GeometryKind::Polygon)) return;
            const OGRPolygon* poly = g.toPolygon();
            geo::Polygon p;
            p.outer = path_of(*poly->getExteriorRing());
            for (int i = 0; i < poly->getNumInteriorRings(); ++i) p.holes.push_back(path_of(*poly->getInteriorRing(i)));
            out.polygons.push_back(std::move(p));
            return;
        }
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const OGRGeometry* part : *g.toGeometryCollection()) add(*part, out, dropped);
            return;
        default:
            if (g.hasCurveGeometry()) {
                std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
                if (linear) add(*linear, out, dropped);
            } else if (dropped && dropped->empty()) {
                *dropped = std::string("unsupported geometry type ") + OGRGeometryTypeToName(type) + " dropped";
            }
    }
}

OGRLineString* line_of(const geo::Path& path, OGRLineString* line) {
    line->setNumPoints(static_cast<int>(path.size()), FALSE);
    for (std::size_t i = 0; i < path.size(); ++i) line->setPoint(static_cast<int>(i), path[i].x, path[i].y);
    return line;
}

}  // namespace

Geometry from_ogr(const OGRGeometry& g, std::string* dropped) {
    Geometry out;
    add(g, out, dropped);
    return out;
}

std::unique_ptr<OGRGeometry> to_ogr(const Geometry& g, bool single) {
    using geo::GeometryKind;
    switch (g.kind) {
        case GeometryKind::Point: {
            if (single && g.points.size() == 1) return std::make_unique<OGRPoint>(g.points[0].x, g.points[0].y);
            auto mp = std::make_unique<OGRMultiPoint>();
            for (XY p : g.points) mp->addGeometryDirectly(new OGRPoint(p.x, p.y));
            return mp;
        }
        case GeometryKind::Line: {
            if (single && g.lines.size() == 1) {
                auto l = std::make_unique<OGRLineString>();
                line_of(g.lines[0], l.get());
                return l;
            }
            auto ml = std::make_unique<OGRMultiLineString>();
            for (const auto& path : g.lines) ml->addGeometryDirectly(line_of(path, new OGRLineString));
            return ml;
        }
        case GeometryKind::Polygon: {
            auto make = [](const geo::Polygon& p) {
                auto* poly = new OGRPolygon;
                poly->addRingDirectly(static_cast<OGRLinearRing*>(line_of(p.outer, new OGRLinearRing)));
                for (const auto& h : p.holes) poly->addRingDirectly(static_cast<OGRLinearRing*>(line_of(h, new OGRLinearRing)));
                return poly;
            };
            if (single && g.polygons.size() == 1) return std::unique_ptr<OGRGeometry>(make(g.polygons[0]));
            auto mp = std::make_unique<OGRMultiPolygon>();
            for (const auto& p : g.polygons) mp->addGeometryDirectly(make(p));
            return mp;
        }
        case GeometryKind::None: break;
    }
    return nullptr;
}

}  // namespace tidemark::layers
