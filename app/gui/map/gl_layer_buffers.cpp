#include "app/gui/map/gl_layer_buffers.h"

#include "app/gui/map/simplify.h"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <unordered_set>

namespace tidemark::gui {
namespace {

struct SegmentVertex {  // one of six per wide segment
    float ax, ay, bx, by;
    float t, side;
    std::uint8_t rgba[4];
};
struct ThinVertex {  // one of two per 1-1.5 px segment (GL_LINES)
    float x, y;
    std::uint8_t rgba[4];
};
constexpr float kThinLinePx = 1.5f;
struct PointInstance {
    float x, y;
    std::uint8_t rgba[4];
    float symbol;
};

void pack(const layers::Rgba& c, std::uint8_t* out) {
    const float v[4] = {c.r, c.g, c.b, c.a};
    for (int i = 0; i < 4; ++i) out[i] = static_cast<std::uint8_t>(std::clamp(v[i], 0.0f, 1.0f) * 255.0f + 0.5f);
}

// Level-of-detail tolerances in metres; a level is drawn when its tolerance is under half a pixel.
constexpr double kTolerances[] = {0, 20, 80, 320, 1280};
constexpr std::size_t kSmallLayerVertices = 20000;  // below this one full-detail level is enough

void upload(GLuint* vao, GLuint* vbo, const void* data, std::size_t bytes) {
    glGenVertexArrays(1, vao);
    glGenBuffers(1, vbo);
    glBindVertexArray(*vao);
    glBindBuffer(GL_ARRAY_BUFFER, *vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
}

void bind_wide_line_attributes() {
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(SegmentVertex), reinterpret_cast<void*>(16));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(SegmentVertex), nullptr);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, sizeof(SegmentVertex), reinterpret_cast<void*>(8));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(SegmentVertex), reinterpret_cast<void*>(24));
}

void bind_thin_line_attributes() {
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ThinVertex), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ThinVertex), reinterpret_cast<void*>(8));
}

void bind_point_attributes() {
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(PointInstance), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(PointInstance), reinterpret_cast<void*>(8));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(PointInstance), reinterpret_cast<void*>(12));
}

// One point per (cell, colour, symbol): at this level a cell is under half a pixel, so the
// dropped points are hidden under the kept one anyway.
std::vector<PointInstance> thin_points(const std::vector<PointInstance>& all, double cell) {
    std::unordered_set<std::uint64_t> seen;
    std::vector<PointInstance> out;
    for (const PointInstance& p : all) {
        std::uint32_t rgba;
        std::memcpy(&rgba, p.rgba, 4);
        const auto cx = static_cast<std::uint64_t>(static_cast<std::int64_t>(std::floor(p.x / cell)) & 0xFFFFF);
        const auto cy = static_cast<std::uint64_t>(static_cast<std::int64_t>(std::floor(p.y / cell)) & 0xFFFFF);
        const std::uint64_t key = (cx << 44) ^ (cy << 24) ^ (static_cast<std::uint64_t>(rgba) * 0x9E3779B1u) ^
                                  static_cast<std::uint64_t>(p.symbol);
        if (seen.insert(key).second) out.push_back(p);
    }
    return out;
}

}  // namespace

void SharedQuads::create() {
    const float square[] = {-1, -1, 1, -1, 1, 1, -1, -1, 1, 1, -1, 1};
    upload(&cover_vao, &cover_quad, square, sizeof square);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindVertexArray(0);
}

void SharedQuads::destroy() {
    for (GLuint* b : {&cover_quad})
        if (*b) { glDeleteBuffers(1, b); *b = 0; }
    if (cover_vao) { glDeleteVertexArrays(1, &cover_vao); cover_vao = 0; }
}

GlLayerBuffers::~GlLayerBuffers() { release(); }

