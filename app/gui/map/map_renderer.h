// Draws the workspace's layers into the map rectangle with OpenGL, keeping one
// GlLayerBuffers per layer and rebuilding it only when AppState::revision() changes; when only
// the scene's colours changed (coverage as of a new T), the colours are rewritten in place.
// The drawn map is kept (MapCache): a frame that only pans draws just the strips uncovered.
#pragma once

#include "app/gui/map/gl_layer_buffers.h"
#include "app/gui/map/map_cache.h"
#include "app/gui/map/shaders.h"
#include "app/gui/map/view_transform.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tidemark::gui {

class AppState;

using layers::kSeaColour;  // the scene's sea, as exports paint it

class MapRenderer {
public:
    // Needs a current GL 3.3 context. false with `error` when the shaders do not build.
    bool create(std::string* error);
    void destroy();
    // Rebuilds buffers of changed layers; drops buffers of removed layers.
    void sync(const AppState& app);
    // Clears the map rectangle to sea and draws every visible layer in order (track layers
    // only with AppState::full_tracks while there is a timeline: otherwise the tails show).
    // `framebuffer_height` and `scale` convert the top-left screen rect to GL's bottom-left pixels.
    DrawStats draw(const AppState& app, int framebuffer_height, float scale = 1.0f);
    const GlLayerBuffers* buffers(const std::string& layer) const;
    // The next draw() draws the whole map again (e.g. to time it).
    void invalidate_cache() { cache_.invalidate(); }

private:
    struct Entry {
        std::uint64_t revision = 0;        // the scene stamp the buffers show
        std::uint64_t layer_revision = 0;  // AppState::revision of the layer they were built from
        const layers::Layer* layer = nullptr;
        std::vector<char> hidden;          // the filter mask they were built with
        std::unique_ptr<GlLayerBuffers> buffers;
    };
    MapShaders shaders_;
    SharedQuads quads_;
    std::map<std::string, Entry> layers_;
    MapCache cache_;
};

}  // namespace tidemark::gui
