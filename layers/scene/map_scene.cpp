#include "layers/scene/map_scene.h"

#include "layers/tracks/track_store.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace tidemark::layers {
namespace {

int draw_rank(LayerRole r) {
    switch (r) {
        case LayerRole::Territorial: return 0;
        case LayerRole::Land:
        case LayerRole::Coastline: return 1;
        case LayerRole::Generic: return 2;
        case LayerRole::Forces: return 3;
        case LayerRole::Gaps: return 4;
        case LayerRole::Segments: return 5;
        case LayerRole::TrackLegs: return 6;
        case LayerRole::Tracks: return 7;
        case LayerRole::Ports: return 8;
        case LayerRole::Reports: return 9;
        case LayerRole::Table: return 10;
    }
    return 2;
}

PointSymbol port_symbol(const std::string& kind) {
    std::string k = kind;
    std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (k.find("marina") != std::string::npos) return PointSymbol::Circle;
    if (k.find("harbour") != std::string::npos || k.find("harbor") != std::string::npos) return PointSymbol::Diamond;
    if (k.find("ferry") != std::string::npos) return PointSymbol::Triangle;
    return PointSymbol::Square;
}

bool is_planned(const Layer& layer, const Feature& f) {
    const int i = layer.field_index("planned");
    if (i < 0 || i >= static_cast<int>(f.values.size())) return false;
    auto n = to_number(f.values[i]);
    const std::string s = to_string(f.values[i]);
    return (n && *n != 0) || s == "true" || s == "TRUE";
}

// "2026-03-02 00:00": minutes are enough for a legend.
std::string minute_text(geo::UnixTime t) {
    std::string s = geo::format_iso8601(t);  // 2026-03-02T00:00:00Z
    if (s.size() >= 16) s = s.substr(0, 10) + " " + s.substr(11, 5);
    return s;
}

// The window the stored coverage run covered: its own record, else the workspace's window.
std::optional<std::pair<geo::UnixTime, geo::UnixTime>> coverage_window(const Workspace& ws) {
    const auto& cov = ws.settings.contains("coverage") ? ws.settings["coverage"] : nlohmann::json();
    if (cov.is_object() && cov.contains("from") && cov.contains("to") && cov["from"].is_string() && cov["to"].is_string()) {
        auto from = geo::parse_iso8601(cov["from"].get<std::string>()), to = geo::parse_iso8601(cov["to"].get<std::string>());
        if (from && to) return std::pair{*from, *to};
    }
    if (ws.window_from && ws.window_to) return std::pair{*ws.window_from, *ws.window_to};
    return std::nullopt;
}

std::string hours_text(double s) {
    char buf[32];
    const double h = s / 3600;
    std::snprintf(buf, sizeof buf, h == static_cast<long>(h) ? "%.0f h" : "%.1f h", h);
    return buf;
}

}  // namespace