void GlLayerBuffers::release() {
    for (Lod& l : lods_) {
        for (GLuint* b : {&l.fill_vbo, &l.line_vbo, &l.point_vbo}) if (*b) glDeleteBuffers(1, b);
        for (GLuint* a : {&l.fill_vao, &l.line_vao, &l.point_vao}) if (*a) glDeleteVertexArrays(1, a);
    }
    lods_.clear();
}

void GlLayerBuffers::build(const layers::Layer& layer) {
    release();
    const geo::Box extent = layer.extent();
    origin_ = extent.empty() ? geo::XY{} : extent.centre();
    recolourable_ = layer.geometry_kind() != geo::GeometryKind::Polygon &&
                    std::none_of(layer.features().begin(), layer.features().end(),
                                 [](const layers::Feature& f) { return !f.geometry.points.empty(); });
    // Levels are made when first drawn (ensure_level): a launch at the national view simplifies
    // the coast once, not five times.
    const bool small = layer.vertex_count() < kSmallLayerVertices;
    for (double tolerance : kTolerances) {
        if (small && tolerance > 0) break;
        lods_.emplace_back().tolerance = tolerance;
    }
}

void GlLayerBuffers::ensure_level(const layers::Layer& layer, const layers::SceneLayer& scene, double metres_per_pixel) {
    const double wanted[] = {tolerance_for(metres_per_pixel), point_tolerance_for(metres_per_pixel, scene.style)};
    for (Lod& lod : lods_)
        if (!lod.built && (lod.tolerance == wanted[0] || lod.tolerance == wanted[1])) build_level(layer, scene, &lod);
}

