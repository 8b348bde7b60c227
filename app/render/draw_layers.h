// The map content: workspace layers drawn with their styles (layers/style/style.h) in an order
// fixed by role (sea, land, force areas, coverage, gaps, tracks, ports, reports), then
// decluttered labels. Works from roles and field names only, so layers other modules add
// (segments, gaps, track_legs, track_points, reports) draw as soon as they exist.
#pragma once

#include "app/render/map_view.h"
#include "layers/scene/map_scene.h"
#include "layers/workspace.h"

#include <cairo.h>

#include <optional>
#include <vector>

namespace tidemark::render {

// The scene is computed in layers/ (layers/scene/map_scene.h), shared with the desktop map.
using DrawnLayer = layers::SceneLayer;
using MapScene = layers::MapScene;
using layers::kSeaColour;

// With `as_of` (the segments layer's history) and a time, the coast is coloured as of that time;
// with `reports`, only the reports it keeps are drawn.
inline MapScene build_scene(const layers::Workspace& ws, std::optional<geo::UnixTime> time,
                            const layers::CoverageHistory* as_of = nullptr, const layers::ReportFilter* reports = nullptr) {
    return layers::build_map_scene(ws, time, as_of, reports);
}

// The extent worth showing by default: coastline and force areas (else every layer), with a margin.
geo::Box default_extent(const MapScene& scene);

// Draws sea, layers and labels clipped to the view's frame. `unit` scales line widths and
// text with the page (1 on A4). No label is placed over `keep_clear` (frame furniture).
void draw_scene(cairo_t* cr, const MapView& view, const MapScene& scene, double unit,
                const std::vector<Rect>& keep_clear = {});

// One point symbol centred at (x, y), `size` across, as the map draws it (also for the legend).
void draw_symbol(cairo_t* cr, layers::PointSymbol symbol, double x, double y, double size, const layers::Rgba& fill,
                 const layers::Rgba& stroke, double stroke_width);
void set_colour(cairo_t* cr, const layers::Rgba& c, float opacity = 1.0f);
// Whether features of this layer draw dashed (planned patrols).
bool is_planned(const layers::Layer& layer, const layers::Feature& f);

}  // namespace tidemark::render
