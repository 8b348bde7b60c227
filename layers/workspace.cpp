#include "layers/workspace.h"

#include "layers/ogr_reader.h"
#include "layers/ogr_writer.h"

#include <filesystem>

namespace tidemark::layers {
namespace {

Layer settings_table(const Workspace& ws) {
    Layer t;
    t.name = kSettingsTable;
    t.role = LayerRole::Table;
    t.fields = {{"key", FieldType::String}, {"value", FieldType::String}};
    auto add = [&](const std::string& k, const std::string& v) {
        Feature f;
        f.values = {k, v};
        t.features.push_back(std::move(f));
    };
    add("format", "tidemark-workspace-1");
    add("crs", ws.crs().definition());
    if (ws.window_from) add("window_from", geo::format_iso8601(*ws.window_from));
    if (ws.window_to) add("window_to", geo::format_iso8601(*ws.window_to));
    nlohmann::json layers = nlohmann::json::array();
    for (const Layer& l : ws.layers)
        layers.push_back({{"name", l.name}, {"role", role_name(l.role)}, {"source", l.source},
                          {"attribution", l.attribution}, {"force_multi", l.force_multi}});
    add("layers", layers.dump());
    add("settings", ws.settings.dump());
    return t;
}

}  // namespace

std::optional<Workspace> Workspace::open(const std::string& path, std::string* error) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        if (ec && ec != std::errc::no_such_file_or_directory) *error = path + ": cannot be opened (" + ec.message() + ")";
        else *error = path + ": no such workspace; create one with `tidemark workspace new`";
        return std::nullopt;
    }
    ReadOptions settings_only;
    settings_only.only_layer = kSettingsTable;
    settings_only.validate_polygons = false;
    ReadResult meta = read_vector(path, settings_only);
    if (!meta.ok || meta.layers.empty()) {
        *error = path + ": not a Tidemark workspace (no " + kSettingsTable + " table)" +
                 (meta.error.empty() ? "" : ": " + meta.error);
        return std::nullopt;
    }
    std::map<std::string, std::string> kv;
    for (const Feature& f : meta.layers[0].features)
        if (f.values.size() >= 2) kv[to_string(f.values[0])] = to_string(f.values[1]);
    std::string crs_error;
    auto crs = geo::Crs::parse(kv["crs"], &crs_error);
    if (!crs) {
        *error = path + ": workspace CRS: " + crs_error;
        return std::nullopt;
    }
    Workspace ws(*crs);
    ws.path_ = path;
    if (kv.count("window_from")) ws.window_from = geo::parse_iso8601(kv["window_from"]);
    if (kv.count("window_to")) ws.window_to = geo::parse_iso8601(kv["window_to"]);
    nlohmann::json layer_meta = nlohmann::json::parse(kv["layers"], nullptr, false);
    if (layer_meta.is_discarded()) layer_meta = nlohmann::json::array();
    ws.settings = nlohmann::json::parse(kv["settings"], nullptr, false);
    if (ws.settings.is_discarded() || !ws.settings.is_object()) ws.settings = nlohmann::json::object();

    ReadOptions all;
    all.working_crs = *crs;
    all.validate_polygons = false;  // validated on import
    ReadResult data = read_vector(path, all);
    if (!data.ok) {
        *error = data.error;
        return std::nullopt;
    }
    ws.open_problems_ = std::move(data.problems);
    ws.features_left_out_ = data.features_left_out;
    ws.opened_from_ = path;
    // Keep the saved layer order; layers found in the file but not listed (added by another tool) go last.
    std::vector<Layer> found = std::move(data.layers);
    auto take = [&](const std::string& name) -> std::optional<Layer> {
        for (auto it = found.begin(); it != found.end(); ++it)
            if (it->name == name) {
                Layer l = std::move(*it);
                found.erase(it);
                return l;
            }
        return std::nullopt;
    };
    for (const auto& m : layer_meta) {
        auto l = take(m.value("name", ""));
        if (!l) continue;
        l->role = role_from_name(m.value("role", "generic")).value_or(LayerRole::Generic);
        l->source = m.value("source", "");
        l->attribution = m.value("attribution", "");
        l->force_multi = m.value("force_multi", false);
        ws.layers.push_back(std::move(*l));
    }
    for (Layer& l : found)
        if (l.name != kSettingsTable) ws.layers.push_back(std::move(l));
    return ws;
}

bool Workspace::save(std::string* error, const std::string& path) {
    const std::string target = path.empty() ? path_ : path;
    if (target.empty()) {
        *error = "workspace has no file name yet; choose one with Save As";
        return false;
    }
    std::error_code ec;
    if (features_left_out_ > 0 && std::filesystem::equivalent(target, opened_from_, ec)) {
        *error = target + ": " + std::to_string(features_left_out_) +
                 " feature(s) in this file could not be read when it was opened (see the warnings); saving over it "
                 "would delete them. Save to another file, or repair them (e.g. in QGIS) and open it again";
        return false;
    }
    const Layer settings_layer = settings_table(*this);
    const bool ok = write_file_atomically(target, "GPKG", [&](GDALDataset& ds, std::string* why) {
        for (const Layer& l : layers)
            if (!write_layer(ds, l, crs_, why)) return false;
        return write_layer(ds, settings_layer, crs_, why);
    }, error);
    if (ok) path_ = target;
    return ok;
}

Layer* Workspace::find(const std::string& name) {
    for (Layer& l : layers)
        if (l.name == name) return &l;
    return nullptr;
}
const Layer* Workspace::find(const std::string& name) const { return const_cast<Workspace*>(this)->find(name); }

Layer* Workspace::find_role(LayerRole role) {
    for (Layer& l : layers)
        if (l.role == role) return &l;
    return nullptr;
}
const Layer* Workspace::find_role(LayerRole role) const { return const_cast<Workspace*>(this)->find_role(role); }

Layer& Workspace::put(Layer layer) {
    if (Layer* existing = find(layer.name)) {
        *existing = std::move(layer);
        return *existing;
    }
    layers.push_back(std::move(layer));
    return layers.back();
}

bool Workspace::remove(const std::string& name) {
    for (auto it = layers.begin(); it != layers.end(); ++it)
        if (it->name == name) {
            layers.erase(it);
            return true;
        }
    return false;
}

}  // namespace tidemark::layers
