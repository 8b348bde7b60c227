// Per-feature colours and symbols from a layer's style: categories of `colour_by` get
// distinct palette colours (ports by kind, reports by category, tracks by vessel); numeric
// coverage fields (max_gap_s, covered_pct, observed share) get a green-to-red ramp.
// Pure: used by the GL buffers, the legend and the tests.
#pragma once

#include "layers/layer.h"
#include "layers/style.h"

#include <string>
#include <vector>

namespace tidemark::gui {

struct LegendEntry {
    std::string label;
    layers::Rgba colour;
    layers::PointSymbol symbol = layers::PointSymbol::Circle;
};

struct FeatureColours {
    std::vector<layers::Rgba> colour;         // per feature
    std::vector<layers::PointSymbol> symbol;  // per feature
    std::vector<LegendEntry> legend;          // categories, or ramp stops for numeric fields
    bool ramp = false;
};

// Green (good) to red (bad) for t in [0, 1].
layers::Rgba ramp_colour(double t);
// A fixed, well-separated palette colour for category number i.
layers::Rgba palette_colour(std::size_t i);

FeatureColours feature_colours(const layers::Layer& layer, const layers::Style& style);

}  // namespace tidemark::gui
