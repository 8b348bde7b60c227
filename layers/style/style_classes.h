// The classes a styled layer is drawn in when its Style names a `colour_by` field: the
// coverage ramp for segment gaps, or one colour per category (ports by kind, reports by
// category, tracks by vessel). Shared by the map export (legend + drawing) and the QGIS
// styles written into exported GeoPackages, so all three agree.
#pragma once

#include "layers/layer.h"
#include "layers/style/style.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

struct StyleClass {
    std::string label;        // for the legend, e.g. "≤ 24 h" or "drugs"
    Rgba colour;
    std::string qgis_filter;  // QGIS expression selecting the class's features
};

struct Classification {
    std::string field;               // empty: one colour for the whole layer
    std::vector<StyleClass> classes;
    // Per-feature class index into `classes`, -1 when the layer is not classified.
    std::vector<int> feature_class;
};

// Revisit target for the coverage ramp: settings["coverage"]["revisit_target_h"] (hours),
// 24 h when unset.
double revisit_target_s(const nlohmann::json& settings);

// Classes of `layer` under `style`. A Segments layer coloured by max_gap_s gets the gap ramp
// (green ≤ target, yellow ≤ 2×, orange ≤ 4×, red-brown beyond, red never observed:
// `visits` = 0 when the layer has that field, or a null or negative gap); `vessel` and `mmsi`
// get one distinct colour per value (distinct_colour); other fields get up to 10 categories (sorted), the rest "other",
// unless the layer has `<field>_colour` ("#rrggbb") and optionally `<field>_label` fields: then
// each category is drawn in its own colour under its own label (agencies in plan layers).
Classification classify(const Layer& layer, const Style& style, const nlohmann::json& settings);

// The coverage ramp's colour of class k (0 target met .. 3 over 4x target, 4 never observed),
// shared by the window's classes and coverage as of T (layers/coverage/coverage_as_of.h).
Rgba coverage_class_colour(int k);
// A revisit target as the legends write it: "24 h", "12 h", "4 d" (whole days from 48 h).
std::string target_text(double seconds);

// "#rrggbb" as a colour; nullopt for anything else.
std::optional<Rgba> parse_hex_rgb(const std::string& text);

// A stable, distinguishable colour for category number i (colour-blind aware palette).
Rgba category_colour(std::size_t i);

// Colour i of n that stay distinct however many there are: the category palette up to its
// 10 colours; beyond, hues evenly spaced around CIE LCh at two lightness levels (so
// neighbours differ in lightness or by 360/ceil(n/2) degrees of hue). Vessels use this: every
// vessel on the map gets its own colour (23 in the demo).
Rgba distinct_colour(std::size_t i, std::size_t n);

// Fields whose every value gets its own colour, with no "other" class (one colour per vessel).
bool one_colour_per_value(const std::string& field);

// "#rrggbb" (and "aabbggrr" for KML) of a colour.
std::string hex_rgb(const Rgba& c);
std::string kml_abgr(const Rgba& c);

// True when the layer has a `synthetic` field set on any feature (demo data, to be labelled).
bool is_synthetic(const Layer& layer);

}  // namespace tidemark::layers
