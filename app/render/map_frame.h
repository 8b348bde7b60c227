// The frame around the map that makes it fit for a briefing: protective marking top and
// bottom, title and time window, legend with the symbols as drawn, scale bar (km and
// nautical miles), north arrow, CRS, data attribution and generation time.
#pragma once

#include "app/render/draw_layers.h"
#include "app/render/map_view.h"

#include <cairo.h>

#include <string>
#include <vector>

namespace tidemark::render {

struct FrameText {
    std::string title;
    std::string time_line;        // e.g. "Time window 2026-03-01 00:00Z – 2026-03-08 00:00Z"
    std::string marking;          // protective marking, "" for none
    std::string crs_line;         // e.g. "British National Grid (EPSG:27700)"
    std::vector<std::string> attributions;
    std::string generated_line;   // e.g. "Generated 2026-03-01T12:00:00Z by Tidemark 0.1.0"
};

struct PageLayout {
    double width_pt = 0, height_pt = 0;
    double unit = 1;   // text and line scale: 1 on an A4 page
    Rect map;          // where the map goes
    Rect legend;       // the panel at the right
};

PageLayout layout_page(double width_pt, double height_pt, bool with_marking);

// Draws everything but the map content. `true_north_deg`: direction of true north at the
// map centre, clockwise from grid up.
void draw_frame(cairo_t* cr, const PageLayout& page, const MapView& view, const MapScene& scene, const FrameText& text,
                double true_north_deg);

// Where the scale bars and north arrow sit inside the map: labels keep clear of them.
std::vector<Rect> frame_furniture(const MapView& view, double unit);

// A "nice" scale bar length (1, 2 or 5 × 10^k) not longer than `max_length`.
double nice_length(double max_length);

}  // namespace tidemark::render
