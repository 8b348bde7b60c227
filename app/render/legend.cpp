#include "app/render/legend.h"

#include "app/render/labels.h"

#include <cctype>

namespace tidemark::render {
namespace {

enum class Swatch { Area, Line, DashedLine, Point, Dot, Vessel, None };

struct Row {
    std::string text;
    Swatch swatch = Swatch::None;
    layers::Style style;
    const layers::Rgba* colour = nullptr;  // class colour replacing fill/stroke
    bool heading = false;
    int indent = 0;
};

Swatch swatch_for(const layers::Layer& l) {
    if (l.role == layers::LayerRole::Tracks) return Swatch::Dot;
    switch (l.geometry_kind()) {
        case geo::GeometryKind::Polygon: return Swatch::Area;
        case geo::GeometryKind::Line: return Swatch::Line;
        case geo::GeometryKind::Point: return Swatch::Point;
        case geo::GeometryKind::None: break;
    }
    return Swatch::None;
}

void draw_swatch(cairo_t* cr, const Row& r, double x, double y, double w, double h, double u) {
    const layers::Style& st = r.style;
    const double px = 0.75 * u;
    switch (r.swatch) {
        case Swatch::Area:
            cairo_rectangle(cr, x, y, w, h);
            if (st.fill_enabled || r.colour) {
                set_colour(cr, r.colour ? *r.colour : st.fill, st.opacity);
                cairo_fill_preserve(cr);
            } else {  // outline-only areas are drawn over the sea
                set_colour(cr, kSeaColour);
                cairo_fill_preserve(cr);
            }
            set_colour(cr, st.stroke, st.opacity);
            cairo_set_line_width(cr, std::max(0.25, st.stroke_width_px * px));
            cairo_stroke(cr);
            break;
        case Swatch::Line:
        case Swatch::DashedLine: {
            cairo_move_to(cr, x, y + h / 2);
            cairo_line_to(cr, x + w, y + h / 2);
            set_colour(cr, r.colour ? *r.colour : st.stroke, st.opacity);
            cairo_set_line_width(cr, std::max(0.25, st.stroke_width_px * px));
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            const double dash[] = {4 * u, 3 * u};
            if (r.swatch == Swatch::DashedLine) cairo_set_dash(cr, dash, 2, 0);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
            break;
        }
        case Swatch::Point: {
            layers::Rgba fill = r.colour ? *r.colour : st.fill_enabled ? st.fill : st.stroke;
            fill.a *= st.opacity;
            draw_symbol(cr, st.symbol, x + w / 2, y + h / 2, st.symbol_size_px * px, fill, st.stroke, 0.5 * px);
            break;
        }
        case Swatch::Dot: {
            layers::Rgba fill = r.colour ? *r.colour : st.stroke;
            draw_symbol(cr, layers::PointSymbol::Circle, x + w / 2, y + h / 2, 2.5 * px, fill, fill, 0);
            break;
        }
        case Swatch::Vessel:
            draw_symbol(cr, layers::PointSymbol::Diamond, x + w / 2, y + h / 2, 8 * u, {0.0f, 0.35f, 0.35f, 1}, {1, 1, 1, 1}, 0.8 * u);
            break;
        case Swatch::None: break;
    }
}

std::vector<Row> legend_rows(const MapScene& scene) {
    std::vector<Row> rows;
    for (auto it = scene.layers.rbegin(); it != scene.layers.rend(); ++it) {
        const DrawnLayer& d = *it;
        const layers::Layer& l = *d.layer;
        // The scene's legend: its heading and entries are what the desktop layer list shows;
        // "(synthetic)" follows the layer's name ("Track legs (synthetic) by vessel").
        std::string title = d.legend_title;
        const std::string name = display_name(l.name);
        if (d.synthetic) title.insert(title.rfind(name, 0) == 0 ? name.size() : title.size(), " (synthetic)");
        const Swatch sw = swatch_for(l);
        if (d.classes.classes.empty()) {
            rows.push_back({title, sw, d.style});
        } else {
            rows.push_back({title, Swatch::None, d.style, nullptr, true});
            for (const auto& note : d.legend_notes) rows.push_back({note, Swatch::None, d.style, nullptr, false, 1});
            for (const auto& e : d.legend) rows.push_back({e.label, sw, d.style, &e.colour, false, 1});
        }
        if (d.planned && sw == Swatch::Line) rows.push_back({"planned (dashed)", Swatch::DashedLine, d.style, nullptr, false, 1});
    }
    if (!scene.vessels.empty()) rows.insert(rows.begin(), Row{"Vessel at the map time", Swatch::Vessel, {}});
    return rows;
}

// `text` cut (at a UTF-8 character boundary) and ended with "…" so it fits `width` points.
std::string fitted(cairo_t* cr, const std::string& text, double width) {
    auto w = [&](const std::string& t) {
        cairo_text_extents_t te;
        cairo_text_extents(cr, t.c_str(), &te);
        return te.x_advance;
    };
    if (w(text) <= width) return text;
    std::string t = text;
    while (!t.empty() && w(t + "…") > width) {
        t.pop_back();
        while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();  // continuation bytes
        if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();  // lead byte of a cut character
    }
    return t + "…";
}

}  // namespace

void draw_legend(cairo_t* cr, const Rect& box, const MapScene& scene, double u) {
    select_font(cr, 9 * u, true);
    set_colour(cr, {0.13f, 0.13f, 0.15f, 1});
    cairo_move_to(cr, box.x, box.y + 9 * u);
    cairo_show_text(cr, "Legend");
    const std::vector<Row> rows = legend_rows(scene);
    const double row_h = 11.5 * u, sw_w = 18 * u, sw_h = 7 * u;
    double y = box.y + 16 * u;
    const std::size_t fits = static_cast<std::size_t>(std::max(0.0, (box.y + box.h - y) / row_h));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i + 1 == fits && rows.size() > fits) {
            select_font(cr, 7 * u, false, true);
            cairo_move_to(cr, box.x, y + row_h * 0.7);
            cairo_show_text(cr, ("… " + std::to_string(rows.size() - i) + " more entries").c_str());
            break;
        }
        const Row& r = rows[i];
        const double x = box.x + r.indent * 8 * u;
        if (r.swatch != Swatch::None) draw_swatch(cr, r, x, y + (row_h - sw_h) / 2 - u, sw_w, sw_h, u);
        select_font(cr, 7 * u, r.heading, false);
        set_colour(cr, {0.13f, 0.13f, 0.15f, 1});
        const double text_x = r.swatch == Swatch::None ? x : x + sw_w + 5 * u;
        cairo_move_to(cr, text_x, y + row_h * 0.62);
        cairo_show_text(cr, fitted(cr, r.text, box.x + box.w - text_x).c_str());
        y += row_h;
    }
}

}  // namespace tidemark::render
