// read_vector (ogr_reader.h) from a dataset already open: for a store that keeps one open while it
// reads one layer after another (store/gpkg_store.cpp).
#pragma once

#include "layers/io/ogr_reader.h"

#include <gdal_priv.h>

#include <string>

namespace tidemark::layers {

// `path` names the dataset in problems and errors.
ReadResult read_dataset(GDALDataset& dataset, const std::string& path, const ReadOptions& options);

}  // namespace tidemark::layers
