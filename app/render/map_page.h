// One map page (the map and its frame) drawn on a cairo surface, for documents that put a map
// among other pages (the plan briefing pack); `render_map` writes a single such page.
#pragma once

#include "app/render/draw_layers.h"
#include "app/render/map_render.h"

#include <cairo.h>

#include <string>

namespace tidemark::render {

// Draws the page and shows it. `scale`: device units per point (1 for PDF). false with `error`
// when cairo fails.
bool draw_map_page(cairo_surface_t* surface, const layers::Workspace& ws, const MapScene& scene, const RenderOptions& o,
                   double scale, double w_pt, double h_pt, std::string* error);

}  // namespace tidemark::render
