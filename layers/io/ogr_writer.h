// Writes Layers through GDAL. Every file is written whole to a temporary name beside the
// target and renamed over it only when complete, so a crash never leaves a half-written
// file at the target path and never damages the previous one.
#pragma once

#include "geo/crs.h"
#include "layers/io/gdal_handles.h"
#include "layers/layer.h"

#include <functional>
#include <string>
#include <vector>

namespace tidemark::layers {

// Creates one OGR layer in `ds` holding `layer`'s fields and features (geometry in `crs`).
// Layers with no geometry become attribute tables.
bool write_layer(GDALDataset& ds, const Layer& layer, const geo::Crs& crs, std::string* error,
                 const std::vector<std::string>& creation_options = {});

// Creates `path` with GDAL `driver` through a temporary file in the same folder; `fill`
// writes the content. On success the temporary is flushed to disk and renamed over `path`;
// on any failure it is deleted and `path` is untouched.
bool write_file_atomically(const std::string& path, const std::string& driver,
                           const std::function<bool(GDALDataset&, std::string*)>& fill, std::string* error);

// Opens `path` for update, in the way the workspace reads its own tables.
DatasetPtr open_for_reading(const std::string& path, std::string* error);

}  // namespace tidemark::layers
