#include "app/gui/map/map_renderer.h"

#include "app/gui/app_state.h"

#include <set>

namespace tidemark::gui {

bool MapRenderer::create(std::string* error) {
    if (!shaders_.create(error)) return false;
    quads_.create();
    return true;
}

void MapRenderer::destroy() {
    layers_.clear();
    quads_.destroy();
    shaders_.destroy();
}

void MapRenderer::sync(const AppState& app) {
    if (!app.workspace) { layers_.clear(); return; }
    std::set<std::string> present;
    for (const layers::Layer& l : app.workspace->layers) {
        if (l.role == layers::LayerRole::Table) continue;
        present.insert(l.name);
        Entry& e = layers_[l.name];
        const std::uint64_t rev = app.scene_stamp(l);  // new geometry, style or coverage classes
        if (e.buffers && e.revision == rev) continue;
        const layers::SceneLayer& scene = app.scene_layer(l);
        const std::uint64_t layer_rev = app.revision(l.name);
        // Same layer, style and filter: only colours changed (coverage as of a new T).
        if (e.buffers && e.layer == &l && e.layer_revision == layer_rev && e.hidden == scene.hidden &&
            e.buffers->recolour(l, scene)) {
            e.revision = rev;
            continue;
        }
        if (!e.buffers) e.buffers = std::make_unique<GlLayerBuffers>();
        e.buffers->build(l, scene);
        e.revision = rev;
        e.layer_revision = layer_rev;
        e.layer = &l;
        e.hidden = scene.hidden;
    }
    for (auto it = layers_.begin(); it != layers_.end();)
        it = present.count(it->first) ? std::next(it) : layers_.erase(it);
}

DrawStats MapRenderer::draw(const AppState& app, int framebuffer_height, float scale) {
    DrawStats stats;
    const ScreenRect& r = app.view.rect;
    const GLint x = static_cast<GLint>(r.x * scale);
    const GLint y = static_cast<GLint>(framebuffer_height - (r.y + r.height) * scale);
    const GLsizei w = static_cast<GLsizei>(r.width * scale), h = static_cast<GLsizei>(r.height * scale);
    glViewport(x, y, w, h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, y, w, h);
    glClearColor(kSeaColour.r, kSeaColour.g, kSeaColour.b, 1);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    if (app.workspace) {
        ViewTransform view = app.view;
        // Widths are in screen pixels; with HiDPI framebuffers the shaders see device pixels.
        view.rect.width *= scale;
        view.rect.height *= scale;
        view.metres_per_pixel /= scale;
        const bool tails_only = !app.full_tracks && !app.timeline.empty();
        for (const layers::Layer& l : app.workspace->layers) {
            auto it = layers_.find(l.name);
            if (it == layers_.end() || !it->second.buffers) continue;
            if (tails_only && (l.role == layers::LayerRole::Tracks || l.role == layers::LayerRole::TrackLegs)) continue;
            it->second.buffers->draw(shaders_, quads_, view, l, app.scene_layer(l).style, &stats);
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glUseProgram(0);
    return stats;
}

const GlLayerBuffers* MapRenderer::buffers(const std::string& layer) const {
    auto it = layers_.find(layer);
    return it == layers_.end() ? nullptr : it->second.buffers.get();
}

}  // namespace tidemark::gui
