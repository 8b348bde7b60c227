#include "app/render/labels.h"

#include <algorithm>

namespace tidemark::render {

void select_font(cairo_t* cr, double size_pt, bool bold, bool italic) {
    cairo_select_font_face(cr, "DejaVu Sans", italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size_pt);
}

void halo_text(cairo_t* cr, double x, double y, const std::string& text, const layers::Rgba& c, double halo_pt) {
    cairo_save(cr);
    cairo_move_to(cr, x, y);
    cairo_text_path(cr, text.c_str());
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_set_line_width(cr, halo_pt * 2);
    cairo_stroke_preserve(cr);
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
    cairo_fill(cr);
    cairo_restore(cr);
}

int LabelPlacer::draw(cairo_t* cr) {
    std::stable_sort(requests_.begin(), requests_.end(),
                     [](const LabelRequest& a, const LabelRequest& b) { return a.priority > b.priority; });
    int placed = 0;
    for (const LabelRequest& r : requests_) {
        select_font(cr, r.size_pt, r.bold, r.italic);
        cairo_text_extents_t te;
        cairo_text_extents(cr, r.text.c_str(), &te);
        cairo_font_extents_t fe;
        cairo_font_extents(cr, &fe);
        const double w = te.x_advance, h = fe.ascent + fe.descent * 0.5;
        const double pad = r.size_pt * 0.15;
        // Candidate top-left corners.
        std::vector<geo::XY> corners;
        const geo::XY a = r.anchor;
        if (r.beside_point) {
            corners = {{a.x + r.offset_pt, a.y - h / 2}, {a.x - r.offset_pt - w, a.y - h / 2},
                       {a.x - w / 2, a.y - r.offset_pt - h}, {a.x - w / 2, a.y + r.offset_pt}};
        } else {
            corners = {{a.x - w / 2, a.y - h / 2}, {a.x - w / 2, a.y - h * 1.5}, {a.x - w / 2, a.y + h * 0.5}};
        }
        for (const geo::XY& c : corners) {
            const Rect box{c.x - pad, c.y - pad, w + 2 * pad, h + 2 * pad};
            const bool inside = frame_.contains(box.x, box.y) && frame_.contains(box.x + box.w, box.y + box.h);
            if (!inside || std::any_of(placed_.begin(), placed_.end(), [&](const Rect& p) { return p.overlaps(box); })) continue;
            placed_.push_back(box);
            halo_text(cr, c.x, c.y + fe.ascent, r.text, r.colour, r.size_pt * 0.18);
            ++placed;
            break;
        }
    }
    return placed;
}

}  // namespace tidemark::render
