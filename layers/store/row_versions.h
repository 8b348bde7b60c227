// Whether a layer's rows can be saved and refreshed one by one: it carries an integer `version`
// per row, and its fields are still those of the base the session read.
#pragma once

#include "layers/layer.h"

namespace tidemark::layers {

bool has_versions(const Layer& layer);
bool same_fields(const Layer& a, const Layer& b);  // names and types, in order

}  // namespace tidemark::layers
