// The desktop map's copy of the map scene (layers/scene/map_scene.h), layer by layer: a layer's
// classes, colours and legend are recomputed only when its revision, its style or the
// coverage settings they depend on change, not every frame. No GL: panels read it too.
#pragma once

#include "layers/scene/map_scene.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tidemark::gui {

class SceneCache {
public:
    // Coverage as of T for the segments layer: its history, T and the revisit target.
    struct AsOf {
        const layers::CoverageHistory* history = nullptr;
        geo::UnixTime t = 0;
        double target_s = 0;
    };
    // The Reports panel's filter on a reports layer: `key` says what it is (the layer's
    // `hidden` mask and legend are recomputed when it changes).
    struct Filter {
        std::string key;
        layers::ReportFilter reports;
    };
    // `revision`: AppState::revision(layer.name), bumped on every geometry or style change.
    // With `as_of`, the layer is recoloured by coverage as of T; a new T changes the stamp
    // (and so the GL buffers) only when some segment changes class, else only the legend title.
    const layers::SceneLayer& layer(const layers::Workspace& ws, const layers::Layer& layer, std::uint64_t revision,
                                    const AsOf* as_of = nullptr, const Filter* filter = nullptr);
    // Changes whenever layer() recomputed that layer's scene (GL buffers follow it).
    std::uint64_t stamp(const std::string& layer) const;
    void clear() { entries_.clear(); }

private:
    struct Entry {
        std::uint64_t revision = 0;
        std::string inputs;  // the settings the scene layer was computed from
        layers::SceneLayer scene;
        std::uint64_t stamp = 0;
        bool as_of = false;         // `scene` is coloured as of `as_of_t`; `base` is the window's
        geo::UnixTime as_of_t = 0;
        layers::SceneLayer base;
        std::string filter_key;     // the filter `scene.hidden` was computed for; "" for none
    };
    std::uint64_t counter_ = 0;
    std::vector<int> classes_;  // scratch: classes at a new T
    std::map<std::string, Entry> entries_;
};

}  // namespace tidemark::gui
