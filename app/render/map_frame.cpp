#include "app/render/map_frame.h"

#include "app/render/labels.h"
#include "app/render/legend.h"

#include <algorithm>
#include <cmath>

namespace tidemark::render {
namespace {

constexpr double kMetresPerNauticalMile = 1852.0;
constexpr double kMetresPerPoint = 0.0254 / 72.0;  // paper metres per point

const layers::Rgba kInk{0.13f, 0.13f, 0.15f, 1};
const layers::Rgba kGrey{0.35f, 0.35f, 0.38f, 1};

void text_at(cairo_t* cr, double x, double y, const std::string& s, const layers::Rgba& c) {
    set_colour(cr, c);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

double text_width(cairo_t* cr, const std::string& s) {
    cairo_text_extents_t te;
    cairo_text_extents(cr, s.c_str(), &te);
    return te.x_advance;
}

void centred(cairo_t* cr, double cx, double y, const std::string& s, const layers::Rgba& c) {
    text_at(cr, cx - text_width(cr, s) / 2, y, s, c);
}

// Greedy word wrap to `width` points with the current font.
std::vector<std::string> wrap(cairo_t* cr, const std::string& text, double width) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flush_word = [&] {
        if (word.empty()) return;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && text_width(cr, candidate) > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        word.clear();
    };
    for (char c : text) {
        if (c == ' ') flush_word();
        else word += c;
    }
    flush_word();
    if (!line.empty()) lines.push_back(line);
    return lines;
}

std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// 8000000 -> "8,000,000".
std::string grouped(double v) {
    std::string digits = std::to_string(static_cast<long long>(std::llround(v)));
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

// Alternating black/white bar of `segments` parts, `length` points long, labelled 0, half, full.
void scale_bar(cairo_t* cr, double x, double y, double length, double h, double value, const std::string& unit_name, double u) {
    const int segments = 4;
    for (int i = 0; i < segments; ++i) {
        cairo_rectangle(cr, x + i * length / segments, y, length / segments, h);
        set_colour(cr, i % 2 ? layers::Rgba{1, 1, 1, 1} : kInk);
        cairo_fill_preserve(cr);
        set_colour(cr, kInk);
        cairo_set_line_width(cr, 0.5 * u);
        cairo_stroke(cr);
    }
    select_font(cr, 6.5 * u);
    centred(cr, x, y - 2 * u, "0", kInk);
    centred(cr, x + length / 2, y - 2 * u, number_text(value / 2), kInk);
    centred(cr, x + length, y - 2 * u, number_text(value), kInk);
    text_at(cr, x + length + 5 * u, y + h, unit_name, kInk);
}

struct ScaleBars {
    double km, nm, km_pt, nm_pt;
    Rect box;
};

ScaleBars scale_bars_for(const MapView& view, double u) {
    const Rect& m = view.frame();
    const double max_pt = m.w * 0.25;
    const double mpp = view.metres_per_point();
    ScaleBars s;
    s.km = nice_length(max_pt * mpp / 1000.0);
    s.nm = nice_length(max_pt * mpp / kMetresPerNauticalMile);
    s.km_pt = s.km * 1000.0 / mpp;
    s.nm_pt = s.nm * kMetresPerNauticalMile / mpp;
    const double box_w = std::max(s.km_pt, s.nm_pt) + 40 * u, box_h = 42 * u;
    s.box = {m.x + 8 * u, m.y + m.h - box_h - 8 * u, box_w, box_h};
    return s;
}

Rect north_arrow_box(const Rect& m, double u) { return {m.x + m.w - 41 * u, m.y + 4 * u, 38 * u, 45 * u}; }

void scale_bars(cairo_t* cr, const MapView& view, double u) {
    const ScaleBars s = scale_bars_for(view, u);
    const double km = s.km, nm = s.nm, km_pt = s.km_pt, nm_pt = s.nm_pt;
    const double bx = s.box.x, by = s.box.y, box_w = s.box.w, box_h = s.box.h;
    cairo_rectangle(cr, bx, by, box_w, box_h);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_fill(cr);
    scale_bar(cr, bx + 8 * u, by + 12 * u, km_pt, 4 * u, km, "km", u);
    scale_bar(cr, bx + 8 * u, by + 30 * u, nm_pt, 4 * u, nm, "nm", u);
}

void north_arrow(cairo_t* cr, const Rect& m, double true_north_deg, double u) {
    const double cx = m.x + m.w - 22 * u, cy = m.y + 30 * u, r = 13 * u;
    cairo_save(cr);
    cairo_new_path(cr);  // show_text leaves a current point that arc would join with a line
    cairo_arc(cr, cx, cy, r + 4 * u, 0, 2 * M_PI);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_fill(cr);
    cairo_translate(cr, cx, cy);
    cairo_rotate(cr, true_north_deg * M_PI / 180.0);
    // Half-dark, half-light needle pointing to true north.
    cairo_move_to(cr, 0, -r);
    cairo_line_to(cr, r * 0.38, r * 0.55);
    cairo_line_to(cr, 0, r * 0.25);
    cairo_close_path(cr);
    set_colour(cr, kInk);
    cairo_fill(cr);
    cairo_move_to(cr, 0, -r);
    cairo_line_to(cr, -r * 0.38, r * 0.55);
    cairo_line_to(cr, 0, r * 0.25);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    set_colour(cr, kInk);
    cairo_set_line_width(cr, 0.6 * u);
    cairo_stroke(cr);
    cairo_restore(cr);
    select_font(cr, 8 * u, true);
    centred(cr, cx, m.y + 12 * u, "N", kInk);
}

}  // namespace

std::vector<Rect> frame_furniture(const MapView& view, double unit) {
    return {scale_bars_for(view, unit).box, north_arrow_box(view.frame(), unit)};
}

double nice_length(double max_length) {
    if (!(max_length > 0)) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(max_length)));
    for (double k : {5.0, 2.0, 1.0})
        if (k * p <= max_length) return k * p;
    return p;
}

