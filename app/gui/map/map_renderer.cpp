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
    cache_.destroy();
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
        e.buffers->build(l);
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
    if (w <= 0 || h <= 0) return stats;
    ViewTransform view = app.view;
    // Widths are in screen pixels; with HiDPI framebuffers the shaders see device pixels.
    view.rect.width *= scale;
    view.rect.height *= scale;
    view.metres_per_pixel /= scale;
    const bool tails_only = !app.full_tracks && !app.timeline.empty();
    auto drawn = [&](const layers::Layer& l) {
        return !(tails_only && (l.role == layers::LayerRole::Tracks || l.role == layers::LayerRole::TrackLegs));
    };
    // What the cached map shows besides the view: each drawn layer's buffers, in order.
    std::uint64_t key = 1469598103934665603ull;
    auto mix = [&key](std::uint64_t v) { key = (key ^ v) * 1099511628211ull; };
    if (app.workspace)
        for (const layers::Layer& l : app.workspace->layers) {
            auto it = layers_.find(l.name);
            if (it == layers_.end() || !it->second.buffers || !drawn(l)) continue;
            mix(reinterpret_cast<std::uintptr_t>(it->second.buffers.get()));
            mix(it->second.revision);
            mix(app.scene_layer(l).style.visible);
        }

    GLint screen_fbo = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &screen_fbo);
    const std::vector<PixelRect> todo = cache_.begin(w, h, view, key);
    glViewport(0, 0, w, h);
    glEnable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    for (const PixelRect& area : todo) {
        stats.pixels += static_cast<std::size_t>(area.width) * static_cast<std::size_t>(area.height);
        glScissor(area.x, area.y, area.width, area.height);
        glClearColor(kSeaColour.r, kSeaColour.g, kSeaColour.b, 1);
        glClearStencil(0);
        glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
        if (!app.workspace) continue;
        // The strip's world box (GL pixels count up from the bottom, as world y does).
        const double mpp = view.metres_per_pixel;
        const geo::XY low{view.centre.x + (area.x - w / 2.0) * mpp, view.centre.y + (area.y - h / 2.0) * mpp};
        // Grown by the widest stroke or symbol, which reach past their features' boxes.
        const geo::Box cull = geo::Box{low.x, low.y, low.x + area.width * mpp, low.y + area.height * mpp}.grown(24 * mpp);
        for (const layers::Layer& l : app.workspace->layers) {
            auto it = layers_.find(l.name);
            if (it == layers_.end() || !it->second.buffers || !drawn(l)) continue;
            const layers::SceneLayer& scene = app.scene_layer(l);
            it->second.buffers->ensure_level(l, scene, mpp);
            it->second.buffers->draw(shaders_, quads_, view, l, scene.style, &stats, &cull);
        }
    }
    glViewport(x, y, w, h);
    cache_.present(static_cast<GLuint>(screen_fbo), x, y);
    glUseProgram(0);
    return stats;
}

const GlLayerBuffers* MapRenderer::buffers(const std::string& layer) const {
    auto it = layers_.find(layer);
    return it == layers_.end() ? nullptr : it->second.buffers.get();
}

}  // namespace tidemark::gui