void GlLayerBuffers::build_level(const layers::Layer& layer, const layers::SceneLayer& scene, Lod* level) {
    const layers::Style& style = scene.style;
    const std::vector<layers::Rgba>& colours = scene.colour;
    // Polygon outlines are always in the stroke colour (the scene's per-feature colour is the
    // fill, drawn here by the stencil pass in the style's fill), as the export draws them.
    const bool areas = layer.geometry_kind() == geo::GeometryKind::Polygon;
    auto line_colour = [&](std::size_t i) -> const layers::Rgba& { return areas ? style.stroke : colours[i]; };
    auto rel = [&](geo::XY p, float* x, float* y) {
        *x = static_cast<float>(p.x - origin_.x);
        *y = static_cast<float>(p.y - origin_.y);
    };

    // Points at full detail, with per-feature ranges for culling.
    std::vector<PointInstance> pts;
    Ranges point_ranges;
    point_ranges.first.assign(layer.features().size(), 0);
    point_ranges.count.assign(layer.features().size(), 0);
    for (std::size_t i = 0; i < layer.features().size(); ++i) {
        point_ranges.first[i] = static_cast<GLint>(pts.size());
        if (!scene.shown(i)) continue;  // filtered out: an empty range
        for (geo::XY p : layer.features()[i].geometry.points) {
            PointInstance inst{};
            rel(p, &inst.x, &inst.y);
            pack(colours[i], inst.rgba);
            inst.symbol = static_cast<float>(scene.symbol[i]);
            pts.push_back(inst);
        }
        point_ranges.count[i] = static_cast<GLsizei>(pts.size()) - point_ranges.first[i];
    }
    point_ranges.total = static_cast<GLsizei>(pts.size());

    Lod& lod = *level;
    const double tolerance = lod.tolerance;
    lod.built = true;
    std::vector<float> fill;                 // x, y triangle-fan vertices as plain triangles
    std::vector<SegmentVertex> wide;
    std::vector<ThinVertex> thin;
    const bool thin_lines = style.stroke_width_px <= kThinLinePx;
    auto line_vertices = [&] { return thin_lines ? thin.size() : wide.size(); };
    lod.fill.first.assign(layer.features().size(), 0);
    lod.fill.count.assign(layer.features().size(), 0);
    lod.lines.first.assign(layer.features().size(), 0);
    lod.lines.count.assign(layer.features().size(), 0);
    for (std::size_t i = 0; i < layer.features().size(); ++i) {
        const geo::Geometry& g = layer.features()[i].geometry;
        lod.fill.first[i] = static_cast<GLint>(fill.size() / 2);
        lod.lines.first[i] = static_cast<GLint>(line_vertices());
        if (!scene.shown(i)) continue;  // filtered out: empty ranges
        auto add_line = [&](const geo::Path& path) {
            for (std::size_t k = 1; k < path.size(); ++k) {
                if (thin_lines) {
                    ThinVertex a{}, b{};
                    rel(path[k - 1], &a.x, &a.y);
                    rel(path[k], &b.x, &b.y);
                    pack(line_colour(i), a.rgba);
                    pack(line_colour(i), b.rgba);
                    thin.push_back(a);
                    thin.push_back(b);
                    lod.line_owner.insert(lod.line_owner.end(), 2, static_cast<std::uint32_t>(i));
                    continue;
                }
                SegmentVertex v{};
                rel(path[k - 1], &v.ax, &v.ay);
                rel(path[k], &v.bx, &v.by);
                pack(line_colour(i), v.rgba);
                static constexpr float kCorners[6][2] = {{0, -1}, {0, 1}, {1, 1}, {0, -1}, {1, 1}, {1, -1}};
                for (const auto& c : kCorners) {
                    v.t = c[0];
                    v.side = c[1];
                    wide.push_back(v);
                }
                lod.line_owner.insert(lod.line_owner.end(), 6, static_cast<std::uint32_t>(i));
            }
        };
        auto add_ring = [&](const geo::Path& ring_in) {
            geo::Path ring = simplify_path(ring_in, tolerance);
            if (ring.size() < 4) return;  // smaller than a pixel at this level: merged away
            add_line(ring);
            if (!style.fill_enabled) return;
            // Fan from the ring's box centre over every edge: any fan origin gives the right
            // even-odd coverage, and a central one gives short triangles with little overdraw.
            float x0, y0;
            rel(geo::bounds_of(ring).centre(), &x0, &y0);
            for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
                float x1, y1, x2, y2;
                rel(ring[k], &x1, &y1);
                rel(ring[k + 1], &x2, &y2);
                fill.insert(fill.end(), {x0, y0, x1, y1, x2, y2});
            }
        };
        for (const geo::Polygon& poly : g.polygons) {
            add_ring(poly.outer);
            for (const geo::Path& h : poly.holes) add_ring(h);
        }
        for (const geo::Path& line : g.lines) {
            geo::Path simple = simplify_path(line, tolerance);
            add_line(simple);
        }
        lod.fill.count[i] = static_cast<GLsizei>(fill.size() / 2) - lod.fill.first[i];
        lod.lines.count[i] = static_cast<GLsizei>(line_vertices()) - lod.lines.first[i];
    }
    lod.fill.total = static_cast<GLsizei>(fill.size() / 2);
    lod.lines.total = static_cast<GLsizei>(line_vertices());
    lod.thin_lines = thin_lines;
    if (!pts.empty()) {
        std::vector<PointInstance> thinned;
        if (tolerance > 0) thinned = thin_points(pts, tolerance);
        const std::vector<PointInstance>& kept = tolerance > 0 ? thinned : pts;
        if (tolerance > 0) lod.points.total = static_cast<GLsizei>(kept.size());
        else lod.points = point_ranges;
        upload(&lod.point_vao, &lod.point_vbo, kept.data(), kept.size() * sizeof(PointInstance));
        bind_point_attributes();
    }
    if (!fill.empty()) {
        upload(&lod.fill_vao, &lod.fill_vbo, fill.data(), fill.size() * sizeof(float));
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    }
    if (!thin.empty()) {
        upload(&lod.line_vao, &lod.line_vbo, thin.data(), thin.size() * sizeof(ThinVertex));
        bind_thin_line_attributes();
    } else if (!wide.empty()) {
        upload(&lod.line_vao, &lod.line_vbo, wide.data(), wide.size() * sizeof(SegmentVertex));
        bind_wide_line_attributes();
    }
    glBindVertexArray(0);
}

