// The legend's symbols in the layer list: a small swatch drawn as the map draws the layer
// (point symbol, line, or filled area with its outline), laid out as one ImGui item.
#pragma once

#include "layers/scene/map_scene.h"

namespace tidemark::gui {

// A swatch for `layer` in `colour` (a class colour, or the layer's own when classes are empty).
void legend_swatch(const layers::SceneLayer& layer, const layers::Rgba& colour, layers::PointSymbol symbol);

// The scene layer's legend entries under a collapsible heading (its legend title); nothing
// when the layer is drawn in one colour. Long lists (vessels) start collapsed.
void legend_classes(const layers::SceneLayer& layer);

}  // namespace tidemark::gui
