#include "layers/store/gpkg_settings.h"

#include <algorithm>
#include <cstdlib>

namespace tidemark::layers {
namespace {

const std::string kRevisionPrefix = "revision:";

nlohmann::json layer_entry(const std::string& name, LayerRole role, const std::string& source,
                           const std::string& attribution, bool force_multi) {
    return {{"name", name},
            {"role", role_name(role)},
            {"source", source},
            {"attribution", attribution},
            {"force_multi", force_multi}};
}

nlohmann::json parsed(const SettingsRows& rows, const std::string& key, nlohmann::json fallback) {
    auto it = rows.find(key);
    if (it == rows.end()) return fallback;
    nlohmann::json j = nlohmann::json::parse(it->second, nullptr, false);
    return j.is_discarded() || j.type() != fallback.type() ? fallback : j;
}

void set_window(SettingsRows& rows, const char* key, const std::optional<geo::UnixTime>& t) {
    if (t)
        rows[key] = geo::format_iso8601(*t);
    else
        rows.erase(key);
}

}  // namespace

SettingsRows encode_settings(const StoredState& state) {
    SettingsRows rows;
    rows["format"] = "tidemark-workspace-1";
    rows["crs"] = state.crs.definition();
    set_window(rows, "window_from", state.window_from);
    set_window(rows, "window_to", state.window_to);
    nlohmann::json layers = nlohmann::json::array();
    for (const StoredLayer& l : state.layers)
        layers.push_back(layer_entry(l.name, l.role, l.source, l.attribution, l.force_multi));
    rows["layers"] = layers.dump();
    rows["settings"] = state.settings.dump();
    rows[kCommitKey] = "0";
    return rows;
}

std::optional<StoredState> decode_settings(const SettingsRows& rows, const std::string& path, std::string* error) {
    auto crs_row = rows.find("crs");
    std::string crs_error = "no crs row";
    std::optional<geo::Crs> crs;
    if (crs_row != rows.end()) crs = geo::Crs::parse(crs_row->second, &crs_error);
    if (!crs) {
        *error = path + ": workspace CRS: " + crs_error;
        return std::nullopt;
    }
    StoredState s;
    s.crs = *crs;
    if (auto it = rows.find("window_from"); it != rows.end()) s.window_from = geo::parse_iso8601(it->second);
    if (auto it = rows.find("window_to"); it != rows.end()) s.window_to = geo::parse_iso8601(it->second);
    s.settings = parsed(rows, "settings", nlohmann::json::object());
    for (const auto& m : parsed(rows, "layers", nlohmann::json::array())) {
        if (!m.is_object()) continue;
        StoredLayer l;
        l.name = m.value("name", "");
        l.role = role_from_name(m.value("role", "generic")).value_or(LayerRole::Generic);
        l.source = m.value("source", "");
        l.attribution = m.value("attribution", "");
        l.force_multi = m.value("force_multi", false);
        s.layers.push_back(std::move(l));
    }
    for (const auto& [key, value] : rows)
        if (key.rfind(kRevisionPrefix, 0) == 0)
            s.revisions[key.substr(kRevisionPrefix.size())] = std::strtoll(value.c_str(), nullptr, 10);
    return s;
}

std::string moved_items(const SettingsRows& rows, const Revisions& base, Revisions* next) {
    std::string moved;
    for (const auto& [item, revision] : base) {
        const auto it = rows.find("revision:" + item);
        const std::int64_t current = it == rows.end() ? 0 : std::strtoll(it->second.c_str(), nullptr, 10);
        if (current != revision) moved += (moved.empty() ? "" : ", ") + describe_item(item);
        (*next)[item] = current + 1;
    }
    return moved;
}

void merge_into(SettingsRows& rows, const ChangeSet& changes, const Revisions& committed) {
    if (!changes.settings.empty()) {
        nlohmann::json settings = parsed(rows, "settings", nlohmann::json::object());
        for (const auto& [key, value] : changes.settings) {
            if (value)
                settings[key] = *value;
            else
                settings.erase(key);
        }
        rows["settings"] = settings.dump();
    }
    if (changes.window_changed) {
        set_window(rows, "window_from", changes.window_from);
        set_window(rows, "window_to", changes.window_to);
    }
    nlohmann::json layers = parsed(rows, "layers", nlohmann::json::array());
    auto position = [&](const std::string& name) {
        return std::find_if(layers.begin(), layers.end(),
                            [&](const nlohmann::json& e) { return e.is_object() && e.value("name", "") == name; });
    };
    for (const std::string& name : changes.removed)
        if (auto it = position(name); it != layers.end()) layers.erase(it);
    for (const Layer* l : changes.put) {
        nlohmann::json entry = layer_entry(l->name, l->role, l->source, l->attribution, l->force_multi);
        if (auto it = position(l->name); it != layers.end())
            *it = std::move(entry);
        else
            layers.push_back(std::move(entry));
    }
    if (changes.order) {
        // Our layers in our order, then any another writer added, in their order.
        nlohmann::json ordered = nlohmann::json::array();
        for (const std::string& name : *changes.order)
            if (auto it = position(name); it != layers.end()) ordered.push_back(*it);
        for (const auto& e : layers)
            if (e.is_object() &&
                std::find(changes.order->begin(), changes.order->end(), e.value("name", "")) == changes.order->end())
                ordered.push_back(e);
        layers = std::move(ordered);
    }
    rows["layers"] = layers.dump();
    for (const auto& [item, revision] : committed) rows[kRevisionPrefix + item] = std::to_string(revision);
}

}  // namespace tidemark::layers
