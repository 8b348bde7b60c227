#include "layers/style/style.h"

namespace tidemark::layers {
namespace {

nlohmann::json rgba_json(const Rgba& c) { return {c.r, c.g, c.b, c.a}; }

Rgba rgba_from(const nlohmann::json& j, Rgba fallback) {
    if (!j.is_array() || j.size() != 4) return fallback;
    for (const auto& v : j)
        if (!v.is_number()) return fallback;
    return {j[0].get<float>(), j[1].get<float>(), j[2].get<float>(), j[3].get<float>()};
}

}  // namespace

Style default_style(LayerRole role) {
    Style s;
    switch (role) {
        case LayerRole::Coastline:
            s.stroke = {0.35f, 0.33f, 0.28f, 1};
            s.fill_enabled = true;
            s.fill = {0.93f, 0.91f, 0.85f, 1};  // land, against a blue sea background
            break;
        case LayerRole::Land:
            s.stroke = {0.6f, 0.6f, 0.58f, 1};
            s.fill_enabled = true;
            s.fill = {0.88f, 0.88f, 0.86f, 1};  // greyer than the UK's land
            break;
        case LayerRole::Territorial:
            s.stroke = {0.25f, 0.45f, 0.75f, 0.8f};
            s.stroke_width_px = 1.0f;
            break;
        case LayerRole::Forces:
            s.stroke = {0.45f, 0.2f, 0.55f, 0.9f};
            s.stroke_width_px = 1.5f;
            s.label_field = "name";
            break;
        case LayerRole::Ports:
            s.stroke = {0.1f, 0.1f, 0.35f, 1};
            s.fill_enabled = true;
            s.fill = {0.15f, 0.3f, 0.8f, 1};
            s.symbol = PointSymbol::Square;
            s.label_field = "name";
            s.colour_by = "kind";
            break;
        case LayerRole::Tracks:
        case LayerRole::TrackLegs:
            s.stroke = {0.0f, 0.45f, 0.45f, 0.9f};
            s.stroke_width_px = 1.5f;
            s.colour_by = "vessel";
            break;
        case LayerRole::Reports:
            s.stroke = {0.5f, 0.0f, 0.0f, 1};
            s.fill_enabled = true;
            s.fill = {0.9f, 0.15f, 0.1f, 1};
            s.symbol = PointSymbol::Triangle;
            s.symbol_size_px = 8;
            s.colour_by = "category";
            break;
        case LayerRole::Segments:
            s.stroke_width_px = 3.0f;
            s.colour_by = "max_gap_s";
            break;
        case LayerRole::Gaps:
            // A translucent halo, so the coverage ramp of the segments beneath stays readable.
            s.stroke = {0.85f, 0.0f, 0.0f, 0.3f};
            s.stroke_width_px = 8.0f;
            break;
        default:
            break;
    }
    return s;
}

nlohmann::json to_json(const Style& s) {
    return {{"visible", s.visible}, {"stroke", rgba_json(s.stroke)}, {"stroke_width_px", s.stroke_width_px},
            {"fill_enabled", s.fill_enabled}, {"fill", rgba_json(s.fill)}, {"opacity", s.opacity},
            {"symbol", static_cast<int>(s.symbol)}, {"symbol_size_px", s.symbol_size_px},
            {"label_field", s.label_field}, {"colour_by", s.colour_by}};
}

Style style_from_json(const nlohmann::json& j, const Style& d) {
    if (!j.is_object()) return d;
    Style s;
    s.visible = j.value("visible", d.visible);
    s.stroke = rgba_from(j.value("stroke", nlohmann::json()), d.stroke);
    s.stroke_width_px = j.value("stroke_width_px", d.stroke_width_px);
    s.fill_enabled = j.value("fill_enabled", d.fill_enabled);
    s.fill = rgba_from(j.value("fill", nlohmann::json()), d.fill);
    s.opacity = j.value("opacity", d.opacity);
    int sym = j.value("symbol", static_cast<int>(d.symbol));
    s.symbol = sym >= 0 && sym <= 4 ? static_cast<PointSymbol>(sym) : d.symbol;
    s.symbol_size_px = j.value("symbol_size_px", d.symbol_size_px);
    s.label_field = j.value("label_field", d.label_field);
    s.colour_by = j.value("colour_by", d.colour_by);
    return s;
}

Style style_for(const nlohmann::json& settings, const Layer& layer) {
    const Style d = default_style(layer.role);
    if (!settings.is_object() || !settings.contains("styles")) return d;
    const auto& styles = settings["styles"];
    if (!styles.is_object() || !styles.contains(layer.name)) return d;
    return style_from_json(styles[layer.name], d);
}

}  // namespace tidemark::layers
