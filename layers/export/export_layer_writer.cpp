#include "layers/export/export_layer_writer.h"

#include "layers/export/export_qml.h"
#include "layers/export/export_shapefile_names.h"
#include "layers/io/ogr_geometry.h"
#include "layers/io/ogr_writer.h"

#include <cpl_string.h>
#include <ogr_spatialref.h>

#include <cstdio>
#include <memory>

namespace tidemark::layers {
namespace {

constexpr std::size_t kProgressEvery = 5000;  // features between progress reports

bool needs_wgs84(ExportFormat f) { return f == ExportFormat::GeoJSON || f == ExportFormat::CSV; }
bool times_as_text(ExportFormat f) { return f == ExportFormat::Shapefile || f == ExportFormat::CSV; }

OGRwkbGeometryType geometry_type(const Layer& layer, bool* single) {
    *single = !layer.force_multi;
    geo::GeometryKind kind = geo::GeometryKind::None;
    for (const Feature& f : layer.features()) {
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
        case ExportFormat::KML: break;  // layers/export/export_kml.cpp
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
    if (csv_latlon) {
        names.push_back(layer.field_index("lat") < 0 ? "lat" : "wgs84_lat");
        names.push_back(layer.field_index("lon") < 0 ? "lon" : "wgs84_lon");
    }
    if (format == ExportFormat::Shapefile) names = shapefile_field_names(names);
    std::vector<OGRFieldType> types;
    for (const Field& f : layer.fields) types.push_back(ogr_type(f.type, format));
    if (csv_latlon) types.insert(types.end(), {OFTReal, OFTReal});
    for (std::size_t i = 0; i < names.size(); ++i) {
        OGRFieldDefn defn(names[i].c_str(), types[i]);
        // dBase text columns default to 80 bytes and cut longer values: size them to the data.
        const std::size_t source = i;
        if (format == ExportFormat::Shapefile && types[i] == OFTString && source < layer.fields.size()) {
            std::size_t widest = 1;
            for (const Feature& f : layer.features())
                if (source < f.values.size()) widest = std::max(widest, to_string(f.values[source]).size());
            defn.SetWidth(static_cast<int>(std::min<std::size_t>(widest, 254)));
        }
        if (out->CreateField(&defn, FALSE) != OGRERR_NONE) {
            *error = "cannot create field '" + names[i] + "' in layer '" + layer.name + "': " + last_gdal_error();
            return false;
        }
    }
    // Drivers may add or launder fields; look ours up by the name we gave.
    OGRFeatureDefn* defn = out->GetLayerDefn();
    std::vector<int> index;
    for (const auto& n : names) index.push_back(defn->GetFieldIndex(n.c_str()));
    const std::size_t total = layer.features().size();
    for (std::size_t k = 0; k < total; ++k) {
        const Feature& src = layer.features()[k];
        OGRFeature feature(defn);
        for (std::size_t i = 0; i < layer.fields.size() && i < src.values.size(); ++i) {
            const int at = index[i];
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
    if (table.features().empty()) return true;
    return write_layer(ds, table, ctx.working_crs, error);
}

}  // namespace tidemark::layers
