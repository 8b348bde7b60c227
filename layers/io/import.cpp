#include "layers/io/import.h"

#include "layers/io/ogr_reader.h"
#include "layers/roles.h"

#include <filesystem>

namespace tidemark::layers {
namespace {

// "file.gpkg:layer" -> {"file.gpkg", "layer"}, but only when the part before ':' is a file.
std::pair<std::string, std::string> split_layer(const std::string& spec) {
    auto colon = spec.rfind(':');
    if (colon != std::string::npos && colon > 1) {
        std::error_code ec;
        std::string file = spec.substr(0, colon);
        if (std::filesystem::exists(file, ec) && !std::filesystem::exists(spec, ec))
            return {file, spec.substr(colon + 1)};
    }
    return {spec, {}};
}

}  // namespace

std::optional<Layer> import_layer(const std::string& spec, const geo::Crs& crs, LayerRole role,
                                  const std::string& name, geo::Problems& problems, std::string* error) {
    auto [path, layer_name] = split_layer(spec);
    ReadOptions options;
    options.working_crs = crs;
    options.role = role;
    options.only_layer = layer_name;
    ReadResult read = read_vector(path, options);
    problems.insert(problems.end(), read.problems.begin(), read.problems.end());
    if (!read.ok) {
        *error = read.error;
        return std::nullopt;
    }
    // A multi-layer file without a named layer: the first layer with any geometry.
    Layer* chosen = nullptr;
    for (Layer& l : read.layers)
        if (l.geometry_kind() != geo::GeometryKind::None) {
            chosen = &l;
            break;
        }
    if (!chosen) {
        *error = path + ": no layer with geometry" + (read.layers.empty() ? "" : " (found only attribute tables)");
        return std::nullopt;
    }
    if (read.layers.size() > 1) {
        geo::Problem p;
        p.severity = geo::Problem::Severity::Info;
        p.source = path;
        p.layer = chosen->name;
        p.reason = "file has " + std::to_string(read.layers.size()) + " layers; using this one (name another as FILE:LAYER)";
        problems.push_back(p);
    }
    Layer layer = std::move(*chosen);
    layer.source = spec;
    if (!prepare_for_role(layer, role, problems)) {
        *error = path + ": cannot be used as the " + std::string(role_name(role)) + " layer: " + problems.back().reason;
        return std::nullopt;
    }
    layer.name = name;
    return layer;
}

geo::Crs working_crs_for(const std::vector<std::string>& paths) {
    Box all;
    for (const auto& p : paths)
        if (auto e = lonlat_extent(split_layer(p).first)) all.expand(*e);
    return geo::choose_working_crs(all);
}

std::optional<geo::Crs> working_crs(const std::string& crs_option, const std::string& coast, std::string* error) {
    if (crs_option.empty()) return working_crs_for({coast});  // the watched coast decides, not context layers
    auto crs = geo::Crs::parse_working(crs_option, error);
    if (!crs) *error = "--crs: " + *error;
    return crs;
}

}  // namespace tidemark::layers
