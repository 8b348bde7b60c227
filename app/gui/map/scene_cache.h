// The desktop map's copy of the map scene (layers/map_scene.h), layer by layer: a layer's
// classes, colours and legend are recomputed only when its revision, its style or the
// coverage settings they depend on change, not every frame. No GL: panels read it too.
#pragma once

#include "layers/map_scene.h"

#include <cstdint>
#include <map>
#include <string>

namespace tidemark::gui {

class SceneCache {
public:
    // `revision`: AppState::revision(layer.name), bumped on every geometry or style change.
    const layers::SceneLayer& layer(const layers::Workspace& ws, const layers::Layer& layer, std::uint64_t revision);
    // Changes whenever layer() recomputed that layer's scene (GL buffers follow it).
    std::uint64_t stamp(const std::string& layer) const;
    void clear() { entries_.clear(); }

private:
    struct Entry {
        std::uint64_t revision = 0;
        std::string inputs;  // the settings the scene layer was computed from
        layers::SceneLayer scene;
        std::uint64_t stamp = 0;
    };
    std::uint64_t counter_ = 0;
    std::map<std::string, Entry> entries_;
};

}  // namespace tidemark::gui
