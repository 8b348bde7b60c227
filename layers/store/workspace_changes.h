// What a save must write: the difference between the workspace in memory and what its file held
// when it was opened or last saved. Layers are compared by content hash (layer_hash.h), so code
// that edits `Workspace::layers` or a layer's features in place is saved like Workspace::put;
// settings by top-level key; the window and the layer order as wholes.
#pragma once

#include "layers/store/workspace_store.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tidemark::layers {

// The saved state a workspace compares itself with.
struct Baseline {
    std::string file;                                   // the file it describes
    std::string identity;                               // StoredState::identity of that file
    Revisions revisions;                                // as read or as committed
    std::map<std::string, std::uint64_t> layer_hashes;  // by layer name
    // Layers whose rows were not read when this was taken (a lazily opened workspace): the
    // metadata_hash then. Their rows are as saved until read; once read, the saved content hash
    // is content_hash(that, Layer::rows_hash_as_read()).
    std::map<std::string, std::uint64_t> unread_metadata;
    std::vector<std::string> order;
    nlohmann::json settings = nlohmann::json::object();
    std::optional<geo::UnixTime> window_from, window_to;
    // Rows of layers that carry an Integer `version` field, as read or committed: what a row-level
    // save compares with and sends as each changed row's base (workspace_store.h). Plan tables only,
    // so a copy is cheap.
    std::map<std::string, Layer> rows;
};

struct SavedView {  // the parts of a Workspace a save writes
    const std::vector<Layer>& layers;
    const nlohmann::json& settings;
    const std::optional<geo::UnixTime>& window_from;
    const std::optional<geo::UnixTime>& window_to;
};

struct Diff {
    ChangeSet changes;                                    // points into the layers it was made from
    std::map<std::string, std::uint64_t> hashes;          // of every layer now whose rows were read
    std::map<std::string, std::uint64_t> unread_metadata;  // of every layer now whose rows were not
};

// With `row_level` (the store takes row edits), a changed layer with row_versions whose fields
// are as in the baseline becomes row edits instead of a whole-layer write.
Diff diff(const Baseline& base, const SavedView& now, bool row_level = false);

// The baseline after `d` was committed as `committed` (the layers of `now` already hold the rows
// the store returned).
void record(Baseline& base, const Diff& d, const SavedView& now, const Committed& committed);

// The content hash `layer` had when saved or read (its rows read now if need be); nullopt when
// the baseline holds no layer of that name, or holds one this is not (a lazily read layer replaced).
std::optional<std::uint64_t> saved_hash(const Baseline& base, const Layer& layer);
// Records `hash` as the saved content of layer `name`.
void set_saved_hash(Baseline& base, const std::string& name, std::uint64_t hash);

// A baseline of `now` as just written to `file` (`identity`) at `revisions`.
Baseline baseline_of(const SavedView& now, std::string file, std::string identity, Revisions revisions);

}  // namespace tidemark::layers
