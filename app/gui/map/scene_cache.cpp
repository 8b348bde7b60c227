#include "app/gui/map/scene_cache.h"

namespace tidemark::gui {

const layers::SceneLayer& SceneCache::layer(const layers::Workspace& ws, const layers::Layer& l, std::uint64_t revision) {
    // What a scene layer reads besides the layer itself: its style, the coverage run's record
    // (revisit target, window) and whether coverage segments are shown (gaps go faint).
    std::string inputs = ws.settings.contains("styles") && ws.settings["styles"].contains(l.name)
                             ? ws.settings["styles"][l.name].dump() : std::string();
    if (ws.settings.contains("coverage")) inputs += ws.settings["coverage"].dump();
    if (const layers::Layer* seg = ws.find_role(layers::LayerRole::Segments))
        inputs += layers::style_for(ws.settings, *seg).visible ? "S" : "s";
    Entry& e = entries_[l.name];
    if (e.scene.layer != &l || e.revision != revision || e.inputs != inputs) {
        e.scene = layers::scene_layer(ws, l);
        e.revision = revision;
        e.inputs = std::move(inputs);
        e.stamp = ++counter_;
    }
    return e.scene;
}

std::uint64_t SceneCache::stamp(const std::string& layer) const {
    auto it = entries_.find(layer);
    return it == entries_.end() ? 0 : it->second.stamp;
}

}  // namespace tidemark::gui
