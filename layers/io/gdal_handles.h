// RAII for GDAL handles (as libosmium's gdalcpp): datasets close when they go out of scope.
#pragma once

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>

namespace tidemark::layers {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// GDALAllRegister once, quiet default error handler (we report errors ourselves).
void ensure_gdal_registered();

// The message of the last GDAL/OGR error, or `fallback` when there is none.
std::string last_gdal_error(const std::string& fallback = "unknown GDAL error");

}  // namespace tidemark::layers
