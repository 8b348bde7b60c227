#include "layers/export/export_qml.h"

#include "geo/time.h"
#include "layers/style/style_classes.h"

#include <cmath>
#include <ctime>
#include <sstream>

namespace tidemark::layers {
namespace {

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string qcolour(const Rgba& c, float opacity) {
    auto b = [](float v) { return std::to_string(static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255))); };
    return b(c.r) + "," + b(c.g) + "," + b(c.b) + "," + b(c.a * opacity);
}

// Screen pixels at 96 dpi to millimetres, QGIS's default symbol unit.
std::string mm(float px) {
    std::ostringstream s;
    s << px * 25.4f / 96.0f;
    return s.str();
}

const char* marker_name(PointSymbol s) {
    switch (s) {
        case PointSymbol::Square: return "square";
        case PointSymbol::Triangle: return "triangle";
        case PointSymbol::Diamond: return "diamond";
        case PointSymbol::Cross: return "cross2";
        case PointSymbol::Circle: break;
    }
    return "circle";
}

void prop(std::ostream& o, const std::string& k, const std::string& v) {
    o << "      <prop k=\"" << k << "\" v=\"" << xml_escape(v) << "\"/>\n";
}

// One <symbol>; `colour` replaces the stroke (lines) or fill (points, polygons) for a class.
void symbol(std::ostream& o, const std::string& name, geo::GeometryKind kind, const Style& st, const Rgba* colour,
            bool dashed) {
    const char* type = kind == geo::GeometryKind::Point ? "marker" : kind == geo::GeometryKind::Line ? "line" : "fill";
    o << "    <symbol type=\"" << type << "\" name=\"" << name << "\" alpha=\"" << st.opacity << "\" clip_to_extent=\"1\">\n";
    if (kind == geo::GeometryKind::Point) {
        o << "     <layer class=\"SimpleMarker\" enabled=\"1\" locked=\"0\" pass=\"0\">\n";
        prop(o, "name", marker_name(st.symbol));
        prop(o, "color", qcolour(colour ? *colour : st.fill, 1));
        prop(o, "outline_color", qcolour(st.stroke, 1));
        prop(o, "outline_width", mm(st.stroke_width_px * 0.5f));
        prop(o, "size", mm(st.symbol_size_px));
        prop(o, "size_unit", "MM");
    } else if (kind == geo::GeometryKind::Line) {
        o << "     <layer class=\"SimpleLine\" enabled=\"1\" locked=\"0\" pass=\"0\">\n";
        prop(o, "line_color", qcolour(colour ? *colour : st.stroke, 1));
        prop(o, "line_width", mm(st.stroke_width_px));
        prop(o, "line_width_unit", "MM");
        prop(o, "line_style", dashed ? "dash" : "solid");
        prop(o, "capstyle", "round");
        prop(o, "joinstyle", "round");
    } else {
        o << "     <layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\">\n";
        prop(o, "color", qcolour(colour ? *colour : st.fill, 1));
        prop(o, "style", st.fill_enabled || colour ? "solid" : "no");
        prop(o, "outline_color", qcolour(st.stroke, 1));
        prop(o, "outline_width", mm(st.stroke_width_px));
        prop(o, "outline_width_unit", "MM");
    }
    o << "     </layer>\n    </symbol>\n";
}

}  // namespace

std::string qgis_qml(const Layer& layer, const Style& style, const nlohmann::json& settings) {
    const geo::GeometryKind kind = layer.geometry_kind();
    const Classification c = classify(layer, style, settings);
    std::ostringstream o;
    o << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
      << "<qgis version=\"3.22.0\" styleCategories=\"Symbology|Labeling\" hasScaleBasedVisibilityFlag=\"0\">\n";
    if (c.classes.empty()) {
        o << " <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n  <symbols>\n";
        symbol(o, "0", kind, style, nullptr, false);
        o << "  </symbols>\n </renderer-v2>\n";
    } else {
        o << " <renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
          << "  <rules key=\"{tidemark-root}\">\n";
        for (std::size_t i = 0; i < c.classes.size(); ++i) {
            const StyleClass& k = c.classes[i];
            o << "   <rule key=\"{tidemark-" << i << "}\" symbol=\"" << i << "\" label=\"" << xml_escape(k.label) << "\"";
            if (k.qgis_filter == "ELSE") o << " filter=\"ELSE\"";
            else o << " filter=\"" << xml_escape(k.qgis_filter) << "\"";
            o << "/>\n";
        }
        o << "  </rules>\n  <symbols>\n";
        for (std::size_t i = 0; i < c.classes.size(); ++i) symbol(o, std::to_string(i), kind, style, &c.classes[i].colour, false);
        o << "  </symbols>\n </renderer-v2>\n";
    }
    if (!style.label_field.empty() && layer.field_index(style.label_field) >= 0) {
        o << " <labeling type=\"simple\">\n  <settings calloutType=\"simple\">\n"
          << "   <text-style fieldName=\"" << xml_escape(style.label_field) << "\" isExpression=\"0\" fontFamily=\"DejaVu Sans\""
          << " fontSize=\"8\" fontSizeUnit=\"Point\" textColor=\"40,40,40,255\" textOpacity=\"1\">\n"
          << "    <text-buffer bufferDraw=\"1\" bufferSize=\"0.8\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"0.8\"/>\n"
          << "   </text-style>\n   <placement placement=\"" << (kind == geo::GeometryKind::Polygon ? 1 : 6) << "\" dist=\"1\"/>\n"
          << "   <rendering obstacle=\"1\" displayAll=\"0\"/>\n  </settings>\n </labeling>\n";
    }
    o << " <layerGeometryType>" << (kind == geo::GeometryKind::Point ? 0 : kind == geo::GeometryKind::Line ? 1 : 2)
      << "</layerGeometryType>\n</qgis>\n";
    return o.str();
}

Layer qgis_layer_styles_table(const std::vector<const Layer*>& layers, const nlohmann::json& settings,
                              const std::string& geometry_column) {
    Layer t;
    t.name = "layer_styles";
    t.role = LayerRole::Table;
    t.fields = {{"f_table_catalog", FieldType::String}, {"f_table_schema", FieldType::String},
                {"f_table_name", FieldType::String},    {"f_geometry_column", FieldType::String},
                {"styleName", FieldType::String},       {"styleQML", FieldType::String},
                {"styleSLD", FieldType::String},        {"useAsDefault", FieldType::Integer},
                {"description", FieldType::String},     {"owner", FieldType::String},
                {"ui", FieldType::String},              {"update_time", FieldType::DateTime}};
    const std::string now = geo::format_iso8601(static_cast<double>(std::time(nullptr)));
    std::int64_t id = 1;
    for (const Layer* l : layers) {
        if (l->geometry_kind() == geo::GeometryKind::None) continue;
        Feature f;
        f.fid = id++;
        f.values = {std::string(), std::string(), l->name, geometry_column, l->name + " (Tidemark)",
                    qgis_qml(*l, style_for(settings, *l), settings), std::string(), std::int64_t{1},
                    std::string("Style from Tidemark"), std::string("tidemark"), std::monostate{}, now};
        t.features().push_back(std::move(f));
    }
    return t;
}

}  // namespace tidemark::layers
