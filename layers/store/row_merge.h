// The three-way merge of one row of a row-versioned layer (workspace_store.h): the row as the
// session read it (base), as another writer committed it meanwhile (theirs) and as the session
// changed it (mine). A field only one side changed takes that side's value; a field both changed
// to the same value takes it; a field both changed to different values is a conflict the person
// resolves. Bookkeeping fields (`version`, `updated_by`, `updated_at`) are not merged: the store
// sets the version, and the merged row is stamped with mine's who/when.
#pragma once

#include "layers/layer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tidemark::layers {

inline constexpr const char* kVersionField = "version";
inline constexpr const char* kGeometryName = "geometry";  // how conflicts name the geometry

// Bit-for-bit the same geometry (kind, parts and coordinates).
bool same_geometry(const Geometry& a, const Geometry& b);
// The same geometry and values (fids are identities, not compared).
bool same_row(const Feature& a, const Feature& b);

struct FieldConflict {
    std::string field;               // a field name, or kGeometryName
    std::string base, theirs, mine;  // values as text
};

struct RowMerge {
    Feature merged;                       // valid when `conflicts` is empty
    std::vector<FieldConflict> conflicts;
};

// `fields` are the layer's (all three rows are parallel to them).
RowMerge merge_row(const std::vector<Field>& fields, const Feature& base, const Feature& theirs, const Feature& mine);

// "row 12 of plan_tasks: changed by kent_lo at 2026-03-02T10:00:00Z (version 3) since you read
// version 2; both changed status: base 'proposed', theirs 'accepted', mine 'declined'".
std::string describe_conflict(const std::string& layer, const std::vector<Field>& fields, const Feature& base,
                              const Feature& theirs, const std::vector<FieldConflict>& conflicts);

// Who last changed `row` and when, from its `updated_by` / `updated_at` fields: "kent_lo at
// 2026-03-02T10:00:00Z" ("someone" when the layer has no such fields).
std::string last_change_of(const std::vector<Field>& fields, const Feature& row);

}  // namespace tidemark::layers
