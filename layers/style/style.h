// How a layer is drawn, shared by the desktop map (OpenGL) and map exports (cairo), and
// saved in the workspace settings under "styles" -> layer name.
#pragma once

#include "layers/layer.h"

#include <nlohmann/json.hpp>

#include <array>
#include <string>

namespace tidemark::layers {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;  // 0..1
};

enum class PointSymbol { Circle, Square, Triangle, Diamond, Cross };

struct Style {
    bool visible = true;
    Rgba stroke{0.2f, 0.2f, 0.2f, 1};
    float stroke_width_px = 1.0f;
    bool fill_enabled = false;
    Rgba fill{0.8f, 0.8f, 0.8f, 1};
    float opacity = 1.0f;              // multiplies every alpha
    PointSymbol symbol = PointSymbol::Circle;
    float symbol_size_px = 6.0f;
    std::string label_field;           // empty: no labels
    std::string colour_by;             // optional field driving a colour ramp or categories
};

// Sensible defaults by role: land vs sea distinguishable, forces outlined with names, ports
// by kind, reports by category, tracks by vessel, coverage as a ramp.
Style default_style(LayerRole role);

nlohmann::json to_json(const Style& s);
Style style_from_json(const nlohmann::json& j, const Style& fallback);

// Style of `layer` as saved in workspace settings["styles"][layer.name], else the default.
Style style_for(const nlohmann::json& workspace_settings, const Layer& layer);

}  // namespace tidemark::layers
