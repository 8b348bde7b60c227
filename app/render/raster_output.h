// Writing a rendered cairo image surface out: PNG with the DPI in a pHYs chunk, and
// GeoTIFF (RGBA, deflate) with a geotransform and the working CRS through GDAL.
#pragma once

#include "geo/crs.h"
#include "geo/geometry.h"

#include <cairo.h>

#include <string>

namespace tidemark::render {

// PNG bytes of `surface` with a pHYs chunk saying `dpi` (as pixels per metre).
bool write_png(cairo_surface_t* surface, double dpi, const std::string& path, std::string* error);

// `world` is exactly what the raster covers (pixel edges, not centres), in `crs`.
bool write_geotiff(cairo_surface_t* surface, const geo::Box& world, const geo::Crs& crs, const std::string& path,
                   std::string* error);

// The CRC-32 of PNG chunks (ISO 3309 / ITU-T V.42 polynomial).
std::uint32_t png_crc(const unsigned char* data, std::size_t size, std::uint32_t crc = 0);

}  // namespace tidemark::render
