#include "layers/style/style_classes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cctype>
#include <map>
#include <optional>

namespace tidemark::layers {
namespace {

constexpr std::size_t kMaxCategories = 10;


std::string quoted_field(const std::string& f) { return "\"" + f + "\""; }

std::string sql_text(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

Classification gap_ramp(const Layer& layer, const std::string& field, double target) {
    Classification c;
    c.field = field;
    const std::string f = quoted_field(field);
    auto limit = [](double s) {
        char b[32];
        std::snprintf(b, sizeof b, "%.0f", s);
        return std::string(b);
    };
    // The coverage engine writes max_gap_s = window length for a segment never seen and says
    // so with visits = 0; without a visits field, null or negative gaps mean never observed.
    const int visits = layer.field_index("visits");
    const std::string seen = visits >= 0 ? "\"" + layer.fields[visits].name + "\" > 0 AND " : std::string();
    const std::string never = f + " IS NULL OR " + f + " < 0" +
                              (visits >= 0 ? " OR \"" + layer.fields[visits].name + "\" = 0" : std::string());
    c.classes = {
        {"≤ " + target_text(target) + " (revisit target met)", coverage_class_colour(0), seen + f + " >= 0 AND " + f + " <= " + limit(target)},
        {target_text(target) + " – " + target_text(2 * target) + " (up to 2× target)", coverage_class_colour(1), seen + f + " > " + limit(target) + " AND " + f + " <= " + limit(2 * target)},
        {target_text(2 * target) + " – " + target_text(4 * target) + " (up to 4× target)", coverage_class_colour(2), seen + f + " > " + limit(2 * target) + " AND " + f + " <= " + limit(4 * target)},
        {"> " + target_text(4 * target) + " (over 4× target)", coverage_class_colour(3), seen + f + " > " + limit(4 * target)},
        {"never observed", coverage_class_colour(4), never},
    };
    const int fi = layer.field_index(field);
    for (const Feature& feat : layer.features()) {
        auto value_of = [&](int i) { return i >= 0 && i < static_cast<int>(feat.values.size()) ? to_number(feat.values[i]) : std::nullopt; };
        const std::optional<double> v = value_of(fi);
        const std::optional<double> n = value_of(visits);
        int k = 4;
        if (v && *v >= 0 && !(n && *n == 0)) k = *v <= target ? 0 : *v <= 2 * target ? 1 : *v <= 4 * target ? 2 : 3;
        c.feature_class.push_back(k);
    }
    return c;
}

Classification categories(const Layer& layer, const std::string& field) {
    Classification c;
    c.field = field;
    const int fi = layer.field_index(field);
    std::map<std::string, std::size_t> counts;
    for (const Feature& f : layer.features())
        if (fi < static_cast<int>(f.values.size())) ++counts[to_string(f.values[fi])];
    if (counts.size() < 2) return {};  // one class says nothing: draw in the layer's own colour
    std::vector<std::string> names;
    for (const auto& [name, n] : counts) names.push_back(name);
    // A category may bring its own look: fields `<field>_label` and `<field>_colour` ("#rrggbb"),
    // as the plan layers do for agencies. Then every category keeps its colour: no "other".
    const int label_i = layer.field_index(field + "_label"), colour_i = layer.field_index(field + "_colour");
    std::map<std::string, std::pair<std::string, std::optional<Rgba>>> own_looks;
    if (colour_i >= 0)
        for (const Feature& f : layer.features()) {
            if (fi >= static_cast<int>(f.values.size()) || colour_i >= static_cast<int>(f.values.size())) continue;
            auto& look = own_looks[to_string(f.values[fi])];
            if (label_i >= 0 && label_i < static_cast<int>(f.values.size())) look.first = to_string(f.values[label_i]);
            look.second = parse_hex_rgb(to_string(f.values[colour_i]));
        }
    // Keep the most frequent categories when there are too many; show them sorted by name.
    const bool every_value = one_colour_per_value(field);
    if (names.size() > kMaxCategories && own_looks.empty() && !every_value) {
        std::stable_sort(names.begin(), names.end(), [&](const auto& a, const auto& b) { return counts[a] > counts[b]; });
        names.resize(kMaxCategories - 1);
        std::sort(names.begin(), names.end());
    }
    // Categories with their own labels read alphabetically by label (agency names), as the
    // desktop legend always listed them.
    if (!own_looks.empty())
        std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
            auto label = [&](const std::string& n) {
                const auto it = own_looks.find(n);
                return it != own_looks.end() && !it->second.first.empty() ? it->second.first : n;
            };
            return label(a) < label(b);
        });
    std::map<std::string, int> index;
    for (const auto& n : names) {
        index[n] = static_cast<int>(c.classes.size());
        const std::string filter = n.empty() ? quoted_field(field) + " IS NULL" : quoted_field(field) + " = " + sql_text(n);
        const auto own = own_looks.find(n);
        c.classes.push_back({own != own_looks.end() && !own->second.first.empty() ? own->second.first : n.empty() ? "(none)" : n,
                             own != own_looks.end() && own->second.second ? *own->second.second
                             : every_value ? distinct_colour(c.classes.size(), names.size())
                                           : category_colour(c.classes.size()),
                             filter});
    }
    const bool has_other = counts.size() > names.size();
    if (has_other)
        c.classes.push_back({"other", {0.55f, 0.55f, 0.55f, 1}, "ELSE"});
    for (const Feature& f : layer.features()) {
        auto it = fi < static_cast<int>(f.values.size()) ? index.find(to_string(f.values[fi])) : index.end();
        c.feature_class.push_back(it != index.end() ? it->second : has_other ? static_cast<int>(c.classes.size() - 1) : 0);
    }
    return c;
}

}  // namespace

