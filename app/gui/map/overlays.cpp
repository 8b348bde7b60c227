#include "app/gui/map/overlays.h"

#include "app/gui/app_state.h"
#include "app/gui/map/map_renderer.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace tidemark::gui {
namespace {

ImVec2 to_im(geo::XY s) { return {static_cast<float>(s.x), static_cast<float>(s.y)}; }
ImU32 to_u32(const layers::Rgba& c, float alpha = 1) {
    return ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, c.a * alpha});
}

void symbol(ImDrawList* list, ImVec2 c, float r, layers::PointSymbol s, ImU32 fill) {
    const ImU32 edge = IM_COL32(40, 40, 40, 255);
    switch (s) {
        case layers::PointSymbol::Square:
            list->AddRectFilled({c.x - r, c.y - r}, {c.x + r, c.y + r}, fill);
            list->AddRect({c.x - r, c.y - r}, {c.x + r, c.y + r}, edge);
            break;
        case layers::PointSymbol::Triangle:
            list->AddTriangleFilled({c.x, c.y - r}, {c.x - r, c.y + r * 0.8f}, {c.x + r, c.y + r * 0.8f}, fill);
            list->AddTriangle({c.x, c.y - r}, {c.x - r, c.y + r * 0.8f}, {c.x + r, c.y + r * 0.8f}, edge);
            break;
        case layers::PointSymbol::Diamond:
            list->AddQuadFilled({c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}, fill);
            list->AddQuad({c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}, edge);
            break;
        case layers::PointSymbol::Cross:
            list->AddLine({c.x - r, c.y}, {c.x + r, c.y}, fill, 2.5f);
            list->AddLine({c.x, c.y - r}, {c.x, c.y + r}, fill, 2.5f);
            break;
        default:
            list->AddCircleFilled(c, r, fill);
            list->AddCircle(c, r, edge);
    }
}

}  // namespace

