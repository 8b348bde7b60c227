// Workspace::refresh: taking in what other writers committed, around this session's unsaved
// edits (see workspace.h). The baseline moves with what is taken in, so the next save sends
// only this session's own edits, each against the base it was made from.
#include "layers/workspace.h"

#include "layers/store/layer_hash.h"
#include "layers/store/row_merge.h"
#include "layers/store/row_versions.h"
#include "layers/store_location.h"

#include <algorithm>
#include <map>
#include <set>

namespace tidemark::layers {
namespace {

// What the store says but a reader does not: kept from the layer held here.
void keep_metadata(Layer& to, const Layer& from) {
    to.name = from.name;
    to.role = from.role;
    to.source = from.source;
    to.attribution = from.attribution;
    to.force_multi = from.force_multi;
    to.empty_kind = from.empty_kind;
    to.row_versions = from.row_versions;
}

std::map<std::int64_t, const Feature*> by_fid(const std::vector<Feature>& rows) {
    std::map<std::int64_t, const Feature*> out;
    for (const Feature& f : rows) out[f.fid] = &f;
    return out;
}

void sort_by_fid(std::vector<Feature>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const Feature& a, const Feature& b) { return a.fid < b.fid; });
}

struct RowRebase {
    std::vector<Feature> mine, base;  // the rows to hold, and the base the next save compares them with
    std::size_t taken = 0, kept = 0;
};

// Three ways per fid: `base` as this session read it, `mine` as it holds it, `theirs` as now stored.
// A row not edited here takes theirs in both; an edited (or removed) row keeps mine and its base.
RowRebase rebase_rows(const Layer& base, const Layer& mine, const Layer& theirs) {
    RowRebase out;
    const auto b = by_fid(base.features()), m = by_fid(mine.features()), t = by_fid(theirs.features());
    for (const auto& [fid, row] : t) {
        auto bi = b.find(fid);
        auto mi = m.find(fid);
        if (bi == b.end()) {
            // New in the store. A row added here under the same id stays (its save is refused, named).
            if (mi != m.end()) {
                out.mine.push_back(*mi->second);
                ++out.kept;
            } else {
                out.mine.push_back(*row);
                out.base.push_back(*row);
                ++out.taken;
            }
        } else if (mi == m.end()) {
            out.base.push_back(*bi->second);  // removed here: the save removes it if theirs is still the base
        } else if (same_row(*mi->second, *bi->second)) {
            out.mine.push_back(*row);
            out.base.push_back(*row);
            if (!same_row(*row, *bi->second)) ++out.taken;
        } else {
            out.mine.push_back(*mi->second);
            out.base.push_back(*bi->second);
            if (!same_row(*row, *bi->second)) ++out.kept;
        }
    }
    for (const auto& [fid, row] : b) {
        if (t.count(fid)) continue;
        auto mi = m.find(fid);
        if (mi == m.end()) continue;  // removed on both sides
        if (same_row(*mi->second, *row)) {
            ++out.taken;  // removed (or no longer shared) there, not edited here
            continue;
        }
        out.mine.push_back(*mi->second);  // edited here: the save says it was removed
        out.base.push_back(*row);
        ++out.kept;
    }
    for (const auto& [fid, row] : m)
        if (!b.count(fid) && !t.count(fid)) out.mine.push_back(*row);  // added here
    sort_by_fid(out.mine);
    sort_by_fid(out.base);
    return out;
}

}  // namespace

