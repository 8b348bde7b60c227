// What each layer role needs, and mapping of common source column names onto Tidemark's
// canonical ones (forces: code, name; ports: name, kind), so QGIS users' files just work.
#pragma once

#include "geo/problem.h"
#include "layers/layer.h"

namespace tidemark::layers {

// Adds canonical fields filled from the best matching source column, checks the geometry
// kind the role needs. Returns false (with a problem naming the layer and what was expected)
// when the layer cannot serve the role at all.
bool prepare_for_role(Layer& layer, LayerRole role, geo::Problems& problems);

}  // namespace tidemark::layers
