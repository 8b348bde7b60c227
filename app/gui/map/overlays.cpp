#include "app/gui/map/overlays.h"

#include "app/gui/app_state.h"

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

void draw_vessels_at_time(ImDrawList* list, const AppState& app) {
    if (app.timeline.empty() || !app.workspace) return;
    const layers::Layer* tracks = app.workspace->find_role(layers::LayerRole::Tracks);
    if (!tracks) tracks = app.workspace->find_role(layers::LayerRole::TrackLegs);
    if (!tracks) return;
    const layers::SceneLayer& look = app.scene_layer(*tracks);  // vessel colours, as the tracks and exports
    const geo::Box visible = app.view.visible_box();
    const std::vector<std::string> names = app.timeline.vessel_names();  // sorted
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const VesselAtTime* hovered = nullptr;
    float hovered_d2 = 14 * 14;  // within 14 px of the marker
    const std::vector<VesselAtTime> vessels = app.timeline.at(app.time_t, app.tail_s);
    std::size_t shown = 0;
    for (const VesselAtTime& v : vessels)
        if (visible.contains(v.position)) ++shown;
    for (const VesselAtTime& v : vessels) {
        auto hidden = app.hidden_vessels.find(v.vessel);
        if (hidden != app.hidden_vessels.end() && hidden->second) continue;
        if (!visible.grown(app.view.metres_per_pixel * 50).contains(v.position)) continue;
        const auto rank = static_cast<std::size_t>(std::lower_bound(names.begin(), names.end(), v.vessel) - names.begin());
        const layers::Rgba c = layers::vessel_colour(look, v.vessel, rank, names.size());
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
        // Names stay readable: written beside the markers only when few are in view; hover for any.
        if (shown <= 8) list->AddText({p.x + 10, p.y + 4}, IM_COL32(0, 0, 0, 255), v.vessel.c_str());
        const float dx = mouse.x - p.x, dy = mouse.y - p.y;
        if (dx * dx + dy * dy < hovered_d2) { hovered_d2 = dx * dx + dy * dy; hovered = &v; }
    }
    if (hovered && ImGui::IsWindowHovered())
        ImGui::SetTooltip("%s\n%s, heading %03.0f°", hovered->vessel.c_str(), geo::format_iso8601(app.time_t).c_str(),
                          hovered->heading_deg);
}

constexpr double kHeatCell = 32;

std::map<std::pair<long, long>, int> report_heat_bins(const AppState& app) {
    std::map<std::pair<long, long>, int> bins;
    const layers::Layer* reports = app.workspace ? app.workspace->find_role(layers::LayerRole::Reports) : nullptr;
    if (!reports) return bins;
    const geo::Box visible = app.view.visible_box();
    const layers::SceneLayer& look = app.scene_layer(*reports);  // the Reports panel's filter
    for (std::size_t i = 0; i < reports->features().size(); ++i) {
        if (!look.shown(i)) continue;
        for (geo::XY p : reports->features()[i].geometry.points)
            if (visible.contains(p)) {
                const geo::XY s = app.view.world_to_screen(p);
                ++bins[{static_cast<long>(std::floor(s.x / kHeatCell)), static_cast<long>(std::floor(s.y / kHeatCell))}];
            }
    }
    return bins;
}

void draw_report_heat(ImDrawList* list, const AppState& app) {
    if (!app.heat_layer || !app.workspace) return;
    // The hottest cell is opaque red.
    constexpr double kCell = kHeatCell;
    const auto bins = report_heat_bins(app);
    int hottest = 1;
    for (const auto& [k, v] : bins) hottest = std::max(hottest, v);
    for (const auto& [k, v] : bins) {
        const float t = static_cast<float>(v) / hottest;
        const ImVec2 c{static_cast<float>((k.first + 0.5) * kCell), static_cast<float>((k.second + 0.5) * kCell)};
        list->AddCircleFilled(c, static_cast<float>(kCell * (0.5 + 0.5 * t)), ImGui::ColorConvertFloat4ToU32({1.0f, 0.55f * (1 - t), 0.0f, 0.25f + 0.45f * t}));
    }
}

}  // namespace tidemark::gui