bool GlLayerBuffers::recolour(const layers::Layer& layer, const layers::SceneLayer& scene) {
    if (!recolourable_ || scene.colour.size() != layer.features().size()) return false;
    for (Lod& lod : lods_) {
        if (!lod.built || !lod.line_vbo || lod.line_owner.empty()) continue;
        const std::size_t stride = lod.thin_lines ? sizeof(ThinVertex) : sizeof(SegmentVertex);
        const std::size_t offset = lod.thin_lines ? offsetof(ThinVertex, rgba) : offsetof(SegmentVertex, rgba);
        glBindBuffer(GL_ARRAY_BUFFER, lod.line_vbo);
        // Write-only without invalidation: the bytes not written (the geometry) stay as they are.
        auto* bytes = static_cast<std::uint8_t*>(glMapBufferRange(
            GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(lod.line_owner.size() * stride), GL_MAP_WRITE_BIT));
        if (!bytes) return false;
        for (std::size_t v = 0; v < lod.line_owner.size(); ++v)
            pack(scene.colour[lod.line_owner[v]], bytes + v * stride + offset);
        glUnmapBuffer(GL_ARRAY_BUFFER);
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return true;
}

double GlLayerBuffers::tolerance_for(double metres_per_pixel) const {
    double best = 0;
    for (const Lod& l : lods_)
        if (l.tolerance <= 0.5 * metres_per_pixel) best = l.tolerance;
    return best;
}

double GlLayerBuffers::point_tolerance_for(double metres_per_pixel, const layers::Style& style) const {
    // Points thin more than lines: a cell up to a third of the symbol hides under the kept symbol.
    double best = 0;
    for (const Lod& l : lods_)
        if (l.tolerance <= metres_per_pixel * std::max(0.5f, style.symbol_size_px / 3.0f)) best = l.tolerance;
    return best;
}

void GlLayerBuffers::visible_runs(const Ranges& r, const layers::Layer& layer, const geo::Box& view,
                                  std::vector<GLint>* first, std::vector<GLsizei>* count) const {
    first->clear();
    count->clear();
    const geo::Box extent = layer.extent();
    if (view.contains({extent.min_x, extent.min_y}) && view.contains({extent.max_x, extent.max_y})) {
        if (r.total > 0) { first->push_back(0); count->push_back(r.total); }
        return;
    }
    std::vector<std::uint32_t> ids = layer.index().query(view);
    std::sort(ids.begin(), ids.end());
    // Runs separated by small gaps are merged: drawing a few off-screen items costs less
    // than another draw call.
    const GLsizei merge_gap = std::max<GLsizei>(256, r.total / 128);
    for (std::uint32_t id : ids) {
        if (id >= r.count.size() || r.count[id] == 0) continue;
        const GLint f = r.first[id];
        if (!first->empty() && f - (first->back() + count->back()) <= merge_gap)
            count->back() = f + r.count[id] - first->back();
        else {
            first->push_back(f);
            count->push_back(r.count[id]);
        }
    }
}

void GlLayerBuffers::draw(const MapShaders& shaders, const SharedQuads& quads, const ViewTransform& view,
                          const layers::Layer& layer, const layers::Style& style, DrawStats* stats,
                          const geo::Box* cull) const {
    if (!style.visible) return;
    const auto clip = view.clip_matrix(origin_);
    const geo::Box box = cull ? *cull : view.visible_box();
    const float viewport[2] = {static_cast<float>(view.rect.width), static_cast<float>(view.rect.height)};
    std::vector<GLint> first;
    std::vector<GLsizei> count;
    DrawStats local;

    const Lod* lod = nullptr;
    const double tol = tolerance_for(view.metres_per_pixel);
    for (const Lod& l : lods_)
        if (l.tolerance == tol && l.built) lod = &l;

    if (lod && lod->fill.total > 0 && style.fill_enabled) {
        visible_runs(lod->fill, layer, box, &first, &count);
        glUseProgram(shaders.fill.id);
        glUniformMatrix4fv(shaders.fill.clip, 1, GL_FALSE, clip.data());
        // Pass 1: flip the stencil bit under every fan triangle (even-odd rule: holes and
        // concave parts end up 0).
        glEnable(GL_STENCIL_TEST);
        glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
        glStencilMask(0x01);
        glStencilFunc(GL_ALWAYS, 0, 0x01);
        glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
        glBindVertexArray(lod->fill_vao);
        glMultiDrawArrays(GL_TRIANGLES, first.data(), count.data(), static_cast<GLsizei>(first.size()));
        for (GLsizei c : count) local.items += static_cast<std::size_t>(c) / 3;
        // Pass 2: paint where the bit is set and clear it again.
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glStencilFunc(GL_EQUAL, 0x01, 0x01);
        glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
        const float identity[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        glUniformMatrix4fv(shaders.fill.clip, 1, GL_FALSE, identity);
        glUniform4f(shaders.fill.colour, style.fill.r, style.fill.g, style.fill.b, style.fill.a * style.opacity);
        glBindVertexArray(quads.cover_vao);
        glDrawArrays(GL_TRIANGLES, 0, 6);
        glDisable(GL_STENCIL_TEST);
        local.draw_calls += 2;
    }
    if (lod && lod->lines.total > 0 && style.stroke_width_px > 0) {
        visible_runs(lod->lines, layer, box, &first, &count);
        if (lod->thin_lines) {
            glUseProgram(shaders.thin.id);
            glUniformMatrix4fv(shaders.thin.clip, 1, GL_FALSE, clip.data());
            glUniform1f(shaders.thin.opacity, style.opacity);
        } else {
            glUseProgram(shaders.line.id);
            glUniformMatrix4fv(shaders.line.clip, 1, GL_FALSE, clip.data());
            glUniform2fv(shaders.line.viewport, 1, viewport);
            glUniform1f(shaders.line.width, style.stroke_width_px);
            glUniform1f(shaders.line.opacity, style.opacity);
        }
        glBindVertexArray(lod->line_vao);
        glMultiDrawArrays(lod->thin_lines ? GL_LINES : GL_TRIANGLES, first.data(), count.data(),
                          static_cast<GLsizei>(first.size()));
        for (GLsizei c : count) local.items += static_cast<std::size_t>(c) / (lod->thin_lines ? 2 : 6);
        ++local.draw_calls;
    }
    lod = nullptr;
    const double point_tol = point_tolerance_for(view.metres_per_pixel, style);
    for (const Lod& l : lods_)
        if (l.tolerance == point_tol && l.built) lod = &l;
    if (lod && lod->points.total > 0) {
        if (lod->points.first.empty()) {  // thinned level: drawn whole
            first.assign(1, 0);
            count.assign(1, lod->points.total);
        } else {
            visible_runs(lod->points, layer, box.grown(style.symbol_size_px * view.metres_per_pixel), &first, &count);
        }
        glUseProgram(shaders.point.id);
        glUniformMatrix4fv(shaders.point.clip, 1, GL_FALSE, clip.data());
        glUniform1f(shaders.point.size, style.symbol_size_px);
        glUniform1f(shaders.point.opacity, style.opacity);
        glEnable(GL_PROGRAM_POINT_SIZE);
        glBindVertexArray(lod->point_vao);
        glMultiDrawArrays(GL_POINTS, first.data(), count.data(), static_cast<GLsizei>(first.size()));
        for (GLsizei c : count) local.items += static_cast<std::size_t>(c);
        ++local.draw_calls;
    }
    glBindVertexArray(0);
    if (stats) { stats->draw_calls += local.draw_calls; stats->items += local.items; }
}

}  // namespace tidemark::gui
