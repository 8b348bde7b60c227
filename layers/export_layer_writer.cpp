#include "layers/export_layer_writer.h"

#include "layers/export_qml.h"
#include "layers/export_shapefile_names.h"
#include "layers/ogr_geometry.h"
#include "layers/ogr_writer.h"
#include "layers/style.h"
#include "layers/style_classes.h"

#include <cpl_string.h>
#include <ogr_spatialref.h>

#include <cstdio>
#include <memory>

namespace tidemark::layers {
namespace {

constexpr std::size_t kProgressEvery = 5000;  // features between progress reports

bool needs_wgs84(ExportFormat f) { return f == ExportFormat::GeoJSON || f == ExportFormat::KML || f == ExportFormat::CSV; }
bool times_as_text(ExportFormat f) { return f == ExportFormat::Shapefile || f == ExportFormat::CSV || f == ExportFormat::KML; }

OGRwkbGeometryType geometry_type(const Layer& layer, bool* single) {
    *single = !layer.force_multi;
    geo::GeometryKind kind = geo::GeometryKind::None;
    for (const Feature& f : layer.features) {
        if (f.geometry.kind == geo::GeometryKind::None) continue;
        kind = f.geometry.kind;
        if (f.geometry.points.size() + f.geometry.lines.size() + f.geometry.polygons.size() > 1) *single = false;
    }
    switch (kind) {
        case geo::GeometryKind::Point: return *single ? wkbPoint : wkbMultiPoint;
        case geo::GeometryKind::Line: return *single ? wkbLineString : wkbMultiLineString;
        case geo::GeometryKind::Polygon: return *single ? wkbPolygon : wkbMultiPolygon;
        case geo::GeometryKind::None: break;
    }
    return wkbNone;
}

OGRFieldType ogr_type(FieldType t, ExportFormat f) {
    switch (t) {
        case FieldType::Integer: return OFTInteger64;
        case FieldType::Real: return OFTReal;
        case FieldType::DateTime: return times_as_text(f) ? OFTString : OFTDateTime;
        case FieldType::String: break;
    }
    return OFTString;
}

// OGR feature style string for KML: the colour each feature is drawn in on the map.
std::string kml_style(geo::GeometryKind kind, const Style& st, const Rgba* cls) {
    auto ogr_colour = [](const Rgba& c) {
        std::string h = hex_rgb(c);
        char a[4];
        std::snprintf(a, sizeof a, "%02x", static_cast<int>(std::clamp(c.a, 0.0f, 1.0f) * 255 + 0.5f));
        return h + a;
    };
    char width[16];
    std::snprintf(width, sizeof width, "%.1fpx", std::max(1.0f, st.stroke_width_px));
    if (kind == geo::GeometryKind::Point)
        return "SYMBOL(id:\"http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png\",c:" +
               ogr_colour(cls ? *cls : st.fill) + ")";
    if (kind == geo::GeometryKind::Line) return "PEN(c:" + ogr_colour(cls ? *cls : st.stroke) + ",w:" + width + ")";
    Rgba fill = cls ? *cls : st.fill;
    if (!st.fill_enabled && !cls) fill.a = 0;
    else fill.a *= 0.5f;  // see-through areas in Google Earth
    return "BRUSH(fc:" + ogr_colour(fill) + ");PEN(c:" + ogr_colour(st.stroke) + ",w:" + width + ")";
}

// What a placemark is called: the style's label field, else a name-like field, else layer + fid.
std::string placemark_name(const Layer& layer, const Feature& f, const Style& st) {
    for (const std::string& field : {st.label_field, std::string("name"), std::string("vessel"), std::string("category")})
        if (!field.empty() && layer.field_index(field) >= 0) {
            std::string v = to_string(layer.value(f, field));
            if (!v.empty()) return v;
        }
    return layer.name + " " + std::to_string(f.fid);
}

}  // namespace

bool write_export_layer(GDALDataset& ds, const Layer& layer, const LayerWriteContext& ctx, std::string* error) {
    const ExportFormat format = ctx.format;
    bool single = false;
    OGRwkbGeometryType gtype = geometry_type(layer, &single);
    const bool csv_latlon = format == ExportFormat::CSV && gtype == wkbPoint;
    const bool to_wgs84 = needs_wgs84(format) && gtype != wkbNone;
    std::unique_ptr<geo::Transformer> to_lonlat;
    if (to_wgs84 || csv_latlon) to_lonlat = std::make_unique<geo::Transformer>(ctx.working_crs, geo::Crs::wgs84());

    OGRSpatialReference srs;
    if (gtype != wkbNone) {
        const std::string def = to_wgs84 ? std::string("EPSG:4326") : ctx.working_crs.definition();
        if (srs.SetFromUserInput(def.c_str()) != OGRERR_NONE) {
            *error = "layer " + layer.name + ": cannot express CRS " + def + " for GDAL";
            return false;
        }
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);  // x = lon/easting always
    }
    CPLStringList lco;
    switch (format) {
        case ExportFormat::GeoJSON: lco.SetNameValue("RFC7946", "YES"); break;
        case ExportFormat::Shapefile: lco.SetNameValue("ENCODING", "UTF-8"); break;
        case ExportFormat::FlatGeobuf: lco.SetNameValue("SPATIAL_INDEX", "YES"); break;
        case ExportFormat::CSV:
            if (gtype != wkbNone && !csv_latlon) lco.SetNameValue("GEOMETRY", "AS_WKT");
            break;
        case ExportFormat::GeoPackage:
            if (layer.field_index("fid") >= 0) lco.SetNameValue("FID", "tm_fid");
            break;
        case ExportFormat::KML: break;
    }
    const OGRwkbGeometryType create_type = csv_latlon ? wkbNone : gtype;
    OGRLayer* out = ds.CreateLayer(layer.name.c_str(), create_type == wkbNone ? nullptr : &srs, create_type, lco.List());
    if (!out) {
        *error = "cannot create layer '" + layer.name + "': " + last_gdal_error();
        return false;
    }

