#include "layers/workspace.h"

#include "layers/store/row_merge.h"
#include "layers/store_location.h"
#include "layers/tracks/track_store.h"

#include <algorithm>
#include <filesystem>

namespace tidemark::layers {

std::optional<Workspace> Workspace::open(const std::string& path, std::string* error, Rows rows) {
    return open(store_for(path), error, {}, rows);
}

std::optional<Workspace> Workspace::open(std::unique_ptr<WorkspaceStore> store, std::string* error, std::string read_only,
                                         Rows rows) {
    const std::string path = store->location();
    std::optional<StoredState> state = store->read_state(error);
    if (!state) return std::nullopt;
    Workspace ws(state->crs);
    ws.path_ = path;
    ws.window_from = state->window_from;
    ws.window_to = state->window_to;
    ws.settings = state->settings;

    ReadOptions all;
    all.working_crs = state->crs;
    all.validate_polygons = false;  // validated on import
    all.schema_only = rows == Rows::OnFirstUse && store->reads_schema_first();
    ReadResult data = store->read_layers(all);
    if (!data.ok) {
        *error = data.error;
        return std::nullopt;
    }
    ws.open_problems_ = std::move(data.problems);
    ws.features_left_out_ = data.features_left_out;
    ws.left_out_by_layer_ = std::move(data.left_out_by_layer);
    for (std::size_t i = 0; i < data.layers.size() && i < data.summaries.size(); ++i) {
        const LayerSummary& s = data.summaries[i];
        const bool listed = std::any_of(state->layers.begin(), state->layers.end(),
                                        [&](const StoredLayer& m) { return m.name == s.name; });
        if (!listed || s.source_crs.rfind("(none", 0) == 0 || s.source_crs == state->crs.name()) continue;
        ws.crs_conflicts_.push_back("layer '" + s.name + "' is stored in " + s.source_crs + " but the crs setting says " +
                                    state->crs.name());
    }
    ws.opened_from_ = path;
    ws.read_only_ = std::move(read_only);
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
    for (const StoredLayer& m : state->layers) {
        auto l = take(m.name);
        if (!l) continue;
        l->role = m.role;
        l->source = m.source;
        l->attribution = m.attribution;
        l->force_multi = m.force_multi;
        ws.layers.push_back(std::move(*l));
    }
    for (Layer& l : found)
        if (l.name != kSettingsTable) ws.layers.push_back(std::move(l));
    if (all.schema_only) {
        std::map<std::string, std::size_t> declared;
        for (const LayerSummary& s : data.summaries) declared[s.name] = s.features;
        ws.lazy_ = std::make_shared<LazyRows>(std::shared_ptr<WorkspaceStore>(std::move(store)), state->crs,
                                              state->identity, std::move(declared));
        for (Layer& l : ws.layers) l.defer_rows(ws.lazy_);
    }
    // The revisions were read before the features: a save that committed in between makes them
    // older than the features, which can only turn a later save into a reported conflict.
    ws.baseline_ = baseline_of(ws.view(), path, state->identity, std::move(state->revisions));
    // After the baseline, so that the next save writes the converted layers.
    if (const std::size_t fixes = convert_old_track_points(ws)) {
        geo::Problem note;
        note.severity = geo::Problem::Severity::Info;
        note.source = path;
        note.layer = kTrackPointsLayer;
        note.reason = "tracks read once from the old one-row-per-fix layer (" + std::to_string(fixes) +
                      " fixes) and now held as packed legs in " + kTrackLegsLayer +
                      "; the next save stores them so and drops " + kTrackPointsLayer;
        ws.open_problems_.push_back(std::move(note));
    }
    return ws;
}

bool Workspace::save(std::string* error, const std::string& path) {
    const std::string target = path.empty() ? path_ : path;
    conflicts_.clear();
    if (target.empty()) {
        *error = "workspace has no file name yet; choose one with Save As";
        return false;
    }
    if (!is_own_store(target)) {
        auto copy = write_copy(target, error);
        if (!copy) return false;
        adopt_copy(std::move(*copy));
        return true;
    }
    if (!read_only_.empty() && same_store(target, opened_from_)) {
        *error = target + ": not saved: " + read_only_;
        return false;
    }
    // The diff first: it reads the rows of a layer not read yet that the save would rewrite (its
    // metadata changed), so that rows of it that cannot be read are counted below.
    std::unique_ptr<WorkspaceStore> store = store_for(target);
    const Diff changes = diff(*baseline_, view(), store->row_level());
    if (features_left_out() > 0 && same_store(target, opened_from_)) {
        // Saving changes rewrites only the layers that changed: refused when one of them holds
        // features this workspace could not read (a rewrite would drop them all).
        std::string touched;
        std::size_t attributed = 0;
        const auto by_layer = left_out_by_layer();
        for (const auto& [layer, count] : by_layer) attributed += count;
        if (attributed == features_left_out()) {
            for (const auto& [item, revision] : changes.changes.base)
                for (const auto& [layer, count] : by_layer)
                    if (item == layer_item(layer)) touched += (touched.empty() ? "" : ", ") + describe_item(item);
        } else {
            touched = "the whole file";
        }
        if (!touched.empty()) return refuse_left_out(target, touched, error);
    }
    return save_changes(*store, changes, error);
}

bool Workspace::refuse_left_out(const std::string& target, const std::string& touched, std::string* error) const {
    *error = target + ": " + std::to_string(features_left_out()) +
             " feature(s) in this file could not be read when it was opened (see the warnings); saving " + touched +
             " over it would delete them. Save to another file, or repair them (e.g. in QGIS) and open it again";
    return false;
}

bool Workspace::is_own_store(const std::string& target) const {
    return baseline_ && same_store(target, baseline_->file);
}

std::optional<Workspace::WrittenCopy> Workspace::write_copy(const std::string& target, std::string* error) const {
    if (is_own_store(target)) {
        *error = target + " is this workspace's own file: save it in place";
        return std::nullopt;
    }
    if (!read_only_.empty() && same_store(target, opened_from_)) {
        *error = target + ": not saved: " + read_only_;
        return std::nullopt;
    }
    if (features_left_out() > 0 && same_store(target, opened_from_)) {
        refuse_left_out(target, "the whole file", error);
        return std::nullopt;
    }
    std::string identity;
    if (!write_new_store(target, stored_state_of(*this), layers, &identity, error)) return std::nullopt;
    return WrittenCopy{target, baseline_of(view(), target, identity, {})};
}

void Workspace::adopt_copy(WrittenCopy copy) {
    path_ = std::move(copy.target);
    baseline_ = std::move(copy.baseline);
}

bool Workspace::save_changes(WorkspaceStore& store, const Diff& d, std::string* error) {
    rows_merged_ = 0;
    if (!d.changes.empty()) {
        Committed committed;
        if (!store.apply(d.changes, crs_, &committed, error)) {
            conflicts_ = std::move(committed.conflicts);
            return false;
        }
        // Rows saved row by row come back as the store holds them: where another writer's change
        // to other fields was merged in, this workspace now holds the merged row.
        for (auto& [name, rows] : committed.rows) {
            Layer* l = find(name);
            if (!l) continue;
            std::map<std::int64_t, Feature*> by_fid;
            for (Feature& f : l->features()) by_fid[f.fid] = &f;
            bool changed = false;
            for (Feature& row : rows) {
                auto it = by_fid.find(row.fid);
                if (it == by_fid.end() || same_row(*it->second, row)) continue;
                *it->second = std::move(row);
                changed = true;
                ++rows_merged_;
            }
            if (changed) l->rebuild_index();
        }
        record(*baseline_, d, view(), committed);
    }
    if (path_ != store.location()) path_ = store.location();  // the app's save in place runs beside a UI reading path()
    return true;
}

std::vector<std::string> Workspace::unsaved_changes() const {
    std::vector<std::string> out;
    if (!baseline_) {
        for (const Layer& l : layers) out.push_back(describe_item(layer_item(l.name)));
        return out;
    }
    const Diff d = diff(*baseline_, view(), store_for(baseline_->file)->row_level());
    for (const auto& [item, revision] : d.changes.base) out.push_back(describe_item(item));
    for (const RowEdits& e : d.changes.row_edits)
        out.push_back(describe_item(layer_item(e.layer->name)) + " (" + std::to_string(e.rows.size()) + " row(s))");
    return out;
}

void Workspace::read_all_rows() const {
    for (const Layer& l : layers) l.features();
}

geo::Problems Workspace::open_problems() const {
    if (!lazy_) return open_problems_;
    geo::Problems all = open_problems_;
    geo::Problems later = lazy_->report().problems;
    all.insert(all.end(), later.begin(), later.end());
    return all;
}

std::size_t Workspace::features_left_out() const {
    std::size_t n = features_left_out_;
    if (lazy_)
        for (const auto& [layer, count] : lazy_->report().left_out_by_layer) n += count;
    return n;
}

std::map<std::string, std::size_t> Workspace::left_out_by_layer() const {
    std::map<std::string, std::size_t> all = left_out_by_layer_;
    if (lazy_)
        for (const auto& [layer, count] : lazy_->report().left_out_by_layer) all[layer] += count;
    return all;
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
        // A layer whose rows were read on first use takes with it the hash they had as read; the
        // baseline keeps it, so that putting back the same content is no change to save.
        if (baseline_ && existing->features_read())
            if (auto saved = saved_hash(*baseline_, *existing)) set_saved_hash(*baseline_, layer.name, *saved);
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
