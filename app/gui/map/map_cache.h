// The last drawn map, kept in an off-screen target. Panning moves the view by whole pixels and
// changes nothing else, so a pan frame copies the cached map shifted and draws the layers only
// into the strips that came into sight: on llvmpipe (rasterising on the CPU) that turns a
// frame of full-screen polygon fills into two copies and a few thin strips. Any other change
// (zoom, size, a layer's data, style, order or visibility: the caller's `scene_key`) draws the
// whole map again. Needs a current GL 3.3 context.
#pragma once

#include "app/gui/map/gl_api.h"
#include "app/gui/map/view_transform.h"

#include <cstdint>
#include <vector>

namespace tidemark::gui {

struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;  // GL pixels in the cached target, bottom-left origin
};

class MapCache {
public:
    MapCache() = default;
    ~MapCache() { destroy(); }
    MapCache(const MapCache&) = delete;
    MapCache& operator=(const MapCache&) = delete;

    // Binds the cached target (`width` x `height` device pixels, showing `view`) for drawing and
    // returns the rectangles the caller must draw the layers into: none when the cache already
    // shows this view, the strips a whole-pixel pan exposed, or the whole target.
    std::vector<PixelRect> begin(int width, int height, const ViewTransform& view, std::uint64_t scene_key);
    // Copies the cached map to `screen_fbo` at (x, y) and binds `screen_fbo` again.
    void present(GLuint screen_fbo, int x, int y) const;
    void invalidate() { valid_ = false; }
    void destroy();

private:
    struct Target {
        GLuint fbo = 0, colour = 0, stencil = 0;
    };
    void allocate(int width, int height);

    Target targets_[2];
    int current_ = 0;  // the target holding the cached map
    int width_ = 0, height_ = 0;
    bool valid_ = false;
    std::uint64_t key_ = 0;
    geo::XY centre_;
    double metres_per_pixel_ = 0;
};

}  // namespace tidemark::gui
