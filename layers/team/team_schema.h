// The team workspace's schema, created and upgraded by numbered migrations recorded in the
// table `tidemark_schema` (version, applied_at, applied_by). `tidemark team init URL` applies the
// ones a database lacks, each in its own transaction; running it again does nothing. A database
// migrated by a newer tidemark (a version this binary does not know) is refused, not touched.
//
// Names: the layer tables and `tidemark_settings` (the same key/value rows as a GeoPackage
// workspace, gpkg_settings.h) live in the connection's schema (public). Roles are cluster-wide,
// so the roles a team workspace creates carry its database name: tm_<db>_read (every member),
// tm_<db>_write (planners and admins), tm_<db>_<agency code> (one group per agency).
#pragma once

#include "geo/crs.h"
#include "layers/team/pg_connection.h"

#include <optional>
#include <string>

namespace tidemark::layers::team {

inline constexpr int kSchemaVersion = 6;  // the newest migration this binary knows

struct SchemaStatus {
    int version = 0;  // 0: not a team workspace yet
};

// The schema version, or nullopt with `error` when it cannot be read.
std::optional<SchemaStatus> schema_status(PgConnection& conn, std::string* error);

// Refuses (false, `error` naming the server and what to do) a database that is not a team
// workspace yet, or whose schema is older or newer than this binary's.
bool check_schema(PgConnection& conn, std::string* error);

// Creates or upgrades the schema; `crs` is the working CRS of a database created now.
// `applied` is how many migrations ran (0 when it was up to date).
bool migrate(PgConnection& conn, const geo::Crs& crs, int* applied, std::string* error);

// The cluster-wide role names of this database's groups.
std::string read_role(PgConnection& conn);
std::string write_role(PgConnection& conn);
std::string agency_role(PgConnection& conn, const std::string& code);

}  // namespace tidemark::layers::team