std::string display_name(const std::string& n) {
    std::string s = n;
    for (char& c : s)
        if (c == '_') c = ' ';
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::string legend_title(const Layer& layer, const Classification& classes) {
    const std::string title = display_name(layer.name);
    if (classes.classes.empty()) return title;
    if (classes.field == "max_gap_s") return title + ": longest gap between visits";
    return title + " by " + classes.field;
}

std::vector<std::string> legend_notes(const Workspace& ws, const Classification& classes) {
    if (classes.field != "max_gap_s" || classes.classes.empty()) return {};
    std::vector<std::string> notes = {"revisit target " + hours_text(revisit_target_s(ws.settings))};
    if (auto w = coverage_window(ws)) notes.push_back("window " + minute_text(w->first) + " – " + minute_text(w->second) + " UTC");
    return notes;
}

SceneLayer scene_layer(const Workspace& ws, const Layer& l) {
    Style style = style_for(ws.settings, l);
    // With coverage classes on the coast, gaps are a soft halo beneath them: at full strength
    // their wide red strokes bury the classes at national scale.
    if (l.role == LayerRole::Gaps)
        if (const Layer* seg = ws.find_role(LayerRole::Segments); seg && style_for(ws.settings, *seg).visible)
            style.opacity *= 0.35f;
    SceneLayer d = symbolise(ws.settings, l, style);
    d.legend_notes = legend_notes(ws, d.classes);
    return d;
}

SceneLayer symbolise(const nlohmann::json& settings, const Layer& l, const Style& style) {
    SceneLayer d;
    d.layer = &l;
    d.style = style;
    d.classes = classify(l, d.style, settings);
    d.synthetic = is_synthetic(l);
    const Style& st = d.style;
    const bool areas_or_fill = l.geometry_kind() == geo::GeometryKind::Polygon ||
                               (st.fill_enabled && l.geometry_kind() == geo::GeometryKind::Point);
    const Rgba own = st.fill_enabled && l.geometry_kind() == geo::GeometryKind::Point ? st.fill
                     : l.geometry_kind() == geo::GeometryKind::Polygon                 ? st.fill
                                                                                       : st.stroke;
    const float alpha = areas_or_fill ? st.fill.a : st.stroke.a;
    const std::size_t n = l.features().size();
    d.colour.assign(n, own);
    d.symbol.assign(n, st.symbol);
    const bool ports = l.role == LayerRole::Ports && !d.classes.classes.empty();
    const int field = d.classes.field.empty() ? -1 : l.field_index(d.classes.field);
    for (std::size_t i = 0; i < n && i < d.classes.feature_class.size(); ++i) {
        const int k = d.classes.feature_class[i];
        if (k < 0 || k >= static_cast<int>(d.classes.classes.size())) continue;
        d.colour[i] = d.classes.classes[k].colour;
        d.colour[i].a = alpha;
        if (ports && field >= 0 && field < static_cast<int>(l.features()[i].values.size()))
            d.symbol[i] = port_symbol(to_string(l.features()[i].values[field]));
    }
    for (const Feature& f : l.features())
        if (is_planned(l, f)) { d.planned = true; break; }
    d.legend_title = legend_title(l, d.classes);
    if (d.classes.classes.empty()) {
        d.legend.push_back({display_name(l.name), own, st.symbol});
    } else {
        for (const StyleClass& c : d.classes.classes) {
            Rgba colour = c.colour;
            colour.a = alpha;
            d.legend.push_back({c.label, colour, ports ? port_symbol(c.label) : st.symbol});
        }
    }
    return d;
}

Rgba vessel_colour(const SceneLayer& tracks, const std::string& vessel, std::size_t rank, std::size_t count) {
    if (tracks.layer && one_colour_per_value(tracks.classes.field))
        for (const StyleClass& c : tracks.classes.classes)
            if (c.label == vessel) return c.colour;
    return distinct_colour(rank, count);
}

std::vector<SceneVessel> scene_vessels(const Workspace& ws, geo::UnixTime t) {
    const Layer* tracks = ws.find_role(LayerRole::Tracks);  // vessel colours: the fixes' layer, else the legs'
    if (!tracks) tracks = ws.find_role(LayerRole::TrackLegs);
    if (!tracks) return {};
    const SceneLayer look = scene_layer(ws, *tracks);
    const auto all = fixes_by_vessel(ws);  // the stored tracks, sorted by name
    std::vector<SceneVessel> out;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (auto p = position_at(all[i].second, t))
            out.push_back({all[i].first, *p, vessel_colour(look, all[i].first, i, all.size())});
    return out;
}

void apply_coverage_as_of(SceneLayer& d, const std::vector<int>& classes, geo::UnixTime t, double target_s) {
    const float alpha = d.style.stroke.a;
    d.classes = as_of_classification(target_s);
    d.classes.feature_class = classes;
    d.colour.resize(classes.size());
    for (std::size_t i = 0; i < classes.size(); ++i) {
        d.colour[i] = d.classes.classes[static_cast<std::size_t>(std::clamp(classes[i], 0, 4))].colour;
        d.colour[i].a = alpha;
    }
    d.legend.clear();
    for (const StyleClass& c : d.classes.classes) {
        Rgba colour = c.colour;
        colour.a = alpha;
        d.legend.push_back({c.label, colour, d.style.symbol});
    }
    d.legend_title = as_of_title(t);
    d.legend_notes = {"revisit target " + hours_text(target_s), "sightings of the stored coverage run"};
}

void apply_report_filter(SceneLayer& d, const ReportFilter& filter) {
    const Layer& l = *d.layer;
    d.hidden.assign(l.features().size(), 0);
    std::size_t shown = 0;
    for (std::size_t i = 0; i < l.features().size(); ++i) {
        const bool keep = report_matches(l, i, filter);
        d.hidden[i] = keep ? 0 : 1;
        shown += keep;
    }
    d.legend_notes.push_back("filter: " + std::to_string(shown) + " of " + std::to_string(l.features().size()) +
                             " shown; " + describe(filter));
}

MapScene build_map_scene(const Workspace& ws, std::optional<geo::UnixTime> time, const CoverageHistory* as_of,
                         const ReportFilter* reports) {
    MapScene scene;
    scene.time = time;
    for (const Layer& l : ws.layers) {
        if (l.role == LayerRole::Table || l.geometry_kind() == geo::GeometryKind::None) continue;
        if (!style_for(ws.settings, l).visible) continue;
        scene.layers.push_back(scene_layer(ws, l));
        if (as_of && time && l.role == LayerRole::Segments && as_of->segments() == l.features().size()) {
            std::vector<int> classes;
            const double target = revisit_target_s(ws.settings);
            as_of->classes_at(*time, target, classes);
            apply_coverage_as_of(scene.layers.back(), classes, *time, target);
        }
        if (reports && !reports->empty() && l.role == LayerRole::Reports) apply_report_filter(scene.layers.back(), *reports);
    }
    std::stable_sort(scene.layers.begin(), scene.layers.end(),
                     [](const SceneLayer& a, const SceneLayer& b) { return draw_rank(a.layer->role) < draw_rank(b.layer->role); });
    if (time) scene.vessels = scene_vessels(ws, *time);
    return scene;
}

}  // namespace tidemark::layers