bool Workspace::refresh(const std::vector<std::string>& names, bool with_settings, Refreshed* out, std::string* error) {
    if (!read_only_.empty()) {
        *error = path_ + ": " + read_only_;
        return false;
    }
    if (!baseline_ || !same_store(path_, baseline_->file)) {
        *error = "this workspace has not been opened from or saved to " + path_ + " yet";
        return false;
    }
    std::unique_ptr<WorkspaceStore> store = store_for(path_);
    std::optional<StoredState> state = store->read_state(error);
    if (!state) return false;
    if (state->identity != baseline_->identity) {
        *error = path_ + ": the workspace was replaced as a whole since it was opened (a `team push` or another "
                         "program's Save As): open it again to see it (save your changes to a file first)";
        return false;
    }
    auto stored_revision = [&](const std::string& item) {
        auto it = state->revisions.find(item);
        return it == state->revisions.end() ? std::int64_t{0} : it->second;
    };
    std::set<std::string> done;
    for (const std::string& name : names) {
        Layer* mine = find(name);
        if (!mine || !done.insert(name).second) continue;
        ReadOptions options;
        options.working_crs = crs_;
        options.only_layer = name;
        options.validate_polygons = false;
        ReadResult read = store->read_layers(options);
        if (!read.ok) {
            *error = read.error;
            return false;
        }
        if (read.layers.empty()) continue;  // removed from the store: opening again shows that
        Layer theirs = std::move(read.layers.front());
        keep_metadata(theirs, *mine);
        const std::optional<std::uint64_t> saved = saved_hash(*baseline_, *mine);
        const bool edited_here = !saved || *saved != content_hash(*mine);
        if (!edited_here) {
            const std::uint64_t h = content_hash(theirs);
            if (h != *saved) {
                *mine = std::move(theirs);
                mine->rebuild_index();
                set_saved_hash(*baseline_, name, h);
                if (has_versions(*mine)) baseline_->rows[name] = *mine;
                out->layers.push_back(name);
            }
            baseline_->revisions[layer_item(name)] = stored_revision(layer_item(name));
            continue;
        }
        auto base = baseline_->rows.find(name);
        if (!mine->row_versions || base == baseline_->rows.end() || !same_fields(base->second, *mine) ||
            !same_fields(theirs, *mine)) {
            out->kept.push_back(describe_item(layer_item(name)));
            continue;
        }
        RowRebase r = rebase_rows(base->second, *mine, theirs);
        out->rows_kept += r.kept;
        if (r.taken == 0) continue;
        out->rows_taken += r.taken;
        Layer new_base = *mine;
        new_base.features() = std::move(r.base);
        set_saved_hash(*baseline_, name, content_hash(new_base));
        base->second = std::move(new_base);
        mine->features() = std::move(r.mine);
        mine->rebuild_index();
        out->layers.push_back(name);
    }
    if (!with_settings) return true;

    // Settings by top-level key, as saves merge them.
    std::set<std::string> keys;
    for (const auto& [key, value] : state->settings.items()) keys.insert(key);
    for (const auto& [key, value] : baseline_->settings.items()) keys.insert(key);
    for (const std::string& key : keys) {
        const bool here = settings.contains(key), before = baseline_->settings.contains(key),
                   there = state->settings.contains(key);
        if (here != before || (here && settings[key] != baseline_->settings[key])) {
            if (there != before || (there && state->settings[key] != baseline_->settings[key]))
                out->kept.push_back(describe_item(setting_item(key)));
            continue;
        }
        if (there != before || (there && state->settings[key] != baseline_->settings[key])) {
            if (there) {
                settings[key] = state->settings[key];
                baseline_->settings[key] = state->settings[key];
            } else {
                settings.erase(key);
                baseline_->settings.erase(key);
            }
            out->settings.push_back(key);
        }
        baseline_->revisions[setting_item(key)] = stored_revision(setting_item(key));
    }
    const bool window_here = window_from != baseline_->window_from || window_to != baseline_->window_to;
    const bool window_there = state->window_from != baseline_->window_from || state->window_to != baseline_->window_to;
    if (window_here && window_there) {
        out->kept.push_back(describe_item(kWindowItem));
    } else if (!window_here) {
        if (window_there) {
            window_from = baseline_->window_from = state->window_from;
            window_to = baseline_->window_to = state->window_to;
            out->settings.push_back(kWindowItem);
        }
        baseline_->revisions[kWindowItem] = stored_revision(kWindowItem);
    }
    return true;
}

}  // namespace tidemark::layers

namespace tidemark::layers {

bool Workspace::settle_conflicts(const std::vector<Feature>& resolved, std::string* error) {
    if (resolved.size() != conflicts_.size() || !baseline_) {
        *error = "the answers do not match the conflicts of the last save";
        return false;
    }
    auto row_of = [](std::vector<Feature>& rows, std::int64_t fid) -> Feature* {
        for (Feature& f : rows)
            if (f.fid == fid) return &f;
        return nullptr;
    };
    // Checked first, so nothing changes when one is missing.
    for (const RowConflict& c : conflicts_) {
        Layer* l = find(c.layer);
        auto base = baseline_->rows.find(c.layer);
        if (!l || base == baseline_->rows.end() || !row_of(l->features(), c.fid)) {
            *error = "row " + std::to_string(c.fid) + " of " + c.layer + " is no longer in this workspace";
            return false;
        }
    }
    for (std::size_t i = 0; i < conflicts_.size(); ++i) {
        const RowConflict& c = conflicts_[i];
        Layer& l = *find(c.layer);
        Layer& base = baseline_->rows.find(c.layer)->second;
        Feature row = resolved[i];
        row.fid = c.fid;
        *row_of(l.features(), c.fid) = std::move(row);
        l.rebuild_index();
        if (Feature* b = row_of(base.features(), c.fid)) *b = c.theirs;
        else {
            base.features().push_back(c.theirs);
            sort_by_fid(base.features());
        }
        set_saved_hash(*baseline_, c.layer, content_hash(base));
    }
    conflicts_.clear();
    return true;
}

}  // namespace tidemark::layers
