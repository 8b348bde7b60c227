// Exporting workspace layers and tables to the formats analysts' tools read: GeoPackage
// (with QGIS styles), GeoJSON (RFC 7946), KML (styled, named placemarks), Shapefile,
// CSV (lat/lon or WKT, UTF-8, ISO 8601 times) and FlatGeobuf. Every output appears at its
// path only when complete (see export_atomic.h).
#pragma once

#include "layers/workspace.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

enum class ExportFormat { GeoPackage, GeoJSON, KML, Shapefile, CSV, FlatGeobuf };

// "gpkg", "geojson", "kml", "shp", "csv", "fgb" (also the GDAL driver names).
std::optional<ExportFormat> parse_export_format(const std::string& name);
const char* export_extension(ExportFormat format);  // without the dot: "gpkg", "shp", ...

// Called from the exporting thread: `layer` being written, features done of total.
using ExportProgress = std::function<void(const std::string& layer, std::size_t done, std::size_t total)>;

struct ExportRequest {
    std::vector<std::string> layers;  // names; empty means every layer and table
    ExportFormat format = ExportFormat::GeoPackage;
    // One layer: the file to write (for Shapefile, the .shp; sidecars go beside it).
    // Several: a GeoPackage file holding them all, or for other formats a folder holding
    // one <layer>.<ext> per layer.
    std::string path;
    ExportProgress progress;  // optional
};

// Geometry leaves the working CRS for WGS 84 in GeoJSON, KML and CSV; GeoPackage, Shapefile
// and FlatGeobuf keep the working CRS (with its definition in the file).
// false with `error` naming the path, layer and what to do; nothing is left at the path then.
bool export_layers(const Workspace& ws, const ExportRequest& request, std::string* error);

}  // namespace tidemark::layers
