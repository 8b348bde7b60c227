// Per-feature colours and symbols of a layer as the map scene gives them (layers/scene/map_scene.h:
// classes against the revisit target for coverage, one colour per category or vessel), in the
// shape the GL buffers and older callers use; plus the green-to-red ramp the forces chart uses.
#pragma once

#include "layers/layer.h"
#include "layers/scene/map_scene.h"
#include "layers/style/style.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace tidemark::gui {

using layers::LegendEntry;

struct FeatureColours {
    std::vector<layers::Rgba> colour;         // per feature
    std::vector<layers::PointSymbol> symbol;  // per feature
    std::vector<LegendEntry> legend;          // the classes; empty when the layer has one colour
};

// Green (good) to red (bad) for t in [0, 1]: for charts of a share, not for the map.
layers::Rgba ramp_colour(double t);
// The category palette colour i (layers::category_colour).
layers::Rgba palette_colour(std::size_t i);

// `settings`: the workspace settings (the revisit target of the coverage classes).
FeatureColours feature_colours(const layers::Layer& layer, const layers::Style& style,
                               const nlohmann::json& settings = nlohmann::json::object());

}  // namespace tidemark::gui
