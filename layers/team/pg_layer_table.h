// A workspace layer as an ordinary PostGIS table, with the same name and columns as in a
// GeoPackage (QGIS opens either): `fid` bigint identity primary key, the layer's fields
// (Integer bigint, Real double precision, DateTime timestamptz, String text), and `geom` typed
// geometry in the working CRS with a GiST index. Layers that hold agency data (plan rows,
// reports, tracks: carries_sharing) also carry `owner_agency` and `shared_with`, kept out of the
// Layer (they are the database's business) and guarded by row-level security (team_sharing.h).
#pragma once

#include "layers/layer.h"
#include "layers/io/ogr_reader.h"
#include "layers/team/pg_connection.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers::team {

inline constexpr const char* kOwnerColumn = "owner_agency";
inline constexpr const char* kSharedColumn = "shared_with";

// Plan rows (plan_*, plans), reports, tracks and coverage results: the tables whose rows belong
// to an agency.
bool carries_sharing(const std::string& name, LayerRole role);

// Coverage results (`segments`, `gaps`, `force_summary`, and the run's parameters in
// `coverage_runs`, pg_coverage_runs.h): counts derived from tracks and reports.
// Each agency's run is its own rows, which only it changes; they are shared with the agencies
// that see every track and report row the run could read (run_audience). A person reads one run:
// their agency's, else one shared with them (the lowest agency code).
bool holds_agency_runs(const std::string& name);

struct TableShape {
    std::string name;
    std::string fid_column;                  // "" when the table has no integer key (read-only use)
    std::string geom_column;                 // "" for attribute tables
    std::string geom_type;                   // PostGIS type name, e.g. "MULTILINESTRING"
    int srid = 0;
    std::vector<Field> fields;               // in column order, without fid, geom and sharing columns
    bool sharing = false;                    // has owner_agency and shared_with
    bool runs = false;                       // coverage results, one run per agency (holds_agency_runs)

    // Same columns and geometry: rows can be merged into the table without changing its structure.
    bool same_structure(const TableShape& other) const;
    // Rows of `wanted` fit this table as it is: the same columns, and the same geometry type or
    // this table's is the multi-part form of it (single parts are stored as one-part multis).
    bool accepts(const TableShape& wanted) const;
};

// The SRID of a working CRS given as EPSG:n; nullopt with `error` otherwise.
std::optional<int> srid_of(const std::string& crs_definition, std::string* error);

// The table `layer` is stored in.
TableShape shape_of(const Layer& layer, int srid);

// The table as it is in the database; nullopt when it does not exist (`error` empty) or on failure.
std::optional<TableShape> describe_table(PgConnection& conn, const std::string& name, std::string* error);

// Creates the table, its GiST index and (for sharing tables) row-level security. Rows inserted
// without an owner get the inserting person's agency (or `default_owner` when given).
bool create_table(PgConnection& conn, const TableShape& shape, const std::string& default_owner, std::string* error);

// Row-level security of a sharing table (create_table; migration 6 for coverage tables made before).
bool secure_agency_rows(PgConnection& conn, const TableShape& shape, std::string* error);

// Records every later insert, update and delete of the table's rows in tidemark_history, and
// announces each on the live-update channel (change_listener.h).
bool record_history(PgConnection& conn, const std::string& table, std::string* error);

// Makes the table's rows those of `layer` (same structure): rows whose fid is gone are deleted,
// changed rows updated, new rows inserted (fid kept when positive and unique, else a new one).
// Row-level security limits each step to the rows the person may change; owner_agency and
// shared_with of kept rows are untouched. Bulk rows go through COPY.
// A table of agency runs (shape.runs) instead gets the layer as the person's agency's new run:
// that agency's rows replaced, new fids, shared with `run_shared_with` (a text[] literal).
bool merge_rows(PgConnection& conn, const Layer& layer, const TableShape& shape, std::string* error,
                const std::string& run_shared_with = "{}");

// The agencies that see every row of `input_tables` the person sees, as a text[] literal for
// merge_rows: "{all}" when every row is shared with all (or there are none). A coverage run of
// theirs can only have read those rows, so its results may be shown to exactly these agencies.
std::optional<std::string> run_audience(PgConnection& conn, const std::vector<std::string>& input_tables,
                                        std::string* error);

// Reads every row the connection may see into a Layer (no role or metadata: that is in the
// settings); of a table of agency runs, one run (holds_agency_runs). Geometry is read as stored:
// the table is in the working CRS. `where` (SQL, "" for all) limits the rows; `for_update` locks
// them until the transaction ends.
bool read_table(PgConnection& conn, const TableShape& shape, Layer& out, std::string* error,
                const std::string& where = {}, bool for_update = false);

// Hands a table read into a Layer to `result`, with the summary `tidemark info` prints.
void add_read_layer(ReadResult& result, Layer layer, const TableShape& shape, const std::string& crs_name);

// `g` as a parameter for the table's geometry column (hex EWKB in its type and SRID; single
// parts as one-part multis where the column is multi); nullopt (NULL) for no geometry.
std::optional<std::string> geometry_param(const TableShape& shape, const Geometry& g);

}  // namespace tidemark::layers::team
