// Where the map sits on the page and how working-CRS metres map onto page points.
#pragma once

#include "geo/geometry.h"

namespace tidemark::render {

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;  // page points (1/72 in), y down
    bool contains(double px, double py) const { return px >= x && px <= x + w && py >= y && py <= y + h; }
    bool overlaps(const Rect& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
};

class MapView {
public:
    // Shows `world` (working CRS, metres) in `frame`, grown on one axis so the scale is the
    // same in x and y and the whole of `world` is visible.
    MapView(const geo::Box& world, const Rect& frame);

    const Rect& frame() const { return frame_; }
    const geo::Box& world() const { return world_; }  // what the frame actually shows
    double metres_per_point() const { return mpp_; }

    geo::XY to_page(geo::XY w) const { return {frame_.x + (w.x - world_.min_x) / mpp_, frame_.y + (world_.max_y - w.y) / mpp_}; }
    geo::XY to_world(geo::XY p) const { return {world_.min_x + (p.x - frame_.x) * mpp_, world_.max_y - (p.y - frame_.y) * mpp_}; }

private:
    geo::Box world_;
    Rect frame_;
    double mpp_ = 1;
};

inline MapView::MapView(const geo::Box& world, const Rect& frame) : frame_(frame) {
    mpp_ = std::max(world.width() / frame.w, world.height() / frame.h);
    if (!(mpp_ > 0)) mpp_ = 1;
    const geo::XY c = world.centre();
    const double hw = frame.w * mpp_ / 2, hh = frame.h * mpp_ / 2;
    world_ = {c.x - hw, c.y - hh, c.x + hw, c.y + hh};
}

}  // namespace tidemark::render
