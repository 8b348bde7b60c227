#include "app/gui/map/scene_cache.h"

namespace tidemark::gui {

const layers::SceneLayer& SceneCache::layer(const layers::Workspace& ws, const layers::Layer& l, std::uint64_t revision,
                                            const AsOf* as_of, const Filter* filter) {
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
        e.as_of = false;
        e.base = {};
        e.filter_key.clear();
    }
    if ((filter ? filter->key : std::string()) != e.filter_key) {  // filtered anew, or no longer
        e.scene = layers::scene_layer(ws, l);
        if (filter) layers::apply_report_filter(e.scene, filter->reports);
        e.as_of = false;
        e.base = {};
        e.filter_key = filter ? filter->key : std::string();
        e.stamp = ++counter_;
    }
    if (!as_of || !as_of->history) {
        if (e.as_of) {  // back to the window's classes
            e.scene = std::move(e.base);
            e.base = {};
            e.as_of = false;
            e.stamp = ++counter_;
        }
        return e.scene;
    }
    if (e.as_of && e.as_of_t == as_of->t) return e.scene;
    as_of->history->classes_at(as_of->t, as_of->target_s, classes_);
    if (!e.as_of) e.base = e.scene;
    if (!e.as_of || classes_ != e.scene.classes.feature_class) {
        e.scene = e.base;
        layers::apply_coverage_as_of(e.scene, classes_, as_of->t, as_of->target_s);
        e.stamp = ++counter_;
    } else {
        e.scene.legend_title = layers::as_of_title(as_of->t);  // same colours: no new buffers
    }
    e.as_of = true;
    e.as_of_t = as_of->t;
    return e.scene;
}

std::uint64_t SceneCache::stamp(const std::string& layer) const {
    auto it = entries_.find(layer);
    return it == entries_.end() ? 0 : it->second.stamp;
}

}  // namespace tidemark::gui