    // Output field names: the layer's own, cut to 10 characters for Shapefile.
    std::vector<std::string> names;
    for (const Field& f : layer.fields) names.push_back(f.name);
    const bool kml = format == ExportFormat::KML;
    const Style style = style_for(ctx.settings, layer);
    const bool add_kml_name = kml && layer.field_index("name") < 0;
    if (add_kml_name) names.insert(names.begin(), "name");
    if (csv_latlon) {
        names.push_back(layer.field_index("lat") < 0 ? "lat" : "wgs84_lat");
        names.push_back(layer.field_index("lon") < 0 ? "lon" : "wgs84_lon");
    }
    if (format == ExportFormat::Shapefile) names = shapefile_field_names(names);
    std::vector<OGRFieldType> types;
    if (add_kml_name) types.push_back(OFTString);
    for (const Field& f : layer.fields) types.push_back(ogr_type(f.type, format));
    if (csv_latlon) types.insert(types.end(), {OFTReal, OFTReal});
    for (std::size_t i = 0; i < names.size(); ++i) {
        OGRFieldDefn defn(names[i].c_str(), types[i]);
        // dBase text columns default to 80 bytes and cut longer values: size them to the data.
        const std::size_t source = i - (add_kml_name ? 1 : 0);
        if (format == ExportFormat::Shapefile && types[i] == OFTString && source < layer.fields.size()) {
            std::size_t widest = 1;
            for (const Feature& f : layer.features)
                if (source < f.values.size()) widest = std::max(widest, to_string(f.values[source]).size());
            defn.SetWidth(static_cast<int>(std::min<std::size_t>(widest, 254)));
        }
        if (out->CreateField(&defn, FALSE) != OGRERR_NONE) {
            *error = "cannot create field '" + names[i] + "' in layer '" + layer.name + "': " + last_gdal_error();
            return false;
        }
    }
    // Drivers may add fields of their own (e.g. KML); look ours up by the name we gave.
    OGRFeatureDefn* defn = out->GetLayerDefn();
    std::vector<int> index;
    for (const auto& n : names) index.push_back(defn->GetFieldIndex(n.c_str()));
    const std::size_t first_value = add_kml_name ? 1 : 0;

    const Classification classes = kml ? classify(layer, style, ctx.settings) : Classification{};
    const std::size_t total = layer.features.size();
    for (std::size_t k = 0; k < total; ++k) {
        const Feature& src = layer.features[k];
        OGRFeature feature(defn);
        if (add_kml_name && index[0] >= 0) feature.SetField(index[0], placemark_name(layer, src, style).c_str());
        for (std::size_t i = 0; i < layer.fields.size() && i < src.values.size(); ++i) {
            const int at = index[first_value + i];
            if (at < 0) continue;
            const Value& v = src.values[i];
            if (auto n = std::get_if<std::int64_t>(&v)) feature.SetField(at, static_cast<GIntBig>(*n));
            else if (auto d = std::get_if<double>(&v)) feature.SetField(at, *d);
            else if (auto s = std::get_if<std::string>(&v)) feature.SetField(at, s->c_str());
            else feature.SetFieldNull(at);
        }
        if (src.geometry.kind != geo::GeometryKind::None && gtype != wkbNone) {
            geo::Geometry g = src.geometry;
            if (to_lonlat) to_lonlat->forward(g);
            if (csv_latlon) {
                if (!g.points.empty()) {
                    feature.SetField(index[index.size() - 2], g.points[0].y);
                    feature.SetField(index[index.size() - 1], g.points[0].x);
                }
            } else if (std::unique_ptr<OGRGeometry> og = to_ogr(g, single)) {
                if (!single) og.reset(OGRGeometryFactory::forceTo(og.release(), gtype));
                feature.SetGeometryDirectly(og.release());
            }
        }
        if (kml) {
            const int cls = k < classes.feature_class.size() ? classes.feature_class[k] : -1;
            feature.SetStyleString(kml_style(src.geometry.kind, style, cls >= 0 ? &classes.classes[cls].colour : nullptr).c_str());
        }
        if (out->CreateFeature(&feature) != OGRERR_NONE) {
            *error = "cannot write feature " + std::to_string(src.fid) + " of layer '" + layer.name + "': " + last_gdal_error();
            return false;
        }
        if (ctx.progress && ((k + 1) % kProgressEvery == 0 || k + 1 == total)) ctx.progress(layer.name, k + 1, total);
    }
    if (total == 0 && ctx.progress) ctx.progress(layer.name, 0, 0);
    return true;
}

bool write_qgis_styles(GDALDataset& ds, const std::vector<const Layer*>& layers, const LayerWriteContext& ctx,
                       std::string* error) {
    const Layer table = qgis_layer_styles_table(layers, ctx.settings, "geom");
    if (table.features.empty()) return true;
    return write_layer(ds, table, ctx.working_crs, error);
}

}  // namespace tidemark::layers
