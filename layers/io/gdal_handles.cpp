#include "layers/io/gdal_handles.h"

#include <cpl_error.h>

#include <mutex>

namespace tidemark::layers {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
        // Geometry validity is ours to report; GDAL must not silently "fix" it on read.
        CPLSetConfigOption("OGR_GEOJSON_ARRAY_AS_STRING", "YES");
    });
}

std::string last_gdal_error(const std::string& fallback) {
    const char* msg = CPLGetLastErrorMsg();
    return msg && *msg ? std::string(msg) : fallback;
}

}  // namespace tidemark::layers
