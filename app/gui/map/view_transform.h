// The map view: which world point (working CRS, metres) sits at the centre of the map
// rectangle and how many metres one screen pixel spans. Pure arithmetic, no GL or ImGui,
// so it is unit-tested. Screen coordinates are pixels with y growing downwards; world y
// grows northwards.
#pragma once

#include "geo/geometry.h"

#include <array>

namespace tidemark::gui {

struct ScreenRect {
    double x = 0, y = 0, width = 1, height = 1;  // pixels, top-left origin
};

class ViewTransform {
public:
    static constexpr double kMinMetresPerPixel = 0.05;
    static constexpr double kMaxMetresPerPixel = 50000.0;

    geo::XY centre;                  // world point at the centre of `rect`
    double metres_per_pixel = 1000;  // > 0
    ScreenRect rect;

    geo::XY world_to_screen(geo::XY w) const;
    geo::XY screen_to_world(geo::XY s) const;
    geo::Box visible_box() const;  // world box covered by `rect`

    // Moves the view by a screen drag of (dx, dy) pixels: the map follows the pointer.
    void pan_pixels(double dx, double dy);
    // Zooms by `factor` (> 1 zooms in) keeping the world point under `screen_point` fixed.
    void zoom_at(geo::XY screen_point, double factor);
    // Shows all of `box` inside rect, with `margin` (fraction of the rect, e.g. 0.05) around it.
    void fit(const geo::Box& box, double margin = 0.05);

    // Column-major 4x4 matrix taking (world - origin) to GL clip space for the viewport
    // `rect` (GL viewport must be set to rect). `origin` keeps float vertices small.
    std::array<float, 16> clip_matrix(geo::XY origin) const;
};

}  // namespace tidemark::gui
