#include "app/render/draw_layers.h"

#include "app/render/labels.h"

#include <algorithm>
#include <cmath>

namespace tidemark::render {
namespace {
using layers::LayerRole;

// Page-space path with vertices closer than `min_step` points to the previous one dropped:
// keeps PDFs small without visible change.
void add_path(cairo_t* cr, const MapView& v, const geo::Path& path, bool close, double min_step) {
    bool first = true;
    geo::XY last{};
    for (std::size_t i = 0; i < path.size(); ++i) {
        const geo::XY p = v.to_page(path[i]);
        if (!first && i + 1 < path.size() && std::abs(p.x - last.x) + std::abs(p.y - last.y) < min_step) continue;
        if (first) cairo_move_to(cr, p.x, p.y);
        else cairo_line_to(cr, p.x, p.y);
        first = false;
        last = p;
    }
    if (close && !first) cairo_close_path(cr);
}

// A point inside the largest part, for a polygon's label.
geo::XY label_point(const geo::Geometry& g) {
    const geo::Polygon* best = nullptr;
    double best_area = -1;
    for (const auto& p : g.polygons)
        if (double a = geo::area(p); a > best_area) best_area = a, best = &p;
    if (!best || best->outer.empty()) return {};
    double cx = 0, cy = 0, a2 = 0;
    const auto& r = best->outer;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        const double c = r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
        cx += (r[i].x + r[i + 1].x) * c;
        cy += (r[i].y + r[i + 1].y) * c;
        a2 += c;
    }
    geo::XY c = a2 != 0 ? geo::XY{cx / (3 * a2), cy / (3 * a2)} : r[0];
    if (geo::contains(*best, c)) return c;
    // Concave part: the middle of the widest horizontal run through its bounding-box centre line.
    const geo::Box b = geo::bounds_of(r);
    const double y = b.centre().y;
    std::vector<double> xs;
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        if ((r[i].y > y) != (r[i + 1].y > y)) xs.push_back(r[i].x + (y - r[i].y) * (r[i + 1].x - r[i].x) / (r[i + 1].y - r[i].y));
    std::sort(xs.begin(), xs.end());
    double widest = -1;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > widest) widest = xs[i + 1] - xs[i], c = {(xs[i] + xs[i + 1]) / 2, y};
    return c;
}

double port_priority(const layers::Layer& l, const layers::Feature& f) {
    for (const char* field : {"Harbor Size", "harbor_size", "size"}) {
        const std::string s = layers::to_string(l.value(f, field));
        if (s.empty()) continue;
        switch (s[0]) {
            case 'L': return 3;
            case 'M': return 2;
            case 'S': return 1;
            default: return 0;
        }
    }
    return 0;
}

bool after_time(const layers::Layer& l, const layers::Feature& f, int tf, std::optional<geo::UnixTime> t) {
    if (!t || tf < 0) return false;
    auto ft = layers::feature_time(l, f, tf);
    return ft && *ft > *t;
}

}  // namespace

void set_colour(cairo_t* cr, const layers::Rgba& c, float opacity) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * opacity); }

bool is_planned(const layers::Layer& layer, const layers::Feature& f) {
    const int i = layer.field_index("planned");
    if (i < 0 || i >= static_cast<int>(f.values.size())) return false;
    auto n = layers::to_number(f.values[i]);
    const std::string s = layers::to_string(f.values[i]);
    return (n && *n != 0) || s == "true" || s == "TRUE";
}

geo::Box default_extent(const MapScene& scene) {
    geo::Box box;
    for (const auto& d : scene.layers)
        if (d.layer->role == LayerRole::Coastline || d.layer->role == LayerRole::Forces) box.expand(d.layer->extent());
    if (box.empty())
        for (const auto& d : scene.layers) box.expand(d.layer->extent());
    if (box.empty()) return {0, 0, 1000, 1000};
    return box.grown(0.03 * std::max(box.width(), box.height()));
}

void draw_symbol(cairo_t* cr, layers::PointSymbol symbol, double x, double y, double size, const layers::Rgba& fill,
                 const layers::Rgba& stroke, double stroke_width) {
    const double r = size / 2;
    cairo_new_path(cr);
    switch (symbol) {
        case layers::PointSymbol::Circle: cairo_new_sub_path(cr); cairo_arc(cr, x, y, r, 0, 2 * M_PI); break;
        case layers::PointSymbol::Square: cairo_rectangle(cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8); break;
        case layers::PointSymbol::Triangle:
            cairo_move_to(cr, x, y - r * 1.15);
            cairo_line_to(cr, x + r, y + r * 0.75);
            cairo_line_to(cr, x - r, y + r * 0.75);
            cairo_close_path(cr);
            break;
        case layers::PointSymbol::Diamond:
            cairo_move_to(cr, x, y - r);
            cairo_line_to(cr, x + r, y);
            cairo_line_to(cr, x, y + r);
            cairo_line_to(cr, x - r, y);
            cairo_close_path(cr);
            break;
        case layers::PointSymbol::Cross:
            cairo_move_to(cr, x - r, y - r); cairo_line_to(cr, x + r, y + r);
            cairo_move_to(cr, x + r, y - r); cairo_line_to(cr, x - r, y + r);
            set_colour(cr, fill);
            cairo_set_line_width(cr, stroke_width * 2);
            cairo_stroke(cr);
            return;
    }
    set_colour(cr, fill);
    cairo_fill_preserve(cr);
    set_colour(cr, stroke);
    cairo_set_line_width(cr, stroke_width);
    cairo_stroke(cr);
}

