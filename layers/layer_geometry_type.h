// The OGR geometry type a layer is written with (ogr_writer.cpp; the PostGIS tables use it too).
#pragma once

#include "layers/layer.h"

#include <ogr_core.h>

namespace tidemark::layers {

// The features' kind (or empty_kind when there are none with geometry), Multi* when
// force_multi or any feature has several parts; wkbNone for attribute tables.
OGRwkbGeometryType layer_geometry_type(const Layer& layer);

}  // namespace tidemark::layers