std::string target_text(double seconds) {
    char buf[32];
    const double h = seconds / 3600.0;
    if (h >= 48 && std::fmod(h, 24.0) == 0) std::snprintf(buf, sizeof buf, "%g d", h / 24);
    else std::snprintf(buf, sizeof buf, "%g h", h);
    return buf;
}

Rgba coverage_class_colour(int k) {
    static constexpr Rgba kRamp[] = {{0.10f, 0.62f, 0.25f, 1}, {0.93f, 0.78f, 0.10f, 1}, {0.96f, 0.50f, 0.10f, 1},
                                     {0.70f, 0.25f, 0.10f, 1}, {0.85f, 0.0f, 0.05f, 1}};
    return kRamp[std::clamp(k, 0, 4)];
}

double revisit_target_s(const nlohmann::json& settings) {
    if (settings.is_object() && settings.contains("coverage") && settings["coverage"].is_object()) {
        const auto& cov = settings["coverage"];
        if (cov.contains("revisit_target_h") && cov["revisit_target_h"].is_number()) {
            double h = cov["revisit_target_h"].get<double>();
            if (h > 0) return h * 3600.0;
        }
    }
    return 24 * 3600.0;
}

Classification classify(const Layer& layer, const Style& style, const nlohmann::json& settings) {
    if (style.colour_by.empty() || layer.field_index(style.colour_by) < 0) return {};
    if (layer.role == LayerRole::Segments || style.colour_by == "max_gap_s")
        return gap_ramp(layer, style.colour_by, revisit_target_s(settings));
    return categories(layer, style.colour_by);
}

std::optional<Rgba> parse_hex_rgb(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    unsigned v = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
        v = v * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return Rgba{((v >> 16) & 255) / 255.f, ((v >> 8) & 255) / 255.f, (v & 255) / 255.f, 1};
}

Rgba category_colour(std::size_t i) {
    // Okabe–Ito, then Tol's muted: distinguishable for common colour-vision deficiencies.
    static constexpr float kPalette[][3] = {
        {0.00f, 0.45f, 0.70f}, {0.90f, 0.62f, 0.00f}, {0.00f, 0.62f, 0.45f}, {0.80f, 0.47f, 0.65f},
        {0.84f, 0.37f, 0.00f}, {0.34f, 0.71f, 0.91f}, {0.60f, 0.60f, 0.20f}, {0.53f, 0.13f, 0.33f},
        {0.27f, 0.67f, 0.60f}, {0.20f, 0.13f, 0.53f}};
    const auto& p = kPalette[i % std::size(kPalette)];
    return {p[0], p[1], p[2], 1};
}

namespace {

// CIE L*a*b* (D65) to sRGB; false when the colour lies outside the sRGB gamut.
bool lab_to_srgb(double L, double a, double b, Rgba* out) {
    const double fy = (L + 16) / 116, fx = fy + a / 500, fz = fy - b / 200;
    auto finv = [](double f) { return f > 6.0 / 29 ? f * f * f : 3 * (6.0 / 29) * (6.0 / 29) * (f - 4.0 / 29); };
    const double X = 0.95047 * finv(fx), Y = finv(fy), Z = 1.08883 * finv(fz);
    const double lin[3] = {3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z, -0.9692660 * X + 1.8760108 * Y + 0.0415560 * Z,
                           0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z};
    float rgb[3];
    for (int k = 0; k < 3; ++k) {
        if (lin[k] < -1e-4 || lin[k] > 1 + 1e-4) return false;
        const double v = std::clamp(lin[k], 0.0, 1.0);
        rgb[k] = static_cast<float>(v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1 / 2.4) - 0.055);
    }
    *out = {rgb[0], rgb[1], rgb[2], 1};
    return true;
}

}  // namespace

Rgba distinct_colour(std::size_t i, std::size_t n) {
    if (n <= kMaxCategories) return category_colour(i);
    // Two rings of hues: i even on the darker ring, odd on the lighter one, half a step
    // apart. Chroma is lowered only as far as the hue needs to stay inside sRGB.
    const std::size_t hues = (n + 1) / 2;
    const bool light = i % 2 == 1;
    const double h = (static_cast<double>(i / 2) + (light ? 0.5 : 0.0)) * 2 * M_PI / static_cast<double>(hues) + 0.5;
    const double L = light ? 72 : 48;
    Rgba out{0.5f, 0.5f, 0.5f, 1};
    for (double C = 60; C >= 0; C -= 2)
        if (lab_to_srgb(L, C * std::cos(h), C * std::sin(h), &out)) break;
    return out;
}

bool one_colour_per_value(const std::string& field) { return field == "vessel" || field == "mmsi"; }

std::string hex_rgb(const Rgba& c) {
    auto b = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", b(c.r), b(c.g), b(c.b));
    return buf;
}

std::string kml_abgr(const Rgba& c) {
    auto b = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02x%02x%02x%02x", b(c.a), b(c.b), b(c.g), b(c.r));
    return buf;
}

bool is_synthetic(const Layer& layer) {
    const int fi = layer.field_index("synthetic");
    if (fi < 0) return false;
    for (const Feature& f : layer.features()) {
        if (fi >= static_cast<int>(f.values.size())) continue;
        const Value& v = f.values[fi];
        if (auto n = to_number(v); n && *n != 0) return true;
        const std::string s = to_string(v);
        if (s == "true" || s == "TRUE" || s == "True" || s == "yes") return true;
    }
    return false;
}

}  // namespace tidemark::layers
