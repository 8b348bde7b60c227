// Reads any OGR vector source into Layers in the working CRS, reporting data problems
// (invalid or empty geometry, missing CRS, rows without geometry) instead of failing.
#pragma once

#include "geo/crs.h"
#include "layers/layer.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

struct ReadOptions {
    geo::Crs working_crs = geo::Crs::british_national_grid();
    std::optional<LayerRole> role;        // role given to every layer read; Generic when unset
    std::string only_layer;               // read just this layer of a multi-layer source
    bool validate_polygons = true;        // GEOS validity check per polygon (reports, keeps the feature)
    std::vector<std::string> open_options;  // extra GDAL open options, "NAME=VALUE"
    // Each layer's name, fields, declared geometry type and CRS, no rows: what a lazily opened
    // workspace reads first (its layers read their rows on first use, Layer::features).
    bool schema_only = false;
};

struct LayerSummary {
    std::string name;
    std::string geometry_type;   // as OGR names it, e.g. "Multi Polygon"
    std::string source_crs;      // name of the CRS declared by the source, or "(none)"
    std::size_t features = 0;    // as read (features kept)
    Box lonlat_extent;           // WGS 84 extent of what was kept
};

struct ReadResult {
    bool ok = false;            // false when the source could not be opened at all
    std::string error;          // why, naming the file and what was expected
    std::string driver;         // GDAL driver short name, e.g. "GPKG"
    std::vector<Layer> layers;
    std::vector<LayerSummary> summaries;  // parallel to layers
    geo::Problems problems;
    // Features the source holds that are not in `layers` (skipped, or after a read error): what
    // writing the layers back over the source would lose.
    std::size_t features_left_out = 0;
    std::map<std::string, std::size_t> left_out_by_layer;  // the same, by layer name
};

ReadResult read_vector(const std::string& path, const ReadOptions& options = {});

// Looks at a source's WGS 84 extent without keeping its features: used to pick a working CRS.
std::optional<Box> lonlat_extent(const std::string& path);

}  // namespace tidemark::layers
