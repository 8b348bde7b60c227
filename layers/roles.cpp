#include "layers/roles.h"

#include <cctype>
#include <initializer_list>

namespace tidemark::layers {
namespace {

// "Main Port Name", "main_port_name" and "MAINPORTNAME" are the same column to a person.
std::string folded(const std::string& name) {
    std::string out;
    for (char c : name)
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

int first_field(const Layer& layer, std::initializer_list<const char*> names) {
    for (const char* n : names)
        for (std::size_t i = 0; i < layer.fields.size(); ++i)
            if (folded(layer.fields[i].name) == folded(n)) return static_cast<int>(i);
    return -1;
}

std::string joined(std::initializer_list<const char*> names) {
    std::string s;
    for (const char* n : names) s += (s.empty() ? "" : ", ") + std::string(n);
    return s;
}

// Ensures field `canonical` exists and is filled from the first of `candidates` present.
bool canonical_field(Layer& layer, const char* canonical, std::initializer_list<const char*> candidates) {
    const int src = first_field(layer, candidates);
    if (src < 0) return false;
    if (layer.fields[src].name == canonical) return true;
    const int dst = layer.add_field(canonical, FieldType::String);
    for (Feature& f : layer.features()) f.values[dst] = to_string(f.values[src]);
    return true;
}

geo::Problem layer_problem(const Layer& layer, std::string reason, geo::Problem::Severity sev) {
    geo::Problem p;
    p.severity = sev;
    p.source = layer.source;
    p.layer = layer.name;
    p.reason = std::move(reason);
    return p;
}

}  // namespace

bool prepare_for_role(Layer& layer, LayerRole role, geo::Problems& problems) {
    using Sev = geo::Problem::Severity;
    using geo::GeometryKind;
    layer.role = role;
    const GeometryKind kind = layer.geometry_kind();
    switch (role) {
        case LayerRole::Coastline:
            if (kind != GeometryKind::Line && kind != GeometryKind::Polygon) {
                problems.push_back(layer_problem(layer, "a coastline layer needs lines or land polygons, found " +
                    std::string(kind == GeometryKind::Point ? "points" : "no geometry"), Sev::Error));
                return false;
            }
            return true;
        case LayerRole::Forces: {
            if (kind != GeometryKind::Polygon) {
                problems.push_back(layer_problem(layer, "a police force layer needs polygons", Sev::Error));
                return false;
            }
            const auto codes = {"code", "PFACD", "PFA20CD", "PFA21CD", "PFA22CD", "PFA23CD", "force_code", "pfa_code", "id"};
            const auto names = {"name", "PFANM", "PFA20NM", "PFA21NM", "PFA22NM", "PFA23NM", "force_name", "pfa_name"};
            const bool has_code = canonical_field(layer, "code", codes);
            const bool has_name = canonical_field(layer, "name", names);
            if (!has_code && !has_name) {
                problems.push_back(layer_problem(layer, "a police force layer needs a code or name column: expected one of " +
                    joined(codes) + " or " + joined(names), Sev::Error));
                return false;
            }
            if (!has_code) canonical_field(layer, "code", names);
            if (!has_name) canonical_field(layer, "name", codes);
            return true;
        }
        case LayerRole::Ports: {
            if (kind != GeometryKind::Point) {
                problems.push_back(layer_problem(layer, "a ports layer needs points", Sev::Error));
                return false;
            }
            const auto names = {"name", "port_name", "main_port_name", "portname", "NAME_EN", "label"};
            if (!canonical_field(layer, "name", names))
                problems.push_back(layer_problem(layer, "no port name column (expected one of " + joined(names) +
                    "): ports will be unnamed", Sev::Warning));
            if (!canonical_field(layer, "kind", {"kind", "type", "featurecla", "harbor_type", "harbour_type"})) {
                const int k = layer.add_field("kind", FieldType::String);
                for (Feature& f : layer.features()) f.values[k] = std::string("port");
            }
            return true;
        }
        default:
            return true;
    }
}

}  // namespace tidemark::layers