double nice_scale_length(double metres_per_pixel, double max_px, double unit_m) {
    const double max_units = metres_per_pixel * max_px / unit_m;
    if (max_units <= 0) return 0;
    const double p = std::pow(10.0, std::floor(std::log10(max_units)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= max_units) return m * p * unit_m;
    return p * unit_m;
}

void draw_scale_bar(ImDrawList* list, const ViewTransform& view) {
    const float x0 = static_cast<float>(view.rect.x + 14);
    float y = static_cast<float>(view.rect.y + view.rect.height - 44);
    list->AddRectFilled({x0 - 6, y - 18}, {x0 + 170, y + 32}, IM_COL32(255, 255, 255, 200), 3);
    for (auto [unit, name] : {std::pair{1000.0, "km"}, std::pair{1852.0, "nm"}}) {
        const double m = nice_scale_length(view.metres_per_pixel, 150, unit);
        const float px = static_cast<float>(m / view.metres_per_pixel);
        list->AddLine({x0, y}, {x0 + px, y}, IM_COL32(0, 0, 0, 255), 2);
        list->AddLine({x0, y - 4}, {x0, y + 4}, IM_COL32(0, 0, 0, 255), 2);
        list->AddLine({x0 + px, y - 4}, {x0 + px, y + 4}, IM_COL32(0, 0, 0, 255), 2);
        char text[32];
        std::snprintf(text, sizeof text, "%g %s", m / unit, name);
        list->AddText({x0 + px + 6, y - 8}, IM_COL32(0, 0, 0, 255), text);
        y += 22;
    }
}

void draw_north_arrow(ImDrawList* list, const ViewTransform& view) {
    const ImVec2 c{static_cast<float>(view.rect.x + view.rect.width - 34), static_cast<float>(view.rect.y + 44)};
    list->AddCircleFilled(c, 22, IM_COL32(255, 255, 255, 200));
    list->AddTriangleFilled({c.x, c.y - 18}, {c.x - 8, c.y + 8}, {c.x, c.y + 2}, IM_COL32(20, 20, 20, 255));
    list->AddTriangleFilled({c.x, c.y - 18}, {c.x, c.y + 2}, {c.x + 8, c.y + 8}, IM_COL32(120, 120, 120, 255));
    list->AddText({c.x - 4, c.y + 6}, IM_COL32(0, 0, 0, 255), "N");
}

void draw_legend(ImDrawList* list, const AppState& app, const MapRenderer& renderer) {
    if (!app.workspace) return;
    struct Row {
        std::string text;
        layers::Rgba colour;
        int kind;  // 0 point, 1 line, 2 area, -1 text only
        layers::PointSymbol sym;
        bool indent;
        bool filled = true;
        layers::Rgba outline{0.25f, 0.25f, 0.25f, 1};
    };
    std::vector<Row> rows;
    // Layers coloured alike (track_legs and track_points, both by vessel) list their classes once.
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, layers::Rgba>>>> listed;
    for (auto it = app.workspace->layers.rbegin(); it != app.workspace->layers.rend(); ++it) {
        const layers::Layer& l = *it;
        if (l.role == layers::LayerRole::Table) continue;
        const layers::Style s = app.style(l);
        if (!s.visible) continue;
        const auto kind = l.geometry_kind();
        const int k = kind == geo::GeometryKind::Point ? 0 : kind == geo::GeometryKind::Line ? 1 : 2;
        const GlLayerBuffers* b = renderer.buffers(l.name);
        const bool categories = b && !b->colours().legend.empty();
        std::vector<std::pair<std::string, layers::Rgba>> classes;
        if (categories)
            for (const auto& e : b->colours().legend) classes.emplace_back(e.label, e.colour);
        const auto same = std::find_if(listed.begin(), listed.end(), [&](const auto& p) {
            return p.second.size() == classes.size() &&
                   std::equal(classes.begin(), classes.end(), p.second.begin(), [](const auto& x, const auto& y) {
                       return x.first == y.first && x.second.r == y.second.r && x.second.g == y.second.g && x.second.b == y.second.b;
                   });
        });
        std::string title = l.name + (categories && !s.colour_by.empty() ? " (" + s.colour_by + ")" : "");
        if (categories && same != listed.end()) title += ": colours as " + same->first;
        rows.push_back({title, s.fill_enabled ? s.fill : s.stroke, k, s.symbol, false, s.fill_enabled, s.stroke});
        if (categories && same == listed.end()) {
            for (const auto& e : b->colours().legend) rows.push_back({e.label, e.colour, k, e.symbol, true});
            listed.emplace_back(l.name, std::move(classes));
        }
    }
    if (rows.empty()) return;
    // Never taller than the map: the rows that do not fit are counted in a last row.
    const float line = 18;
    const auto fit = static_cast<std::size_t>(std::max(2.0, (app.view.rect.height - 40) / line));
    if (rows.size() > fit) {
        const std::size_t hidden = rows.size() - (fit - 1);
        rows.resize(fit - 1);
        rows.push_back({"... and " + std::to_string(hidden) + " more (View > Legend hides it)", {0, 0, 0, 0}, -1, {}, false});
    }
    float w = 0;
    for (const auto& r : rows) w = std::max(w, ImGui::CalcTextSize(r.text.c_str()).x + (r.indent ? 12 : 0));
    const float x1 = static_cast<float>(app.view.rect.x + app.view.rect.width - 10), x0 = x1 - w - 44;
    float y = static_cast<float>(app.view.rect.y + app.view.rect.height) - line * rows.size() - 16;
    list->AddRectFilled({x0 - 6, y - 6}, {x1 - 4, y + line * rows.size() + 4}, IM_COL32(255, 255, 255, 215), 3);
    for (const auto& r : rows) {
        const float sx = x0 + (r.indent ? 12 : 0);
        const ImVec2 c{sx + 9, y + line / 2};
        if (r.kind == 0) {
            symbol(list, c, 5, r.sym, to_u32(r.colour));
        } else if (r.kind == 1) {
            list->AddLine({sx, c.y}, {sx + 18, c.y}, to_u32(r.colour), 3);
        } else if (r.kind == 2 && r.filled) {
            list->AddRectFilled({sx + 1, c.y - 6}, {sx + 17, c.y + 6}, to_u32(r.colour));
            list->AddRect({sx + 1, c.y - 6}, {sx + 17, c.y + 6}, to_u32(r.outline));
        } else if (r.kind == 2) {
            list->AddRect({sx + 1, c.y - 6}, {sx + 17, c.y + 6}, to_u32(r.outline), 0, 0, 2);
        }
        list->AddText({sx + 24, y + 1}, IM_COL32(0, 0, 0, 255), r.text.c_str());
        y += line;
    }
}

void draw_vessels_at_time(ImDrawList* list, const AppState& app) {
    if (app.timeline.empty()) return;
    const geo::Box visible = app.view.visible_box();
    std::size_t n = 0;
    // Same colours as the tracks layer coloured by vessel: palette by sorted name.
    const std::vector<std::string> names = app.timeline.vessel_names();
    for (const VesselAtTime& v : app.timeline.at(app.time_t, app.tail_s)) {
        auto hidden = app.hidden_vessels.find(v.vessel);
        if (hidden != app.hidden_vessels.end() && hidden->second) continue;
        if (!visible.grown(app.view.metres_per_pixel * 50).contains(v.position)) continue;
        const auto rank = std::lower_bound(names.begin(), names.end(), v.vessel) - names.begin();
        const layers::Rgba c = palette_colour(static_cast<std::size_t>(rank));
        // Fading tail: older points more transparent. Thin out to at most ~200 vertices.
        const std::size_t step = v.tail.size() > 200 ? v.tail.size() / 200 : 1;
        for (std::size_t i = step; i < v.tail.size(); i += step) {
            const float age = static_cast<float>((app.time_t - v.tail[i].t) / std::max(app.tail_s, 1.0));
            list->AddLine(to_im(app.view.world_to_screen(v.tail[i - step].p)), to_im(app.view.world_to_screen(v.tail[i].p)),
                          to_u32(c, std::clamp(1.0f - age, 0.1f, 1.0f)), 2.5f);
        }
        const ImVec2 p = to_im(app.view.world_to_screen(v.position));
        const float a = static_cast<float>(v.heading_deg * M_PI / 180.0);
        const ImVec2 fwd{std::sin(a), -std::cos(a)}, side{std::cos(a), std::sin(a)};
        const ImVec2 tip{p.x + fwd.x * 12, p.y + fwd.y * 12};
        const ImVec2 l{p.x - fwd.x * 7 + side.x * 6, p.y - fwd.y * 7 + side.y * 6};
        const ImVec2 r{p.x - fwd.x * 7 - side.x * 6, p.y - fwd.y * 7 - side.y * 6};
        list->AddTriangleFilled(tip, l, r, to_u32(c));
        list->AddTriangle(tip, l, r, IM_COL32(0, 0, 0, 255), 1.5f);
        if (++n <= 40) list->AddText({p.x + 10, p.y + 4}, IM_COL32(0, 0, 0, 255), v.vessel.c_str());
    }
}

void draw_report_heat(ImDrawList* list, const AppState& app) {
    if (!app.heat_layer || !app.workspace) return;
    const layers::Layer* reports = app.workspace->find_role(layers::LayerRole::Reports);
    if (!reports) return;
    // Bin reports into 32 px screen cells; the hottest cell is opaque red.
    constexpr double kCell = 32;
    std::map<std::pair<long, long>, int> bins;
    const geo::Box visible = app.view.visible_box();
    for (const auto& f : reports->features)
        for (geo::XY p : f.geometry.points)
            if (visible.contains(p)) {
                const geo::XY s = app.view.world_to_screen(p);
                ++bins[{static_cast<long>(std::floor(s.x / kCell)), static_cast<long>(std::floor(s.y / kCell))}];
            }
    int hottest = 1;
    for (const auto& [k, v] : bins) hottest = std::max(hottest, v);
    for (const auto& [k, v] : bins) {
        const float t = static_cast<float>(v) / hottest;
        const ImVec2 c{static_cast<float>((k.first + 0.5) * kCell), static_cast<float>((k.second + 0.5) * kCell)};
        list->AddCircleFilled(c, static_cast<float>(kCell * (0.5 + 0.5 * t)), ImGui::ColorConvertFloat4ToU32({1.0f, 0.55f * (1 - t), 0.0f, 0.25f + 0.45f * t}));
    }
}

}  // namespace tidemark::gui
