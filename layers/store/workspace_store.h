// Where a workspace lives: one GeoPackage file today (layers/store/gpkg_store.h), a shared PostGIS
// database later. A store is read in two steps — the small state (CRS, window, settings, layer
// list, revisions) first, then features — and written by applying a ChangeSet in one transaction:
// after a crash or kill the store holds either all of a change set or none of it.
//
// Concurrent writers: every item a save can change (a layer, a top-level setting key, the time
// window, the layer order) has a revision, 0 until first written and bumped by every commit
// that changes it. A ChangeSet carries, for each item it changes, the revision that item had
// when it was read; the store checks them inside its write transaction and refuses the whole
// set, naming the items, when another writer changed any of them first. Items the set does not
// touch are left as they are in the store at commit time, so writers of different items merge.
// Row identities (Feature::fid) are kept per layer.
//
// Row-level edits: a layer whose rows are keyed by a stable fid and carry an Integer `version`
// (Layer::row_versions, e.g. plan_tasks) is saved row by row by a store that says row_level():
// each changed row is written only if its version is still the one the session read; when
// another writer changed the row first, the store merges field by field against the row as read
// (row_merge.h) and refuses the whole set, naming row, fields and values, when both changed the
// same field. Such layers conflict per row, not per layer: their layer revision is bumped but
// not checked.
#pragma once

#include "geo/crs.h"
#include "geo/time.h"
#include "layers/layer.h"
#include "layers/io/ogr_reader.h"
#include "layers/store/row_merge.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

inline constexpr const char* kSettingsTable = "tidemark_settings";

// Item names, as stored and as named in conflict messages.
inline std::string layer_item(const std::string& layer) {
    return "layer:" + layer;
}
inline std::string setting_item(const std::string& key) {
    return "setting:" + key;
}
inline constexpr const char* kWindowItem = "window";
inline constexpr const char* kOrderItem = "order";
// An item as a person reads it: "layer 'reports'", "setting 'styles'", "the time window".
inline std::string describe_item(const std::string& item) {
    if (item.rfind("layer:", 0) == 0) return "layer '" + item.substr(6) + "'";
    if (item.rfind("setting:", 0) == 0) return "setting '" + item.substr(8) + "'";
    if (item == kWindowItem) return "the time window";
    if (item == kOrderItem) return "the layer order";
    return item;
}

using Revisions = std::map<std::string, std::int64_t>;  // item → revision; an absent item is 0

// What the store says about a layer before its features are read.
struct StoredLayer {
    std::string name;
    LayerRole role = LayerRole::Generic;
    std::string source, attribution;
    bool force_multi = false;
};

struct StoredState {
    geo::Crs crs = geo::Crs::british_national_grid();
    std::optional<geo::UnixTime> window_from, window_to;
    nlohmann::json settings = nlohmann::json::object();  // top-level keys are the merge unit
    std::vector<StoredLayer> layers;                     // in saved (drawing) order
    Revisions revisions;
    // Which copy of the store this is (a file's device and inode). A store replaced wholesale
    // since it was read (another program's Save As over the file) refuses change sets based on it.
    std::string identity;
};

// One changed row of a row-versioned layer: `base` as the session read it (nullopt: a new row),
// `mine` as it is now (nullopt: removed).
struct RowEdit {
    std::int64_t fid = 0;
    std::optional<Feature> base, mine;
};

struct RowEdits {
    const Layer* layer = nullptr;  // the layer now (name, fields); the store's table has the same fields
    std::int64_t revision = 0;     // the layer's revision when read: bumped by the save, not checked
    std::vector<RowEdit> rows;
};

struct ChangeSet {
    Revisions base;                 // every item changed below, with its revision when it was read
    std::vector<const Layer*> put;  // layers written whole, added or replaced (rows, fields, metadata)
    std::vector<std::string> removed;
    std::map<std::string, std::optional<nlohmann::json>> settings;  // top-level key → value; nullopt erases
    bool window_changed = false;
    std::optional<geo::UnixTime> window_from, window_to;
    std::optional<std::vector<std::string>> order;  // the new layer order, when it changed
    std::string identity;                           // StoredState::identity the changes were made against
    std::vector<RowEdits> row_edits;                // row-versioned layers saved row by row (row_level() stores)

    bool empty() const { return base.empty() && row_edits.empty(); }
};

// A row this session and another writer both changed in the same field(s), as a refused save found
// it: what a person chooses from, field by field (the app's conflict dialog).
struct RowConflict {
    std::string layer;
    std::int64_t fid = 0;
    Feature base, theirs, mine;          // as read, as the other writer committed it, as changed here
    std::vector<FieldConflict> fields;   // the fields both changed, to different values
    std::string changed_by;              // "kent_lo at 2026-03-02T09:00:00Z"
};

// What a store committed.
struct Committed {
    Revisions revisions;  // the new revision of every changed item (a row-edited layer's only when no
                          // other writer moved it meanwhile: the session does not hold their rows)
    // Per row-edited layer, the written rows as the store now holds them (merged values, new
    // versions); removed rows are absent.
    std::map<std::string, std::vector<Feature>> rows;
    // When apply() refused the set because rows could not be merged: those rows (nothing was written).
    std::vector<RowConflict> conflicts;
};

class WorkspaceStore {
public:
    virtual ~WorkspaceStore() = default;
    // The file name or URL, as given.
    virtual const std::string& location() const = 0;
    // nullopt with `error` naming the store and what is wrong.
    virtual std::optional<StoredState> read_state(std::string* error) = 0;
    // Features of every layer (or `options.only_layer`) in `options.working_crs`.
    virtual ReadResult read_layers(const ReadOptions& options) = 0;
    // Applies `changes` in one transaction, all or nothing. On success `committed` holds the new
    // revisions and the rows written row by row; on a conflict nothing is written and `error` names
    // the items (or rows and fields) another writer changed and what to do.
    virtual bool apply(const ChangeSet& changes, const geo::Crs& crs, Committed* committed, std::string* error) = 0;
    // Whether read_layers() honours ReadOptions::schema_only (a workspace opened with
    // Rows::OnFirstUse then reads each layer's rows on first use).
    virtual bool reads_schema_first() const { return false; }
    // Whether apply() takes ChangeSet::row_edits (otherwise row-versioned layers are written whole).
    virtual bool row_level() const { return false; }
};

}  // namespace tidemark::layers
