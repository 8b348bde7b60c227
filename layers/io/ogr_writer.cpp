#include "layers/io/ogr_writer.h"
#include "layers/layer_geometry_type.h"

#include "layers/io/ogr_geometry.h"
#include "layers/io/temp_files.h"

#include <cpl_string.h>
#include <ogr_spatialref.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace tidemark::layers {
namespace {

OGRFieldType ogr_type(FieldType t) {
    switch (t) {
        case FieldType::Integer: return OFTInteger64;
        case FieldType::Real: return OFTReal;
        case FieldType::DateTime: return OFTDateTime;
        case FieldType::String: break;
    }
    return OFTString;
}

void sync_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

OGRwkbGeometryType layer_geometry_type(const Layer& layer) {
    bool single = !layer.force_multi;
    geo::GeometryKind kind = geo::GeometryKind::None;
    for (const Feature& f : layer.features()) {
        if (f.geometry.kind == geo::GeometryKind::None) continue;
        kind = f.geometry.kind;
        std::size_t parts = f.geometry.points.size() + f.geometry.lines.size() + f.geometry.polygons.size();
        if (parts > 1) single = false;
    }
    if (kind == geo::GeometryKind::None) kind = layer.empty_kind;  // an empty result layer keeps its type
    switch (kind) {
        case geo::GeometryKind::Point: return single ? wkbPoint : wkbMultiPoint;
        case geo::GeometryKind::Line: return single ? wkbLineString : wkbMultiLineString;
        case geo::GeometryKind::Polygon: return single ? wkbPolygon : wkbMultiPolygon;
        case geo::GeometryKind::None: break;
    }
    return wkbNone;
}

bool write_layer(GDALDataset& ds, const Layer& layer, const geo::Crs& crs, std::string* error,
                 const std::vector<std::string>& creation_options) {
    const OGRwkbGeometryType gtype = layer_geometry_type(layer);
    OGRSpatialReference srs;
    if (gtype != wkbNone) {
        if (srs.SetFromUserInput(crs.definition().c_str()) != OGRERR_NONE) {
            *error = "cannot express CRS " + crs.name() + " for GDAL";
            return false;
        }
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    CPLStringList lco;
    for (const auto& o : creation_options) lco.AddString(o.c_str());
    if (layer.field_index("fid") >= 0 && lco.FetchNameValue("FID") == nullptr) lco.SetNameValue("FID", "tm_fid");
    OGRLayer* out = ds.CreateLayer(layer.name.c_str(), gtype == wkbNone ? nullptr : &srs, gtype, lco.List());
    if (!out) {
        *error = "cannot create layer '" + layer.name + "': " + last_gdal_error();
        return false;
    }
    for (const Field& field : layer.fields) {
        OGRFieldDefn defn(field.name.c_str(), ogr_type(field.type));
        if (out->CreateField(&defn) != OGRERR_NONE) {
            *error = "cannot create field '" + field.name + "' in layer '" + layer.name + "': " + last_gdal_error();
            return false;
        }
    }
    OGRFeatureDefn* defn = out->GetLayerDefn();
    // Field indexes in the written layer can differ from ours (drivers may rename or add fields).
    std::vector<int> index(layer.fields.size());
    for (std::size_t i = 0; i < layer.fields.size(); ++i) index[i] = i < static_cast<std::size_t>(defn->GetFieldCount()) ? static_cast<int>(i) : -1;

    const bool single = gtype == wkbPoint || gtype == wkbLineString || gtype == wkbPolygon;
    for (const Feature& f : layer.features()) {
        OGRFeature feature(defn);
        for (std::size_t i = 0; i < layer.fields.size() && i < f.values.size(); ++i) {
            if (index[i] < 0) continue;
            const Value& v = f.values[i];
            if (auto n = std::get_if<std::int64_t>(&v)) feature.SetField(index[i], static_cast<GIntBig>(*n));
            else if (auto d = std::get_if<double>(&v)) feature.SetField(index[i], *d);
            else if (auto s = std::get_if<std::string>(&v)) feature.SetField(index[i], s->c_str());
            else feature.SetFieldNull(index[i]);
        }
        if (gtype != wkbNone && f.geometry.kind != geo::GeometryKind::None) {
            std::unique_ptr<OGRGeometry> g = to_ogr(f.geometry, single);
            if (g) {
                if (!single) g.reset(OGRGeometryFactory::forceTo(g.release(), gtype));
                feature.SetGeometryDirectly(g.release());
            }
        }
        if (out->CreateFeature(&feature) != OGRERR_NONE) {
            *error = "cannot write feature " + std::to_string(f.fid) + " of layer '" + layer.name + "': " + last_gdal_error();
            return false;
        }
    }
    return true;
}

bool write_file_atomically(const std::string& path, const std::string& driver_name,
                           const std::function<bool(GDALDataset&, std::string*)>& fill, std::string* error) {
    ensure_gdal_registered();
    namespace fs = std::filesystem;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!driver) {
        *error = "GDAL has no '" + driver_name + "' driver";
        return false;
    }
    const fs::path target(path);
    remove_stale_temporaries(target);
    const fs::path temp = temporary_beside(target, target.extension().string());
    std::error_code ec;
    fs::remove(temp, ec);
    bool ok = false;
    {
        DatasetPtr ds(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) {
            *error = path + ": cannot create (" + last_gdal_error() + ")";
            remove_own_temporaries(temp);
            return false;
        }
        const bool transactions = ds->StartTransaction() == OGRERR_NONE;
        std::string why;
        ok = fill(*ds, &why);
        if (ok && transactions && ds->CommitTransaction() != OGRERR_NONE) {
            ok = false;
            why = "commit failed: " + last_gdal_error();
        }
        if (!ok) *error = path + ": " + why;
    }  // closes the dataset: everything is on disk in `temp` now
    if (ok) {
        sync_file(temp.string());
        fs::rename(temp, target, ec);
        if (ec) {
            ok = false;
            *error = path + ": cannot replace with the new file (" + ec.message() + ")";
        } else {
            sync_file(target.parent_path().empty() ? "." : target.parent_path().string());
        }
    }
    if (!ok) remove_own_temporaries(temp);
    return ok;
}

DatasetPtr open_for_reading(const std::string& path, std::string* error) {
    ensure_gdal_registered();
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds && error) *error = path + ": cannot open (" + last_gdal_error("not a GDAL vector source") + ")";
    return ds;
}

}  // namespace tidemark::layers
