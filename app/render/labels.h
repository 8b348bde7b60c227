// Decluttered map labels: requests are collected while drawing and placed afterwards in
// priority order; a label that would overlap one already placed (or leave the map frame)
// tries its other positions and is dropped when none fits.
#pragma once

#include "app/render/map_view.h"
#include "layers/style/style.h"

#include <cairo.h>

#include <string>
#include <vector>

namespace tidemark::render {

struct LabelRequest {
    std::string text;
    geo::XY anchor;           // page points
    double priority = 0;      // higher first
    double size_pt = 7;
    layers::Rgba colour{0.15f, 0.15f, 0.15f, 1};
    bool italic = false;
    bool bold = false;
    bool beside_point = true;  // try right, left, above, below a point symbol; else centred
    double offset_pt = 4;      // gap between a point and its label
};

class LabelPlacer {
public:
    explicit LabelPlacer(Rect frame) : frame_(frame) {}
    void add(LabelRequest r) { requests_.push_back(std::move(r)); }
    void add_obstacle(Rect r) { placed_.push_back(r); }
    // Draws every label that fits; returns how many were placed.
    int draw(cairo_t* cr);

private:
    Rect frame_;
    std::vector<LabelRequest> requests_;
    std::vector<Rect> placed_;
};

// Sets the font used for map text (DejaVu Sans, installed with the fonts Debian ships).
void select_font(cairo_t* cr, double size_pt, bool bold = false, bool italic = false);
// Text with a white halo, baseline at (x, y).
void halo_text(cairo_t* cr, double x, double y, const std::string& text, const layers::Rgba& colour, double halo_pt);

}  // namespace tidemark::render
