#include "layers/export/export_kml.h"

#include "layers/style/style.h"
#include "layers/style/style_classes.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace tidemark::layers {
namespace {

constexpr std::size_t kProgressEvery = 5000;

std::string xml(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string coords(const geo::Path& path) {
    std::string s;
    char buf[64];
    for (const geo::XY& p : path) {
        std::snprintf(buf, sizeof buf, "%.7f,%.7f ", p.x, p.y);  // 1e-7° ≈ 1 cm
        s += buf;
    }
    if (!s.empty()) s.pop_back();
    return s;
}

void geometry(std::ostream& o, const geo::Geometry& g) {
    const std::size_t parts = g.points.size() + g.lines.size() + g.polygons.size();
    if (parts > 1) o << "<MultiGeometry>";
    for (const geo::XY& p : g.points) o << "<Point><coordinates>" << coords({p}) << "</coordinates></Point>";
    for (const geo::Path& l : g.lines) o << "<LineString><tessellate>1</tessellate><coordinates>" << coords(l) << "</coordinates></LineString>";
    for (const geo::Polygon& p : g.polygons) {
        o << "<Polygon><outerBoundaryIs><LinearRing><coordinates>" << coords(p.outer) << "</coordinates></LinearRing></outerBoundaryIs>";
        for (const geo::Path& h : p.holes)
            o << "<innerBoundaryIs><LinearRing><coordinates>" << coords(h) << "</coordinates></LinearRing></innerBoundaryIs>";
        o << "</Polygon>";
    }
    if (parts > 1) o << "</MultiGeometry>";
}

void style(std::ostream& o, const std::string& id, geo::GeometryKind kind, const Style& st, const Rgba* cls) {
    o << "<Style id=\"" << xml(id) << "\">";
    char width[16];
    std::snprintf(width, sizeof width, "%.1f", std::max(1.0f, st.stroke_width_px));
    if (kind == geo::GeometryKind::Point) {
        o << "<IconStyle><color>" << kml_abgr(cls ? *cls : st.fill_enabled ? st.fill : st.stroke) << "</color><scale>0.8</scale>"
          << "<Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle>"
          << "<LabelStyle><scale>0.8</scale></LabelStyle>";
    } else if (kind == geo::GeometryKind::Line) {
        o << "<LineStyle><color>" << kml_abgr(cls ? *cls : st.stroke) << "</color><width>" << width << "</width></LineStyle>";
    } else {
        Rgba fill = cls ? *cls : st.fill;
        fill.a *= 0.5f;  // see-through areas over the Earth imagery
        o << "<LineStyle><color>" << kml_abgr(st.stroke) << "</color><width>" << width << "</width></LineStyle>"
          << "<PolyStyle><color>" << kml_abgr(fill) << "</color><fill>" << (st.fill_enabled || cls ? 1 : 0) << "</fill></PolyStyle>";
    }
    o << "</Style>\n";
}

const char* kml_type(FieldType t) {
    switch (t) {
        case FieldType::Integer: return "int";
        case FieldType::Real: return "double";
        default: return "string";
    }
}

// The style's label field, else a name-like field, else "layer fid".
std::string placemark_name(const Layer& layer, const Feature& f, const Style& st) {
    for (const std::string& field : {st.label_field, std::string("name"), std::string("vessel"), std::string("category")})
        if (!field.empty() && layer.field_index(field) >= 0) {
            std::string v = to_string(layer.value(f, field));
            if (!v.empty()) return v;
        }
    if (layer.role == LayerRole::Ports) {
        std::string v = to_string(layer.value(f, "Main Port Name"));
        if (!v.empty()) return v;
    }
    return layer.name + " " + std::to_string(f.fid);
}

}  // namespace

bool write_kml(const std::string& path, const Layer& layer, const geo::Crs& working_crs, const nlohmann::json& settings,
               const ExportProgress& progress, std::string* error) {
    std::ofstream o(path, std::ios::binary);
    if (!o) {
        *error = "cannot create the file";
        return false;
    }
    const Style st = style_for(settings, layer);
    const Classification classes = classify(layer, st, settings);
    const geo::GeometryKind kind = layer.geometry_kind();
    geo::Transformer to_lonlat(working_crs, geo::Crs::wgs84());
    const std::string id = "tm_" + layer.name;

    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n"
      << "<name>" << xml(layer.name) << "</name>\n";
    o << "<Schema name=\"" << xml(layer.name) << "\" id=\"" << xml(id) << "\">";
    for (const Field& f : layer.fields) o << "<SimpleField name=\"" << xml(f.name) << "\" type=\"" << kml_type(f.type) << "\"/>";
    o << "</Schema>\n";
    style(o, id + "_default", kind, st, nullptr);
    for (std::size_t k = 0; k < classes.classes.size(); ++k) style(o, id + "_" + std::to_string(k), kind, st, &classes.classes[k].colour);
    o << "<Folder><name>" << xml(layer.name) << "</name>\n";
    const int description = layer.field_index("description");
    const std::size_t total = layer.features().size();
    for (std::size_t i = 0; i < total; ++i) {
        const Feature& f = layer.features()[i];
        const int cls = i < classes.feature_class.size() ? classes.feature_class[i] : -1;
        o << "<Placemark><name>" << xml(placemark_name(layer, f, st)) << "</name>";
        if (description >= 0) o << "<description>" << xml(to_string(layer.value(f, "description"))) << "</description>";
        o << "<styleUrl>#" << xml(id) << (cls >= 0 ? "_" + std::to_string(cls) : std::string("_default")) << "</styleUrl>";
        o << "<ExtendedData><SchemaData schemaUrl=\"#" << xml(id) << "\">";
        for (std::size_t k = 0; k < layer.fields.size() && k < f.values.size(); ++k)
            if (!std::holds_alternative<std::monostate>(f.values[k]))
                o << "<SimpleData name=\"" << xml(layer.fields[k].name) << "\">" << xml(to_string(f.values[k])) << "</SimpleData>";
        o << "</SchemaData></ExtendedData>";
        if (f.geometry.kind != geo::GeometryKind::None) {
            geo::Geometry g = f.geometry;
            to_lonlat.forward(g);
            geometry(o, g);
        }
        o << "</Placemark>\n";
        if (progress && ((i + 1) % kProgressEvery == 0 || i + 1 == total)) progress(layer.name, i + 1, total);
    }
    if (total == 0 && progress) progress(layer.name, 0, 0);
    o << "</Folder>\n</Document>\n</kml>\n";
    o.close();
    if (!o) {
        *error = "cannot write the KML (disk full?)";
        return false;
    }
    return true;
}

}  // namespace tidemark::layers
