#include "app/gui/map/view_transform.h"

#include <algorithm>

namespace tidemark::gui {

geo::XY ViewTransform::world_to_screen(geo::XY w) const {
    return {rect.x + rect.width / 2 + (w.x - centre.x) / metres_per_pixel,
            rect.y + rect.height / 2 - (w.y - centre.y) / metres_per_pixel};
}

geo::XY ViewTransform::screen_to_world(geo::XY s) const {
    return {centre.x + (s.x - rect.x - rect.width / 2) * metres_per_pixel,
            centre.y - (s.y - rect.y - rect.height / 2) * metres_per_pixel};
}

geo::Box ViewTransform::visible_box() const {
    const double hw = rect.width / 2 * metres_per_pixel, hh = rect.height / 2 * metres_per_pixel;
    return {centre.x - hw, centre.y - hh, centre.x + hw, centre.y + hh};
}

void ViewTransform::pan_pixels(double dx, double dy) {
    centre.x -= dx * metres_per_pixel;
    centre.y += dy * metres_per_pixel;
}

void ViewTransform::zoom_at(geo::XY screen_point, double factor) {
    if (factor <= 0) return;
    const geo::XY anchor = screen_to_world(screen_point);
    metres_per_pixel = std::clamp(metres_per_pixel / factor, kMinMetresPerPixel, kMaxMetresPerPixel);
    // Put `anchor` back under the pointer.
    const geo::XY moved = screen_to_world(screen_point);
    centre.x += anchor.x - moved.x;
    centre.y += anchor.y - moved.y;
}

void ViewTransform::fit(const geo::Box& box, double margin) {
    if (box.empty()) return;
    centre = box.centre();
    const double usable_w = rect.width * (1 - 2 * margin), usable_h = rect.height * (1 - 2 * margin);
    const double mpp = std::max(box.width() / std::max(usable_w, 1.0), box.height() / std::max(usable_h, 1.0));
    metres_per_pixel = std::clamp(mpp, kMinMetresPerPixel, kMaxMetresPerPixel);
}

std::array<float, 16> ViewTransform::clip_matrix(geo::XY origin) const {
    // clip = ((world - origin) - (centre - origin)) * 2 / (size * mpp)
    const double sx = 2.0 / (rect.width * metres_per_pixel), sy = 2.0 / (rect.height * metres_per_pixel);
    const double tx = -(centre.x - origin.x) * sx, ty = -(centre.y - origin.y) * sy;
    return {static_cast<float>(sx), 0, 0, 0,
            0, static_cast<float>(sy), 0, 0,
            0, 0, 1, 0,
            static_cast<float>(tx), static_cast<float>(ty), 0, 1};
}

}  // namespace tidemark::gui
