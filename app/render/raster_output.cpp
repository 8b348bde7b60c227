#include "app/render/raster_output.h"

#include "layers/io/gdal_handles.h"

#include <ogr_spatialref.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

namespace tidemark::render {
namespace {

void put_u32(std::vector<unsigned char>& out, std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<unsigned char>(v >> s));
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::vector<unsigned char>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::uint32_t png_crc(const unsigned char* data, std::size_t size, std::uint32_t crc) {
    crc = ~crc;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

bool write_png(cairo_surface_t* surface, double dpi, const std::string& path, std::string* error) {
    std::vector<unsigned char> png;
    if (cairo_surface_write_to_png_stream(surface, append, &png) != CAIRO_STATUS_SUCCESS || png.size() < 33) {
        *error = "cairo could not encode the PNG";
        return false;
    }
    // pHYs goes right after IHDR (8-byte signature + 25-byte IHDR chunk).
    const std::uint32_t ppm = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    std::vector<unsigned char> chunk;
    put_u32(chunk, 9);
    const std::size_t type_at = chunk.size();
    for (char c : {'p', 'H', 'Y', 's'}) chunk.push_back(static_cast<unsigned char>(c));
    put_u32(chunk, ppm);
    put_u32(chunk, ppm);
    chunk.push_back(1);  // unit: metre
    put_u32(chunk, png_crc(chunk.data() + type_at, chunk.size() - type_at));
    png.insert(png.begin() + 33, chunk.begin(), chunk.end());
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    out.close();
    if (!out) {
        *error = "cannot write the PNG data (disk full?)";
        return false;
    }
    return true;
}

bool write_geotiff(cairo_surface_t* surface, const geo::Box& world, const geo::Crs& crs, const std::string& path,
                   std::string* error) {
    layers::ensure_gdal_registered();
    cairo_surface_flush(surface);
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!gtiff) {
        *error = "this GDAL has no GTiff driver";
        return false;
    }
    char** options = nullptr;
    options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
    options = CSLSetNameValue(options, "TILED", "YES");
    options = CSLSetNameValue(options, "PHOTOMETRIC", "RGB");
    options = CSLSetNameValue(options, "ALPHA", "YES");
    layers::DatasetPtr ds(gtiff->Create(path.c_str(), w, h, 4, GDT_Byte, options));
    CSLDestroy(options);
    if (!ds) {
        *error = "cannot create GeoTIFF (" + layers::last_gdal_error() + ")";
        return false;
    }
    double gt[6] = {world.min_x, world.width() / w, 0, world.max_y, 0, -world.height() / h};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.SetFromUserInput(crs.definition().c_str());
    ds->SetSpatialRef(&srs);
    // cairo ARGB32 is premultiplied, native-endian 32-bit words: unpremultiply into RGBA bands.
    std::vector<unsigned char> band(static_cast<std::size_t>(w) * h);
    for (int b = 0; b < 4; ++b) {
        for (int y = 0; y < h; ++y) {
            const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
            for (int x = 0; x < w; ++x) {
                const std::uint32_t px = row[x];
                const unsigned a = px >> 24;
                unsigned v = b == 3 ? a : (px >> (16 - 8 * b)) & 0xFF;
                if (b < 3 && a > 0 && a < 255) v = std::min(255u, (v * 255 + a / 2) / a);
                band[static_cast<std::size_t>(y) * w + x] = static_cast<unsigned char>(v);
            }
        }
        if (ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, w, h, band.data(), w, h, GDT_Byte, 0, 0) != CE_None) {
            *error = "cannot write GeoTIFF pixels (" + layers::last_gdal_error() + ")";
            return false;
        }
    }
    CPLErrorReset();
    ds.reset();  // flush and close
    if (CPLGetLastErrorType() == CE_Failure) {
        *error = "GeoTIFF write failed (" + layers::last_gdal_error() + ")";
        return false;
    }
    return true;
}

}  // namespace tidemark::render
