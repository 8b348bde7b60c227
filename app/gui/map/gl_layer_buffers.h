// One layer's geometry in GPU buffers, built once per data or style change and drawn every
// frame with only a view matrix: polygon fill by stencil even-odd (triangle fans, then one
// cover quad), outlines and lines as GL_LINES (up to 1.5 px) or segment quads widened in
// the vertex shader,
// points as GL point sprites cut into symbols. Lines and fills exist at a few Douglas–Peucker levels
// of detail; drawing picks the level by zoom and culls features through the layer's
// spatial index. Needs a current GL 3.3 context for build(), draw() and destruction.
#pragma once

#include "app/gui/map/gl_api.h"
#include "app/gui/map/shaders.h"
#include "app/gui/map/view_transform.h"
#include "layers/layer.h"
#include "layers/scene/map_scene.h"
#include "layers/style/style.h"

#include <cstdint>
#include <vector>

namespace tidemark::gui {

// Shared by all layers: a full clip-space quad for the stencil cover pass.
struct SharedQuads {
    GLuint cover_quad = 0;  // full clip-space square for the stencil cover pass
    GLuint cover_vao = 0;
    void create();
    void destroy();
};

struct DrawStats {
    std::size_t draw_calls = 0;
    std::size_t items = 0;   // triangles + segments + points submitted
    std::size_t pixels = 0;  // map pixels drawn afresh (MapRenderer: the rest came from its cache)
};

class GlLayerBuffers {
public:
    GlLayerBuffers() = default;
    ~GlLayerBuffers();
    GlLayerBuffers(const GlLayerBuffers&) = delete;
    GlLayerBuffers& operator=(const GlLayerBuffers&) = delete;

    // Starts over for `layer` with empty levels of detail; ensure_level fills the ones a zoom
    // needs before they are drawn, with colours and symbols per feature from the scene
    // (layers/scene/map_scene.h), as exports draw them.
    void build(const layers::Layer& layer);
    void ensure_level(const layers::Layer& layer, const layers::SceneLayer& scene, double metres_per_pixel);
    // Rewrites only the colours of lines already built from `layer` (coverage as of T: a new T
    // changes classes, never geometry), in place in the GPU buffers. false when this layer's
    // buffers cannot be recoloured so (areas, points): build() again.
    bool recolour(const layers::Layer& layer, const layers::SceneLayer& scene);
    void release();
    // `cull`: the world box that needs drawing (default: the whole view); features outside it
    // are not submitted.
    void draw(const MapShaders& shaders, const SharedQuads& quads, const ViewTransform& view,
              const layers::Layer& layer, const layers::Style& style, DrawStats* stats = nullptr,
              const geo::Box* cull = nullptr) const;

    double tolerance_for(double metres_per_pixel) const;  // the LOD tolerance of lines and fills at that zoom
    double point_tolerance_for(double metres_per_pixel, const layers::Style& style) const;  // and of points

private:
    struct Ranges {
        std::vector<GLint> first;     // per feature
        std::vector<GLsizei> count;   // per feature
        GLsizei total = 0;
    };
    struct Lod {
        double tolerance = 0;  // metres
        bool built = false;    // buffers made (ensure_level)
        GLuint fill_vao = 0, fill_vbo = 0;
        Ranges fill;
        GLuint line_vao = 0, line_vbo = 0;
        Ranges lines;           // in vertices: 2 per segment when thin, else 6
        std::vector<std::uint32_t> line_owner;  // per line vertex: its feature (for recolour)
        bool thin_lines = false;
        // Points; levels above 0 keep one point per (cell of `tolerance` metres, colour,
        // symbol) and have no per-feature ranges (drawn whole: they are few).
        GLuint point_vao = 0, point_vbo = 0;
        Ranges points;
    };
    void build_level(const layers::Layer& layer, const layers::SceneLayer& scene, Lod* level);
    // Contiguous runs of the visible features' ranges (all of them when the view holds the layer).
    void visible_runs(const Ranges& r, const layers::Layer& layer, const geo::Box& view,
                      std::vector<GLint>* first, std::vector<GLsizei>* count) const;

    std::vector<Lod> lods_;
    geo::XY origin_;
    bool recolourable_ = false;  // lines only: colours can be rewritten in place
};

}  // namespace tidemark::gui
