// QGIS layer styles (QML) for exported GeoPackages: written into the `layer_styles` table
// QGIS reads when it opens a layer, so exported layers look as they do in Tidemark.
#pragma once

#include "layers/layer.h"
#include "layers/style/style.h"

#include <nlohmann/json.hpp>

#include <string>

namespace tidemark::layers {

// A QML document: a single symbol, or a rule-based renderer with one rule per class when the
// style colours by a field (same classes as the map legend), plus simple labels.
std::string qgis_qml(const Layer& layer, const Style& style, const nlohmann::json& settings);

// The `layer_styles` table (QGIS's layout) with one default style per layer in `layers`
// that has geometry.
Layer qgis_layer_styles_table(const std::vector<const Layer*>& layers, const nlohmann::json& settings,
                              const std::string& geometry_column);

}  // namespace tidemark::layers
