// Writes one Layer into an open GDAL dataset the way each export format wants it: field
// names and types adapted (Shapefile 10-char names, times as ISO text where the format
// has no time type), geometry in WGS 84 where the format requires it, CSV lat/lon columns
// for points. (KML is written by export_kml.)
#pragma once

#include "geo/crs.h"
#include "layers/export/export.h"
#include "layers/io/gdal_handles.h"

#include <nlohmann/json.hpp>

namespace tidemark::layers {

struct LayerWriteContext {
    const geo::Crs& working_crs;
    const nlohmann::json& settings;  // workspace settings (styles)
    ExportFormat format;
    const ExportProgress& progress;
};

bool write_export_layer(GDALDataset& ds, const Layer& layer, const LayerWriteContext& ctx, std::string* error);

// GeoPackage only: the QGIS `layer_styles` table for `layers`.
bool write_qgis_styles(GDALDataset& ds, const std::vector<const Layer*>& layers, const LayerWriteContext& ctx,
                       std::string* error);

}  // namespace tidemark::layers