PageLayout layout_page(double w, double h, bool with_marking) {
    PageLayout p;
    p.width_pt = w;
    p.height_pt = h;
    p.unit = std::clamp(std::min(w, h) / 595.0, 0.4, 4.0);
    const double u = p.unit, margin = 16 * u, band = with_marking ? 14 * u : 0;
    const double legend_w = std::min(175 * u, w * 0.32);
    const double top = margin + band + 38 * u;
    p.map = {margin, top, w - 2 * margin - legend_w - 10 * u, h - top - margin - band};
    p.legend = {p.map.x + p.map.w + 10 * u, top, legend_w, p.map.h};
    return p;
}

void draw_frame(cairo_t* cr, const PageLayout& page, const MapView& view, const MapScene& scene, const FrameText& text,
                double true_north_deg) {
    const double u = page.unit, margin = 16 * u;
    const Rect& m = page.map;
    // Neat line round the map.
    cairo_rectangle(cr, m.x, m.y, m.w, m.h);
    set_colour(cr, kInk);
    cairo_set_line_width(cr, 0.8 * u);
    cairo_stroke(cr);
    scale_bars(cr, view, u);
    north_arrow(cr, m, true_north_deg, u);

    // Protective marking, centred top and bottom.
    if (!text.marking.empty()) {
        select_font(cr, 10 * u, true);
        centred(cr, page.width_pt / 2, margin + 8 * u, text.marking, kInk);
        centred(cr, page.width_pt / 2, page.height_pt - margin + 2 * u, text.marking, kInk);
    }
    // Title block.
    const double top = margin + (text.marking.empty() ? 0 : 14 * u);
    select_font(cr, 16 * u, true);
    text_at(cr, m.x, top + 16 * u, text.title, kInk);
    select_font(cr, 8.5 * u);
    text_at(cr, m.x, top + 30 * u, text.time_line, kGrey);

    // Legend panel: symbols on top, map facts at the bottom.
    const Rect& L = page.legend;
    cairo_rectangle(cr, L.x, L.y, L.w, L.h);
    cairo_set_source_rgb(cr, 0.975, 0.975, 0.97);
    cairo_fill_preserve(cr);
    set_colour(cr, {0.75f, 0.75f, 0.75f, 1});
    cairo_set_line_width(cr, 0.5 * u);
    cairo_stroke(cr);
    const double pad = 8 * u, inner_w = L.w - 2 * pad;

    std::vector<std::string> facts;
    select_font(cr, 6 * u);
    auto add_wrapped = [&](const std::string& s) {
        for (auto& line : wrap(cr, s, inner_w)) facts.push_back(line);
    };
    add_wrapped("Coordinate reference system: " + text.crs_line);
    const double scale = view.metres_per_point() / kMetresPerPoint;
    const double rounded = nice_length(scale) * std::round(scale / nice_length(scale) * 10) / 10;
    add_wrapped("Scale 1:" + grouped(rounded) + " at this page size; bars true at the map centre");
    for (const auto& a : text.attributions) add_wrapped(a);
    add_wrapped(text.generated_line);
    const double line_h = 7.6 * u;
    const double facts_top = L.y + L.h - pad - line_h * facts.size();

    draw_legend(cr, {L.x + pad, L.y + pad, inner_w, facts_top - L.y - 2 * pad}, scene, u);

    cairo_move_to(cr, L.x + pad, facts_top - 4 * u);
    cairo_line_to(cr, L.x + L.w - pad, facts_top - 4 * u);
    set_colour(cr, {0.75f, 0.75f, 0.75f, 1});
    cairo_set_line_width(cr, 0.5 * u);
    cairo_stroke(cr);
    select_font(cr, 6 * u);
    for (std::size_t i = 0; i < facts.size(); ++i) text_at(cr, L.x + pad, facts_top + line_h * (i + 0.8), facts[i], kGrey);
}

}  // namespace tidemark::render
