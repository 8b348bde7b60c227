#include "app/gui/map/feature_colours.h"

#include "geo/time.h"
#include "layers/style_classes.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace tidemark::gui {
namespace {

using layers::PointSymbol;
using layers::Rgba;

// Larger values are worse for gaps/risk; covered share is better when larger.
bool higher_is_better(const std::string& field) {
    return field.find("pct") != std::string::npos || field.find("covered") != std::string::npos ||
           field.find("share") != std::string::npos || field == "visits" || field == "observed_s";
}

PointSymbol port_symbol(const std::string& kind) {
    std::string k = kind;
    std::transform(k.begin(), k.end(), k.begin(), ::tolower);
    if (k.find("marina") != std::string::npos) return PointSymbol::Circle;
    if (k.find("harbour") != std::string::npos || k.find("harbor") != std::string::npos) return PointSymbol::Diamond;
    if (k.find("ferry") != std::string::npos) return PointSymbol::Triangle;
    return PointSymbol::Square;
}

}  // namespace

Rgba ramp_colour(double t) {
    t = std::clamp(t, 0.0, 1.0);
    // green (0.1,0.65,0.2) -> amber (0.95,0.75,0.1) -> red (0.85,0.1,0.1)
    if (t < 0.5) {
        const double u = t / 0.5;
        return {float(0.1 + 0.85 * u), float(0.65 + 0.10 * u), float(0.2 - 0.1 * u), 1};
    }
    const double u = (t - 0.5) / 0.5;
    return {float(0.95 - 0.10 * u), float(0.75 - 0.65 * u), 0.1f, 1};
}

Rgba palette_colour(std::size_t i) {
    static constexpr float kPalette[][3] = {
        {0.12f, 0.47f, 0.71f}, {1.00f, 0.50f, 0.05f}, {0.17f, 0.63f, 0.17f}, {0.84f, 0.15f, 0.16f},
        {0.58f, 0.40f, 0.74f}, {0.55f, 0.34f, 0.29f}, {0.89f, 0.47f, 0.76f}, {0.50f, 0.50f, 0.50f},
        {0.74f, 0.74f, 0.13f}, {0.09f, 0.75f, 0.81f}};
    const auto& c = kPalette[i % 10];
    return {c[0], c[1], c[2], 1};
}

FeatureColours feature_colours(const layers::Layer& layer, const layers::Style& style) {
    FeatureColours out;
    const std::size_t n = layer.features.size();
    out.colour.assign(n, style.fill_enabled && layer.geometry_kind() == geo::GeometryKind::Point ? style.fill : style.stroke);
    out.symbol.assign(n, style.symbol);
    const int field = style.colour_by.empty() ? -1 : layer.field_index(style.colour_by);
    const bool ports = layer.role == layers::LayerRole::Ports;
    if (field < 0) return out;
    const layers::Field& f = layer.fields[field];
    if (f.type == layers::FieldType::Integer || f.type == layers::FieldType::Real) {
        double lo = INFINITY, hi = -INFINITY;
        for (const auto& feat : layer.features)
            if (auto v = layers::to_number(feat.values[field])) { lo = std::min(lo, *v); hi = std::max(hi, *v); }
        if (!(hi >= lo)) return out;
        const bool better = higher_is_better(f.name);
        out.ramp = true;
        for (std::size_t i = 0; i < n; ++i) {
            auto v = layers::to_number(layer.features[i].values[field]);
            if (!v) { out.colour[i] = {0.55f, 0.55f, 0.55f, 1}; continue; }  // no data: grey
            double t = hi > lo ? (*v - lo) / (hi - lo) : 0.0;
            out.colour[i] = ramp_colour(better ? 1 - t : t);
        }
        char buf[64];
        for (double t : {0.0, 0.5, 1.0}) {
            const double v = lo + t * (hi - lo);
            if (f.name.size() > 2 && f.name.substr(f.name.size() - 2) == "_s")
                std::snprintf(buf, sizeof buf, "%.1f h", v / 3600.0);
            else
                std::snprintf(buf, sizeof buf, "%.4g", v);
            out.legend.push_back({buf, ramp_colour(better ? 1 - t : t), style.symbol});
        }
        return out;
    }
    // A layer may bring each category's own look in `<field>_colour` ("#rrggbb") and
    // `<field>_label` (agencies in the plan layers), as layers/style_classes.h classify() does
    // for exports: the map, the legend and the exported map then agree.
    if (const int own = layer.field_index(f.name + "_colour"); own >= 0) {
        const int label = layer.field_index(f.name + "_label");
        std::map<std::string, LegendEntry> looks;  // by label, so the legend reads alphabetically
        for (std::size_t i = 0; i < n; ++i) {
            const auto& values = layer.features[i].values;
            const std::string v = layers::to_string(values[field]);
            const auto colour = own < static_cast<int>(values.size()) ? layers::parse_hex_rgb(layers::to_string(values[own]))
                                                                      : std::nullopt;
            out.colour[i] = colour.value_or(layers::Rgba{0.55f, 0.55f, 0.55f, 1});  // no colour of its own: grey
            out.colour[i].a = style.fill_enabled ? style.fill.a : style.stroke.a;
            std::string text = label >= 0 && label < static_cast<int>(values.size()) ? layers::to_string(values[label]) : "";
            if (text.empty()) text = v.empty() ? "(none)" : v;
            looks.emplace(text, LegendEntry{text, out.colour[i], style.symbol});
        }
        for (auto& [text, entry] : looks) out.legend.push_back(std::move(entry));
        return out;
    }
    std::map<std::string, std::size_t> categories;  // value -> first-seen order
    for (const auto& feat : layer.features) {
        const std::string v = layers::to_string(feat.values[field]);
        categories.emplace(v, categories.size());
    }
    std::vector<std::string> sorted;
    for (const auto& [k, v] : categories) sorted.push_back(k);
    std::map<std::string, std::size_t> rank;
    for (std::size_t i = 0; i < sorted.size(); ++i) rank[sorted[i]] = i;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string v = layers::to_string(layer.features[i].values[field]);
        out.colour[i] = palette_colour(rank[v]);
        out.colour[i].a = style.fill_enabled ? style.fill.a : style.stroke.a;
        if (ports) out.symbol[i] = port_symbol(v);
    }
    for (std::size_t i = 0; i < sorted.size() && i < 12; ++i)
        out.legend.push_back({sorted[i].empty() ? "(none)" : sorted[i], palette_colour(i),
                              ports ? port_symbol(sorted[i]) : style.symbol});
    return out;
}

}  // namespace tidemark::gui
