#include "app/render/attribution.h"

#include <algorithm>
#include <cctype>

namespace tidemark::render {
namespace {

struct KnownSource {
    const char* marker;  // lower-case text found in the source path
    const char* line;
};

// Licence lines as the sources ask (see ../shared/data/README.md).
constexpr KnownSource kKnown[] = {
    {"osm", "© OpenStreetMap contributors (ODbL)"},
    {"openstreetmap", "© OpenStreetMap contributors (ODbL)"},
    {"police_force_areas_uk", "Police force areas: Office for National Statistics (OGL v3.0); Scotland and "
                              "Northern Ireland from OS OpenData (CC BY 4.0). Contains OS data © Crown copyright "
                              "and database right"},
    {"police_force_areas", "Source: Office for National Statistics licensed under the OGL v3.0. "
                           "Contains OS data © Crown copyright and database right"},
    {"wpi", "World Port Index, NGA"},
    {"ne_10m", "Natural Earth"},
    {"gshhg", "GSHHG, Wessel & Smith"},
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

std::string attribution_for(const layers::Layer& layer) {
    if (!layer.attribution.empty()) return layer.attribution;
    const std::string src = lower(layer.source);
    for (const auto& k : kKnown)
        if (src.find(k.marker) != std::string::npos) return k.line;
    return {};
}

std::vector<std::string> attributions(const std::vector<const layers::Layer*>& layers) {
    std::vector<std::string> out;
    for (const auto* l : layers) {
        std::string a = attribution_for(*l);
        if (!a.empty() && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    }
    return out;
}

}  // namespace tidemark::render
