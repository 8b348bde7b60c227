// The legend: one entry per drawn layer (top-most first) with its symbol exactly as the map
// draws it, class rows for layers coloured by a field, "synthetic" on generated data.
#pragma once

#include "app/render/draw_layers.h"
#include "app/render/map_view.h"

#include <cairo.h>

#include <string>

namespace tidemark::render {

using layers::display_name;  // "track_legs" -> "Track legs"

// Draws into `box`; rows that do not fit are summarised in a last "… n more" row.
void draw_legend(cairo_t* cr, const Rect& box, const MapScene& scene, double unit);

}  // namespace tidemark::render
