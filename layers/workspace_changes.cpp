#include "layers/workspace_changes.h"

#include "layers/layer_hash.h"

#include <algorithm>
#include <set>

namespace tidemark::layers {
namespace {

std::int64_t revision_of(const Baseline& base, const std::string& item) {
    auto it = base.revisions.find(item);
    return it == base.revisions.end() ? 0 : it->second;
}

const nlohmann::json& as_object(const nlohmann::json& j) {
    static const nlohmann::json empty = nlohmann::json::object();
    return j.is_object() ? j : empty;
}

std::vector<std::string> names(const std::vector<Layer>& layers) {
    std::vector<std::string> out;
    for (const Layer& l : layers) out.push_back(l.name);
    return out;
}

}  // namespace

Diff diff(const Baseline& base, const SavedView& now) {
    Diff d;
    ChangeSet& c = d.changes;
    c.identity = base.identity;
    auto change = [&](const std::string& item) { c.base[item] = revision_of(base, item); };

    std::set<std::string> present;
    for (const Layer& l : now.layers) {
        const std::uint64_t h = content_hash(l);
        d.hashes[l.name] = h;
        present.insert(l.name);
        auto it = base.layer_hashes.find(l.name);
        if (it == base.layer_hashes.end() || it->second != h) {
            c.put.push_back(&l);
            change(layer_item(l.name));
        }
    }
    for (const auto& [name, hash] : base.layer_hashes)
        if (!present.count(name)) {
            c.removed.push_back(name);
            change(layer_item(name));
        }

    // The order changed when kept layers moved, or a new one was put anywhere but the end.
    std::vector<std::string> expected;
    for (const std::string& n : base.order)
        if (present.count(n)) expected.push_back(n);
    for (const Layer& l : now.layers)
        if (!base.layer_hashes.count(l.name)) expected.push_back(l.name);
    if (expected != names(now.layers)) {
        c.order = names(now.layers);
        change(kOrderItem);
    }

    const nlohmann::json& was = as_object(base.settings);
    const nlohmann::json& is = as_object(now.settings);
    for (const auto& [key, value] : is.items())
        if (!was.contains(key) || was.at(key) != value) {
            c.settings[key] = value;
            change(setting_item(key));
        }
    for (const auto& [key, value] : was.items())
        if (!is.contains(key)) {
            c.settings[key] = std::nullopt;
            change(setting_item(key));
        }

    if (now.window_from != base.window_from || now.window_to != base.window_to) {
        c.window_changed = true;
        c.window_from = now.window_from;
        c.window_to = now.window_to;
        change(kWindowItem);
    }
    return d;
}

void record(Baseline& base, const Diff& d, const SavedView& now, const Revisions& committed) {
    for (const auto& [item, revision] : committed) base.revisions[item] = revision;
    base.layer_hashes = d.hashes;
    base.order = names(now.layers);
    base.settings = as_object(now.settings);
    base.window_from = now.window_from;
    base.window_to = now.window_to;
}

Baseline baseline_of(const SavedView& now, std::string file, std::string identity, Revisions revisions) {
    Baseline b;
    b.file = std::move(file);
    b.identity = std::move(identity);
    b.revisions = std::move(revisions);
    for (const Layer& l : now.layers) b.layer_hashes[l.name] = content_hash(l);
    b.order = names(now.layers);
    b.settings = as_object(now.settings);
    b.window_from = now.window_from;
    b.window_to = now.window_to;
    return b;
}

}  // namespace tidemark::layers
