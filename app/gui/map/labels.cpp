#include "app/gui/map/labels.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace tidemark::gui {

std::vector<LabelAnchor> label_anchors(const layers::Layer& layer, const std::string& field) {
    std::vector<LabelAnchor> out;
    if (layer.field_index(field) < 0) return out;
    for (const auto& f : layer.features()) {
        const std::string text = layers::to_string(layer.value(f, field));
        if (text.empty()) continue;
        const geo::Geometry& g = f.geometry;
        if (!g.points.empty()) {
            out.push_back({g.points.front(), text, 0, false});
        } else if (!g.polygons.empty()) {
            const geo::Polygon* best = &g.polygons.front();
            double best_area = 0;
            for (const auto& p : g.polygons) {
                const double a = geo::area(p);
                if (a > best_area) { best_area = a; best = &p; }
            }
            geo::XY c = geo::bounds_of(best->outer).centre();
            if (!geo::contains(*best, c)) {
                // Box centre outside a concave part: use the vertex mean instead.
                geo::XY m{0, 0};
                for (geo::XY p : best->outer) { m.x += p.x; m.y += p.y; }
                c = {m.x / best->outer.size(), m.y / best->outer.size()};
            }
            out.push_back({c, text, best_area, true});
        } else if (!g.lines.empty() && !g.lines.front().empty()) {
            const geo::Path& l = g.lines.front();
            out.push_back({l[l.size() / 2], text, geo::length(l), false});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const LabelAnchor& a, const LabelAnchor& b) { return a.priority > b.priority; });
    return out;
}

void draw_labels(ImDrawList* list, const ViewTransform& view, const std::vector<LabelAnchor>& anchors,
                 unsigned text_colour, std::vector<PlacedBox>* placed) {
    const geo::Box visible = view.visible_box();
    for (const LabelAnchor& a : anchors) {
        if (!visible.contains(a.world)) continue;
        const geo::XY s = view.world_to_screen(a.world);
        const ImVec2 size = ImGui::CalcTextSize(a.text.c_str());
        PlacedBox b;
        if (a.area) b = {float(s.x - size.x / 2), float(s.y - size.y / 2), float(s.x + size.x / 2), float(s.y + size.y / 2)};
        else b = {float(s.x + 7), float(s.y - size.y / 2), float(s.x + 7 + size.x), float(s.y + size.y / 2)};
        const float pad = 3;
        bool clash = false;
        for (const PlacedBox& p : *placed)
            if (b.x0 - pad < p.x1 && b.x1 + pad > p.x0 && b.y0 - pad < p.y1 && b.y1 + pad > p.y0) { clash = true; break; }
        if (clash) continue;
        placed->push_back(b);
        // A light halo keeps text readable over land, sea and lines.
        const ImU32 halo = IM_COL32(255, 255, 255, 190);
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy)
                if (dx || dy) list->AddText({b.x0 + dx, b.y0 + dy}, halo, a.text.c_str());
        list->AddText({b.x0, b.y0}, text_colour, a.text.c_str());
    }
}

}  // namespace tidemark::gui
