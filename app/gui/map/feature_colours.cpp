#include "app/gui/map/feature_colours.h"

#include <algorithm>

namespace tidemark::gui {

layers::Rgba ramp_colour(double t) {
    t = std::clamp(t, 0.0, 1.0);
    // green (0.1,0.65,0.2) -> amber (0.95,0.75,0.1) -> red (0.85,0.1,0.1)
    if (t < 0.5) {
        const double u = t / 0.5;
        return {float(0.1 + 0.85 * u), float(0.65 + 0.10 * u), float(0.2 - 0.1 * u), 1};
    }
    const double u = (t - 0.5) / 0.5;
    return {float(0.95 - 0.10 * u), float(0.75 - 0.65 * u), 0.1f, 1};
}

layers::Rgba palette_colour(std::size_t i) { return layers::category_colour(i); }

FeatureColours feature_colours(const layers::Layer& layer, const layers::Style& style, const nlohmann::json& settings) {
    layers::SceneLayer s = layers::symbolise(settings, layer, style);
    FeatureColours out;
    out.colour = std::move(s.colour);
    out.symbol = std::move(s.symbol);
    if (!s.classes.classes.empty()) out.legend = std::move(s.legend);
    return out;
}

}  // namespace tidemark::gui
