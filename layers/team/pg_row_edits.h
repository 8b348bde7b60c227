// Row-level saves of a row-versioned layer (workspace_store.h) into its PostGIS table, inside
// the caller's transaction. Each changed row is one statement guarded by the version the session
// read: `UPDATE ... WHERE fid = $1 AND version = $2` (the version bumped), `DELETE ... WHERE fid
// AND version`, `INSERT ... ON CONFLICT (fid) DO NOTHING`. A row another writer changed first is
// locked, read and merged field by field against the row as read (row_merge.h); rows whose same
// fields both changed are reported as conflicts, and the caller then rolls everything back.
#pragma once

#include "layers/team/pg_connection.h"
#include "layers/team/pg_layer_table.h"
#include "layers/store/workspace_store.h"

#include <string>
#include <vector>

namespace tidemark::layers::team {

struct RowSave {
    std::vector<Feature> written;         // the inserted and updated rows as now stored (merged, new versions)
    std::vector<std::string> conflicts;   // one line per refused row (row, fields, base/theirs/mine, who, when)
    std::vector<RowConflict> fields;      // the refused rows whose same fields both changed (also in `conflicts`)
};

// `shape` is the table as it is (it accepts the layer's fields). False with `error` on a database
// failure; true otherwise, with `out->conflicts` non-empty when rows could not be merged.
bool save_rows(PgConnection& conn, const TableShape& shape, const RowEdits& edits, RowSave* out, std::string* error);

}  // namespace tidemark::layers::team
