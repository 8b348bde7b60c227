// The `tidemark_settings` key/value table of a GeoPackage workspace, as rows of text:
//   format, crs, window_from, window_to  plain values
//   layers    JSON array of {name, role, source, attribution, force_multi}, in drawing order
//   settings  JSON object (styles, module settings); merged per top-level key
//   commit    count of incremental saves (taken as the write lock, see gpkg_store.cpp)
//   revision:<item>  revision of one item (workspace_store.h); absent means 0
// One key per row, so a save rewrites only the rows whose text changed.
#pragma once

#include "layers/store/workspace_store.h"

#include <map>
#include <optional>
#include <string>

namespace tidemark::layers {

inline constexpr const char* kCommitKey = "commit";

using SettingsRows = std::map<std::string, std::string>;  // key → value text

// The rows a complete new file starts with (every revision 0, so none is written).
SettingsRows encode_settings(const StoredState& state);

// nullopt with `error` naming `path` when the CRS row is missing or unreadable. Unparsable JSON
// rows read as empty, as they always have.
std::optional<StoredState> decode_settings(const SettingsRows& rows, const std::string& path, std::string* error);

// The revision check every store makes at commit time: the items of `base` whose revision in
// `rows` is no longer the one the change was made against, as describe_item names them
// (comma-separated; "" when none moved), and in `next` each item's revision after this commit.
std::string moved_items(const SettingsRows& rows, const Revisions& base, Revisions* next);

// Rewrites `rows` (the table as it is at commit time) to hold `changes` on top of what other
// writers committed: only the changed top-level settings keys, the window when it changed, the
// changed layers' entries in the layer list, and the `committed` revisions.
void merge_into(SettingsRows& rows, const ChangeSet& changes, const Revisions& committed);

}  // namespace tidemark::layers
