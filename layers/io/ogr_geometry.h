// Conversion between OGR geometries and the plain geo::Geometry model.
#pragma once

#include "layers/layer.h"

#include <ogr_geometry.h>

#include <memory>
#include <string>

namespace tidemark::layers {

// Flattens to 2D and linearises curves. Mixed collections keep the first kind met; what is
// dropped is described in `dropped` (empty when nothing was).
Geometry from_ogr(const OGRGeometry& g, std::string* dropped = nullptr);

// Multi* geometries unless `single` and there is exactly one part.
std::unique_ptr<OGRGeometry> to_ogr(const Geometry& g, bool single = false);

}  // namespace tidemark::layers