void draw_scene(cairo_t* cr, const MapView& view, const MapScene& scene, double unit, const std::vector<Rect>& keep_clear) {
    const Rect& fr = view.frame();
    cairo_save(cr);
    cairo_rectangle(cr, fr.x, fr.y, fr.w, fr.h);
    cairo_clip(cr);
    set_colour(cr, kSeaColour);
    cairo_paint(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    const double px = 0.75 * unit;  // style widths are screen pixels at 96 dpi
    const double step = 0.3 * unit;
    const geo::Box visible = view.world().grown(view.metres_per_point() * 20);
    LabelPlacer labels(fr);
    for (const Rect& r : keep_clear) labels.add_obstacle(r);

    for (const DrawnLayer& d : scene.layers) {
        const layers::Layer& l = *d.layer;
        const layers::Style& st = d.style;
        const int tf = layers::time_field(l);
        const bool time_filtered = scene.time && (l.role == LayerRole::Reports || l.role == LayerRole::Tracks);
        const double width = std::max(0.25, st.stroke_width_px * px);
        for (std::size_t k = 0; k < l.features().size(); ++k) {
            const layers::Feature& f = l.features()[k];
            if (f.geometry.kind == geo::GeometryKind::None || !f.geometry.bounds().intersects(visible)) continue;
            if (time_filtered && after_time(l, f, tf, scene.time)) continue;
            if (!d.shown(k)) continue;  // left out by a filter, as on the desktop map
            const int cls = k < d.classes.feature_class.size() ? d.classes.feature_class[k] : -1;
            // The scene's class colour (alpha from the style), as the desktop map draws it.
            const layers::Rgba* cc = cls >= 0 && k < d.colour.size() ? &d.colour[k] : nullptr;
            switch (f.geometry.kind) {
                case geo::GeometryKind::Polygon: {
                    cairo_new_path(cr);
                    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
                    for (const auto& poly : f.geometry.polygons) {
                        add_path(cr, view, poly.outer, true, step);
                        for (const auto& h : poly.holes) add_path(cr, view, h, true, step);
                    }
                    if (st.fill_enabled || cc) {
                        set_colour(cr, cc ? *cc : st.fill, st.opacity);
                        cairo_fill_preserve(cr);
                    }
                    set_colour(cr, st.stroke, st.opacity);
                    cairo_set_line_width(cr, width);
                    cairo_stroke(cr);
                    if (!st.label_field.empty()) {
                        const std::string text = layers::to_string(l.value(f, st.label_field));
                        if (!text.empty())
                            labels.add({text, view.to_page(label_point(f.geometry)), 10 + std::log10(1 + f.geometry.bounds().width()),
                                        6.3 * unit, {st.stroke.r * 0.8f, st.stroke.g * 0.8f, st.stroke.b * 0.8f, 1}, true, false, false});
                    }
                    break;
                }
                case geo::GeometryKind::Line: {
                    cairo_new_path(cr);
                    for (const auto& line : f.geometry.lines) add_path(cr, view, line, false, step);
                    set_colour(cr, cc ? *cc : st.stroke, st.opacity);
                    cairo_set_line_width(cr, width);
                    const double dash[] = {4 * unit, 3 * unit};
                    if (is_planned(l, f)) cairo_set_dash(cr, dash, 2, 0);
                    cairo_stroke(cr);
                    cairo_set_dash(cr, nullptr, 0, 0);
                    break;
                }
                case geo::GeometryKind::Point: {
                    const bool fix = l.role == LayerRole::Tracks;  // track fixes: small dots
                    const double size = (fix ? 2.5 : st.symbol_size_px) * px;
                    for (const geo::XY& p : f.geometry.points) {
                        const geo::XY q = view.to_page(p);
                        layers::Rgba fill = cc ? *cc : st.fill_enabled ? st.fill : st.stroke;
                        fill.a *= st.opacity * (fix && scene.time ? 0.5f : 1.0f);
                        draw_symbol(cr, fix ? layers::PointSymbol::Circle : k < d.symbol.size() ? d.symbol[k] : st.symbol, q.x, q.y, size, fill,
                                    fix ? fill : st.stroke, fix ? 0 : 0.5 * px);
                        if (!st.label_field.empty() && !fix) {
                            std::string text = layers::to_string(l.value(f, st.label_field));
                            // World Port Index files name ports in "Main Port Name".
                            if (text.empty() && l.role == LayerRole::Ports) text = layers::to_string(l.value(f, "Main Port Name"));
                            if (!text.empty())
                                labels.add({text, q, port_priority(l, f), 5.5 * unit, {0.1f, 0.12f, 0.3f, 1}, false, false, true, size * 0.6 + 1.5 * unit});
                        }
                    }
                    break;
                }
                case geo::GeometryKind::None: break;
            }
        }
    }
    // Vessels at --time: a bold marker and the name, placed before any other label.
    for (const layers::SceneVessel& v : scene.vessels) {
        const geo::XY q = view.to_page(v.p);
        draw_symbol(cr, layers::PointSymbol::Diamond, q.x, q.y, 8 * unit, v.colour, {0, 0, 0, 1}, 0.8 * unit);
        labels.add({v.vessel, q, 100, 6.5 * unit, {0.0f, 0.25f, 0.25f, 1}, false, true, true, 5 * unit});
    }
    labels.draw(cr);
    cairo_restore(cr);
}

}  // namespace tidemark::render
