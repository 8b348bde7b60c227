// KML for Google Earth, written directly: one shared <Style> per map class (icon, line and
// area colours as on the map), a <name> on every placemark, attributes as ExtendedData, and
// coordinates in WGS 84 lon,lat. GDAL's LIBKML driver took minutes for 20,000 placemarks and
// its plain KML driver writes no icon styles, hence this small writer.
#pragma once

#include "geo/crs.h"
#include "layers/export/export.h"
#include "layers/layer.h"

#include <nlohmann/json.hpp>

#include <string>

namespace tidemark::layers {

bool write_kml(const std::string& path, const Layer& layer, const geo::Crs& working_crs, const nlohmann::json& settings,
               const ExportProgress& progress, std::string* error);

}  // namespace tidemark::layers
