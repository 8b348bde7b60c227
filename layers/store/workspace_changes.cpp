#include "layers/store/workspace_changes.h"

#include "layers/store/layer_hash.h"
#include "layers/store/row_merge.h"
#include "layers/store/row_versions.h"

#include <algorithm>
#include <map>
#include <optional>
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

void keep_rows(Baseline& base, const std::vector<Layer>& layers) {
    base.rows.clear();
    for (const Layer& l : layers)
        if (has_versions(l)) base.rows[l.name] = l;
}

// The rows of `now` that differ from `was` (by fid); empty when none does.
std::vector<RowEdit> changed_rows(const Layer& was, const Layer& now) {
    std::map<std::int64_t, const Feature*> before, after;
    for (const Feature& f : was.features()) before[f.fid] = &f;
    for (const Feature& f : now.features()) after[f.fid] = &f;
    std::vector<RowEdit> out;
    for (const auto& [fid, f] : after) {
        auto it = before.find(fid);
        if (it == before.end()) out.push_back({fid, std::nullopt, *f});
        else if (!same_row(*it->second, *f)) out.push_back({fid, *it->second, *f});
    }
    for (const auto& [fid, f] : before)
        if (!after.count(fid)) out.push_back({fid, *f, std::nullopt});
    return out;
}

// Row edits for `l`, when it can be saved row by row; nullopt when it is written whole.
std::optional<RowEdits> row_edits_of(const Baseline& base, const Layer& l) {
    auto it = base.rows.find(l.name);
    if (!l.row_versions || !has_versions(l) || it == base.rows.end() || !same_fields(it->second, l)) return std::nullopt;
    // Metadata (kept in the settings' layer list) changes only with a whole-layer write.
    const Layer& was = it->second;
    if (was.role != l.role || was.source != l.source || was.attribution != l.attribution ||
        was.force_multi != l.force_multi || was.empty_kind != l.empty_kind)
        return std::nullopt;
    // fids are the row keys: a layer with repeated or unset fids cannot be merged row by row.
    std::set<std::int64_t> seen;
    for (const Feature& f : l.features())
        if (f.fid <= 0 || !seen.insert(f.fid).second) return std::nullopt;
    RowEdits e;
    e.layer = &l;
    e.revision = revision_of(base, layer_item(l.name));
    e.rows = changed_rows(it->second, l);
    if (e.rows.empty()) return std::nullopt;  // only metadata changed: written whole
    return e;
}

bool in_baseline(const Baseline& base, const std::string& name) {
    return base.layer_hashes.count(name) || base.unread_metadata.count(name);
}

// The hashes of `layers` now, into `hashes` (read rows) and `unread` (the metadata of layers
// whose rows are still as the store holds them). A layer not read whose metadata changed since
// `base` is read now: it is written whole.
void hash_layers(const Baseline* base, const std::vector<Layer>& layers, std::map<std::string, std::uint64_t>& hashes,
                 std::map<std::string, std::uint64_t>& unread) {
    for (const Layer& l : layers) {
        if (!l.features_read()) {
            const std::uint64_t meta = metadata_hash(l);
            auto as_saved = [&] {
                auto was = base->unread_metadata.find(l.name);
                return was != base->unread_metadata.end() && was->second == meta;
            };
            if (!base || as_saved()) {
                unread[l.name] = meta;
                continue;
            }
        }
        hashes[l.name] = content_hash(l);
    }
}

}  // namespace

std::optional<std::uint64_t> saved_hash(const Baseline& base, const Layer& layer) {
    if (auto it = base.layer_hashes.find(layer.name); it != base.layer_hashes.end()) return it->second;
    auto it = base.unread_metadata.find(layer.name);
    if (it == base.unread_metadata.end()) return std::nullopt;
    layer.features();  // reads the rows, which sets their hash as read
    if (auto rows = layer.rows_hash_as_read()) return content_hash(it->second, *rows);
    return std::nullopt;
}

void set_saved_hash(Baseline& base, const std::string& name, std::uint64_t hash) {
    base.unread_metadata.erase(name);
    base.layer_hashes[name] = hash;
}

Diff diff(const Baseline& base, const SavedView& now, bool row_level) {
    Diff d;
    ChangeSet& c = d.changes;
    c.identity = base.identity;
    auto change = [&](const std::string& item) { c.base[item] = revision_of(base, item); };

    hash_layers(&base, now.layers, d.hashes, d.unread_metadata);
    std::set<std::string> present;
    for (const Layer& l : now.layers) {
        present.insert(l.name);
        auto h = d.hashes.find(l.name);
        if (h == d.hashes.end()) continue;  // rows not read, metadata as saved: unchanged
        const std::optional<std::uint64_t> saved = saved_hash(base, l);
        if (saved != h->second) {
            if (auto rows = row_level && saved ? row_edits_of(base, l) : std::nullopt) {
                c.row_edits.push_back(std::move(*rows));
                continue;
            }
            c.put.push_back(&l);
            change(layer_item(l.name));
        }
    }
    auto removed = [&](const std::map<std::string, std::uint64_t>& saved) {
        for (const auto& [name, hash] : saved)
            if (!present.count(name)) {
                c.removed.push_back(name);
                change(layer_item(name));
            }
    };
    removed(base.layer_hashes);
    removed(base.unread_metadata);

    // The order changed when kept layers moved, or a new one was put anywhere but the end.
    std::vector<std::string> expected;
    for (const std::string& n : base.order)
        if (present.count(n)) expected.push_back(n);
    for (const Layer& l : now.layers)
        if (!in_baseline(base, l.name)) expected.push_back(l.name);
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

void record(Baseline& base, const Diff& d, const SavedView& now, const Committed& committed) {
    for (const auto& [item, revision] : committed.revisions) base.revisions[item] = revision;
    base.layer_hashes = d.hashes;
    base.unread_metadata = d.unread_metadata;
    // Row-edited layers now hold the rows the store returned (merged values, new versions).
    for (const Layer& l : now.layers)
        if (committed.rows.count(l.name)) set_saved_hash(base, l.name, content_hash(l));
    keep_rows(base, now.layers);
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
    hash_layers(nullptr, now.layers, b.layer_hashes, b.unread_metadata);
    keep_rows(b, now.layers);
    b.order = names(now.layers);
    b.settings = as_object(now.settings);
    b.window_from = now.window_from;
    b.window_to = now.window_to;
    return b;
}

}  // namespace tidemark::layers
