// Data attribution lines for the map frame: each layer's own Layer::attribution, else the
// licence line of a known public source recognised from where the layer was read.
#pragma once

#include "layers/layer.h"

#include <string>
#include <vector>

namespace tidemark::render {

// The attribution for one layer, "" when neither set nor recognised.
std::string attribution_for(const layers::Layer& layer);

// Distinct attribution lines for `layers`, in first-seen order.
std::vector<std::string> attributions(const std::vector<const layers::Layer*>& layers);

}  // namespace tidemark::render
