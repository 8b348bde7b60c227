// Writes a density grid as a single-band Float32 GeoTIFF in the working CRS (QGIS opens it).
#pragma once

#include "geo/crs.h"
#include "geo/kernel_density.h"

#include <string>

namespace tidemark::layers {

// Written to a temporary file beside `path` and renamed over it only when complete.
// false with `error` naming the file and the cause.
bool write_density_geotiff(const std::string& path, const geo::DensityGrid& grid, const geo::Crs& crs,
                           std::string* error, const std::string& description = "reports per km2");

}  // namespace tidemark::layers
