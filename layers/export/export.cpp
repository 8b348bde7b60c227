#include "layers/export/export.h"

#include "layers/export/export_atomic.h"
#include "layers/export/export_kml.h"
#include "layers/export/export_layer_writer.h"
#include "layers/tracks/track_store.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <strings.h>

namespace tidemark::layers {
namespace {

struct FormatInfo {
    ExportFormat format;
    const char* names[3];
    const char* extension;
    const char* driver;
};

constexpr FormatInfo kFormats[] = {
    {ExportFormat::GeoPackage, {"gpkg", "geopackage", nullptr}, "gpkg", "GPKG"},
    {ExportFormat::GeoJSON, {"geojson", "json", nullptr}, "geojson", "GeoJSON"},
    {ExportFormat::KML, {"kml", nullptr, nullptr}, "kml", nullptr},  // written by export_kml
    {ExportFormat::Shapefile, {"shp", "shapefile", "esri shapefile"}, "shp", "ESRI Shapefile"},
    {ExportFormat::CSV, {"csv", nullptr, nullptr}, "csv", "CSV"},
    {ExportFormat::FlatGeobuf, {"fgb", "flatgeobuf", nullptr}, "fgb", "FlatGeobuf"},
};

const FormatInfo& info(ExportFormat f) {
    for (const auto& i : kFormats)
        if (i.format == f) return i;
    return kFormats[0];
}

GDALDriver* driver_for(ExportFormat f, std::string* error) {
    ensure_gdal_registered();
    const char* name = info(f).driver;
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName(name);
    if (!d) *error = std::string("this GDAL has no '") + name + "' driver";
    return d;
}

// A file name from a layer name: keeps letters, digits, '-', '_' and '.'.
std::string file_stem(const std::string& layer_name) {
    std::string s;
    for (unsigned char c : layer_name) s += (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80) ? static_cast<char>(c) : '_';
    return s.empty() ? "layer" : s;
}

// Creates a dataset at `path` with the format's driver and writes `chosen` into it.
bool write_dataset(const std::string& path, const Workspace& ws, const std::vector<const Layer*>& chosen,
                   ExportFormat format, const ExportProgress& progress, std::string* error) {
    if (format == ExportFormat::KML) {
        if (chosen.size() != 1) {
            *error = "a KML file holds one layer here";
            return false;
        }
        return write_kml(path, *chosen[0], ws.crs(), ws.settings, progress, error);
    }
    GDALDriver* driver = driver_for(format, error);
    if (!driver) return false;
    DatasetPtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) {
        *error = "cannot create (" + last_gdal_error() + ")";
        return false;
    }
    const bool transaction = format == ExportFormat::GeoPackage && ds->StartTransaction() == OGRERR_NONE;
    LayerWriteContext ctx{ws.crs(), ws.settings, format, progress};
    for (const Layer* l : chosen)
        if (!write_export_layer(*ds, *l, ctx, error)) return false;
    if (format == ExportFormat::GeoPackage && !write_qgis_styles(*ds, chosen, ctx, error)) return false;
    if (transaction && ds->CommitTransaction() != OGRERR_NONE) {
        *error = "commit failed: " + last_gdal_error();
        return false;
    }
    CPLErrorReset();
    ds.reset();  // flush and close: only now is the file complete
    if (CPLGetLastErrorType() == CE_Failure) {
        *error = "closing failed: " + last_gdal_error();
        return false;
    }
    return true;
}

}  // namespace

std::optional<ExportFormat> parse_export_format(const std::string& name) {
    for (const auto& i : kFormats)
        for (const char* n : i.names)
            if (n && strcasecmp(n, name.c_str()) == 0) return i.format;
    return std::nullopt;
}

const char* export_extension(ExportFormat format) { return info(format).extension; }

bool export_layers(const Workspace& ws, const ExportRequest& request, std::string* error) {
    std::vector<const Layer*> chosen;
    std::optional<Layer> fix_points;  // one point per fix, made from the packed legs when asked for by name
    if (request.layers.empty()) {
        for (const Layer& l : ws.layers) chosen.push_back(&l);
    } else {
        for (const auto& name : request.layers) {
            const Layer* l = ws.find(name);
            if (!l && name == kTrackPointsLayer && has_packed_tracks(ws)) {
                fix_points = track_points_layer(load_tracks(ws));
                l = &*fix_points;
            }
            if (!l) {
                std::string names;
                for (const Layer& k : ws.layers) names += (names.empty() ? "" : ", ") + k.name;
                *error = "no layer '" + name + "' in " + ws.path() + "; layers: " + names;
                return false;
            }
            chosen.push_back(l);
        }
    }
    if (chosen.empty()) {
        *error = ws.path() + ": the workspace has no layers to export";
        return false;
    }
    CPLErrorReset();
    const ExportFormat format = request.format;
    if (chosen.size() == 1 || format == ExportFormat::GeoPackage) {
        if (format == ExportFormat::Shapefile) {
            // .shp + .shx + .dbf + .prj + .cpg, written together in a temporary folder.
            const std::filesystem::path target(request.path);
            return produce_files_atomically(request.path, false, [&](const std::string& dir, std::string* why) {
                return write_dataset((std::filesystem::path(dir) / target.filename()).string(), ws, chosen, format,
                                     request.progress, why);
            }, error);
        }
        return produce_file_atomically(request.path, [&](const std::string& temp, std::string* why) {
            return write_dataset(temp, ws, chosen, format, request.progress, why);
        }, error);
    }
    return produce_files_atomically(request.path, true, [&](const std::string& dir, std::string* why) {
        for (const Layer* l : chosen) {
            const std::string file = (std::filesystem::path(dir) / (file_stem(l->name) + "." + export_extension(format))).string();
            std::string what;
            if (!write_dataset(file, ws, {l}, format, request.progress, &what)) {
                *why = "layer " + l->name + ": " + what;
                return false;
            }
        }
        return true;
    }, error);
}

}  // namespace tidemark::layers
