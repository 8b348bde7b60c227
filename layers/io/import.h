// Importing one file as one workspace layer of a given role.
#pragma once

#include "geo/crs.h"
#include "layers/layer.h"

#include <optional>
#include <string>

namespace tidemark::layers {

// Reads `path` ("file" or "file:layer" when the file holds several layers, e.g. a GeoPackage),
// projects to `crs`, names the result `name` and prepares it for `role`. Data problems go to
// `problems`; nullopt (with `error`) when the file cannot be read or cannot serve the role.
std::optional<Layer> import_layer(const std::string& path, const geo::Crs& crs, LayerRole role,
                                  const std::string& name, geo::Problems& problems, std::string* error);

// The working CRS for a set of files: BNG around the British Isles, else local UTM.
geo::Crs working_crs_for(const std::vector<std::string>& paths);

// The working CRS a command asked for: `crs_option` (--crs; must be projected in metres) when
// given, else the one chosen from the coast file. nullopt with `error` ("--crs: ...") when
// the option names no usable CRS.
std::optional<geo::Crs> working_crs(const std::string& crs_option, const std::string& coast, std::string* error);

}  // namespace tidemark::layers
