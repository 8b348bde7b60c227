#include "layers/team/pg_layer_table.h"

#include "geo/time.h"
#include "layers/coverage/coverage_store.h"
#include "layers/io/ogr_geometry.h"
#include "layers/layer_geometry_type.h"
#include "layers/team/copy_text.h"
#include "layers/team/pg_coverage_runs.h"

#include <endian.h>

#include <cmath>
#include <cstring>
#include <set>

namespace tidemark::layers::team {
namespace {

const char* sql_type(FieldType t) {
    switch (t) {
        case FieldType::Integer: return "bigint";
        case FieldType::Real: return "double precision";
        case FieldType::DateTime: return "timestamptz";
        case FieldType::String: break;
    }
    return "text";
}

FieldType field_type_of(const std::string& pg_type) {
    if (pg_type == "bigint" || pg_type == "integer" || pg_type == "smallint") return FieldType::Integer;
    if (pg_type == "double precision" || pg_type == "real" || pg_type.rfind("numeric", 0) == 0) return FieldType::Real;
    if (pg_type.rfind("timestamp", 0) == 0 || pg_type == "date") return FieldType::DateTime;
    return FieldType::String;
}

// How a field is selected so that its value comes back in one binary form per type.
std::string select_expr(const Field& f) {
    const std::string c = quote_ident(f.name);
    switch (f.type) {
        case FieldType::Integer: return c + "::int8";
        case FieldType::Real: return c + "::float8";
        case FieldType::DateTime: return "extract(epoch from " + c + ")::float8";
        case FieldType::String: break;
    }
    return c + "::text";
}

std::int64_t be_int64(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return static_cast<std::int64_t>(be64toh(v));
}
double be_double(const char* p) {
    std::uint64_t v = static_cast<std::uint64_t>(be_int64(p));
    double d;
    std::memcpy(&d, &v, 8);
    return d;
}

const char* postgis_type(OGRwkbGeometryType t) {
    switch (t) {
        case wkbPoint: return "POINT";
        case wkbMultiPoint: return "MULTIPOINT";
        case wkbLineString: return "LINESTRING";
        case wkbMultiLineString: return "MULTILINESTRING";
        case wkbPolygon: return "POLYGON";
        case wkbMultiPolygon: return "MULTIPOLYGON";
        default: return "";
    }
}

geo::GeometryKind kind_of(const std::string& postgis) {
    if (postgis.find("POINT") != std::string::npos) return geo::GeometryKind::Point;
    if (postgis.find("LINE") != std::string::npos) return geo::GeometryKind::Line;
    if (postgis.find("POLYGON") != std::string::npos) return geo::GeometryKind::Polygon;
    return geo::GeometryKind::None;
}

// One feature as a COPY text line: fid, geom (hex EWKB), fields.
void append_row(std::string& out, const Layer& layer, const Feature& f, std::int64_t fid, const TableShape& shape,
                OGRwkbGeometryType gtype) {
    if (fid > 0) out += std::to_string(fid);
    else out += "\\N";
    if (!shape.geom_column.empty()) {
        out += '\t';
        if (f.geometry.kind == geo::GeometryKind::None) {
            out += "\\N";
        } else {
            const bool single = gtype == wkbPoint || gtype == wkbLineString || gtype == wkbPolygon;
            std::unique_ptr<OGRGeometry> g = to_ogr(f.geometry, single);
            if (!single) g.reset(OGRGeometryFactory::forceTo(g.release(), gtype));
            append_ewkb_hex(out, *g, shape.srid);
        }
    }
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        out += '\t';
        append_copy_value(out, i < f.values.size() ? f.values[i] : Value{}, layer.fields[i].type);
    }
    out += '\n';
}

std::string column_list(const TableShape& shape, const std::string& prefix = "") {
    std::string cols = prefix + quote_ident(shape.fid_column);
    if (!shape.geom_column.empty()) cols += ", " + prefix + quote_ident(shape.geom_column);
    for (const Field& f : shape.fields) cols += ", " + prefix + quote_ident(f.name);
    return cols;
}

}  // namespace

bool carries_sharing(const std::string& name, LayerRole role) {
    if (name == "plans" || (name.rfind("plan_", 0) == 0 && name != "plan_agencies")) return true;
    return role == LayerRole::Reports || role == LayerRole::Tracks || role == LayerRole::TrackLegs ||
           holds_agency_runs(name);
}

bool holds_agency_runs(const std::string& name) {
    return name == kSegmentsLayer || name == kGapsLayer || name == kForceSummaryLayer || name == kCoverageRunsTable;
}

bool TableShape::same_structure(const TableShape& o) const {
    if (geom_column != o.geom_column || geom_type != o.geom_type || srid != o.srid || sharing != o.sharing ||
        fields.size() != o.fields.size() || o.fid_column != fid_column)
        return false;
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name != o.fields[i].name || fields[i].type != o.fields[i].type) return false;
    return true;
}

bool TableShape::accepts(const TableShape& w) const {
    if (same_structure(w)) return true;
    TableShape as_multi = w;
    as_multi.geom_type = "MULTI" + w.geom_type;
    return w.geom_type.rfind("MULTI", 0) != 0 && same_structure(as_multi);
}

std::optional<int> srid_of(const std::string& crs_definition, std::string* error) {
    if (crs_definition.rfind("EPSG:", 0) == 0) {
        char* end = nullptr;
        const long code = std::strtol(crs_definition.c_str() + 5, &end, 10);
        if (end && *end == '\0' && code > 0) return static_cast<int>(code);
    }
    *error = "working CRS '" + crs_definition + "' is not an EPSG code; a team workspace needs one (e.g. EPSG:27700)";
    return std::nullopt;
}

TableShape shape_of(const Layer& layer, int srid) {
    TableShape s;
    s.name = layer.name;
    s.fid_column = "fid";
    const OGRwkbGeometryType gtype = layer_geometry_type(layer);
    if (gtype != wkbNone) {
        s.geom_column = "geom";
        s.geom_type = postgis_type(gtype);
        s.srid = srid;
    }
    s.fields = layer.fields;
    s.sharing = carries_sharing(layer.name, layer.role);
    s.runs = holds_agency_runs(layer.name);
    return s;
}

std::optional<TableShape> describe_table(PgConnection& conn, const std::string& name, std::string* error) {
    error->clear();
    PgResult cols = conn.exec(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
        "       coalesce((SELECT true FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary "
        "                 AND i.indnatts = 1 AND i.indkey[0] = a.attnum), false), "
        "       coalesce(postgis_typmod_type(a.atttypmod), ''), coalesce(postgis_typmod_srid(a.atttypmod), 0), "
        "       t.typname = 'geometry' "
        "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid "
        "WHERE c.oid = to_regclass(quote_ident($1)) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
        error, {name});
    if (!cols) return std::nullopt;
    if (PQntuples(cols.get()) == 0) return std::nullopt;
    TableShape s;
    s.name = name;
    bool owner = false, shared = false;
    for (int r = 0; r < PQntuples(cols.get()); ++r) {
        const std::string col = PQgetvalue(cols.get(), r, 0), type = PQgetvalue(cols.get(), r, 1);
        const bool key = PQgetvalue(cols.get(), r, 2)[0] == 't';
        if (key && field_type_of(type) == FieldType::Integer && s.fid_column.empty()) {
            s.fid_column = col;
        } else if (PQgetvalue(cols.get(), r, 5)[0] == 't' && s.geom_column.empty()) {
            s.geom_column = col;
            s.geom_type = PQgetvalue(cols.get(), r, 3);
            for (char& c : s.geom_type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            s.srid = std::atoi(PQgetvalue(cols.get(), r, 4));
        } else if (col == kOwnerColumn) {
            owner = true;
        } else if (col == kSharedColumn) {
            shared = true;
        } else {
            s.fields.push_back({col, field_type_of(type)});
        }
    }
    s.sharing = owner && shared;
    s.runs = s.sharing && holds_agency_runs(name);
    if (!s.sharing) {  // a lone column of that name is an ordinary field
        if (owner) s.fields.push_back({kOwnerColumn, FieldType::String});
        if (shared) s.fields.push_back({kSharedColumn, FieldType::String});
    }
    return s;
}

bool create_table(PgConnection& conn, const TableShape& s, const std::string& default_owner, std::string* error) {
    std::string sql = "CREATE TABLE " + quote_ident(s.name) + " (" + quote_ident(s.fid_column) +
                      " bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    for (const Field& f : s.fields) {
        if (f.name == s.fid_column || f.name == s.geom_column || (s.sharing && (f.name == kOwnerColumn || f.name == kSharedColumn))) {
            *error = "layer '" + s.name + "': field '" + f.name + "' has a name the team workspace keeps for itself; rename it";
            return false;
        }
        sql += ", " + quote_ident(f.name) + " " + sql_type(f.type);
    }
    if (!s.geom_column.empty())
        sql += ", " + quote_ident(s.geom_column) + " geometry(" + s.geom_type + ", " + std::to_string(s.srid) + ")";
    if (s.sharing) {
        // A coverage run stored later by a member is their agency's, whoever pushed the workspace.
        std::string owner = "tidemark_my_agency()";
        if (!default_owner.empty())
            owner = s.runs ? "coalesce(" + owner + ", " + quote_literal(default_owner) + ")" : quote_literal(default_owner);
        sql += std::string(", ") + kOwnerColumn + " text DEFAULT " + owner + ", " + kSharedColumn +
               " text[] NOT NULL DEFAULT '{}'";
    }
    sql += ")";
    if (!conn.run(sql, error)) return false;
    if (!s.geom_column.empty() &&
        !conn.run("CREATE INDEX " + quote_ident(s.name + "_geom_idx") + " ON " + quote_ident(s.name) + " USING gist (" +
                      quote_ident(s.geom_column) + ")",
                  error))
        return false;
    return !s.sharing || secure_agency_rows(conn, s, error);
}

bool secure_agency_rows(PgConnection& conn, const TableShape& s, std::string* error) {
    const std::string t = quote_ident(s.name);
    // FORCE: the owner's connections are checked too (tidemark_is_admin lets the owner see all).
    // The functions are wrapped in scalar subqueries so each runs once per statement, not per row.
    const std::string me = "(SELECT tidemark_my_agency())", admin = "(SELECT tidemark_is_admin())";
    const std::string see = admin + " OR owner_agency = " + me + " OR shared_with && ARRAY[" + me + ", 'all']";
    const std::string own = admin + " OR owner_agency = " + me;
    // An agency a plan row is shared with may edit it; a coverage run only its own agency changes.
    const std::string change = s.runs ? own : see;
    return conn.run("ALTER TABLE " + t + " ENABLE ROW LEVEL SECURITY; ALTER TABLE " + t + " FORCE ROW LEVEL SECURITY;" +
                        "CREATE POLICY see ON " + t + " FOR SELECT USING (" + see + ");" +
                        "CREATE POLICY add ON " + t + " FOR INSERT WITH CHECK (" + own + ");" +
                        "CREATE POLICY change ON " + t + " FOR UPDATE USING (" + change + ") WITH CHECK (" + change + ");" +
                        "CREATE POLICY remove ON " + t + " FOR DELETE USING (" + own + ");" +
                        "CREATE TRIGGER guard_sharing BEFORE UPDATE ON " + t +
                        " FOR EACH ROW EXECUTE FUNCTION tidemark_guard_sharing()",
                    error);
}

bool record_history(PgConnection& conn, const std::string& table, std::string* error) {
    const std::string t = quote_ident(table);
    return conn.run("CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON " + t +
                        " FOR EACH ROW EXECUTE FUNCTION tidemark_record_history();"
                        "CREATE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON " + t +
                        " FOR EACH ROW EXECUTE FUNCTION tidemark_notify_change()",
                    error);
}

bool merge_rows(PgConnection& conn, const Layer& layer, const TableShape& s, std::string* error,
                const std::string& run_shared_with) {
    // The table's geometry type decides single or multi (a multi table takes single parts as multis).
    OGRwkbGeometryType gtype = layer_geometry_type(layer);
    if (s.geom_type.rfind("MULTI", 0) == 0 && !OGR_GT_IsSubClassOf(gtype, wkbGeometryCollection))
        gtype = OGR_GT_GetCollection(gtype);
    std::string data;
    std::set<std::int64_t> used;
    for (const Feature& f : layer.features()) {
        const bool keep = !s.runs && f.fid > 0 && used.insert(f.fid).second;
        append_row(data, layer, f, keep ? f.fid : 0, s, gtype);
    }
    const std::string t = quote_ident(s.name), fid = quote_ident(s.fid_column);
    const std::string cols = column_list(s);
    if (!conn.run("DROP TABLE IF EXISTS tm_incoming; CREATE TEMP TABLE tm_incoming ON COMMIT DROP AS SELECT " + cols +
                      " FROM " + t + " WITH NO DATA",
                  error) ||
        !conn.copy_in("COPY tm_incoming (" + cols + ") FROM STDIN", data, error)) {
        *error = "layer '" + s.name + "': " + *error;
        return false;
    }
    std::string set_list, differs;
    auto add = [&](const std::string& c) {
        set_list += (set_list.empty() ? "" : ", ") + quote_ident(c) + " = i." + quote_ident(c);
        differs += (differs.empty() ? "" : " OR ") + ("t." + quote_ident(c) + " IS DISTINCT FROM i." + quote_ident(c));
    };
    if (!s.geom_column.empty()) {
        set_list = quote_ident(s.geom_column) + " = i." + quote_ident(s.geom_column);
        // Exact comparison: the same coordinates bit for bit.
        differs = "ST_AsBinary(t." + quote_ident(s.geom_column) + ") IS DISTINCT FROM ST_AsBinary(i." +
                  quote_ident(s.geom_column) + ")";
    }
    for (const Field& f : s.fields) add(f.name);
    auto seq = conn.value("SELECT pg_get_serial_sequence($1, $2)", error, {t, s.fid_column});
    if (!seq) {
        if (error->empty()) *error = "table " + t + " has no identity sequence for " + fid;
        *error = "layer '" + s.name + "': " + *error;
        return false;
    }
    // The sequence first moves past every fid kept or already there, so the new rows' ids are free.
    std::string sql = "SELECT setval(" + quote_literal(*seq) + ", greatest((SELECT last_value FROM " + *seq +
                      "), (SELECT coalesce(max(" + fid + "), 0) FROM tm_incoming), (SELECT coalesce(max(" + fid +
                      "), 0) FROM " + t + "), 1));" + "UPDATE tm_incoming SET " + fid + " = nextval(" + quote_literal(*seq) +
                      ") WHERE " + fid + " IS NULL;";
    if (s.runs) {
        // The agency's new run replaces its last one; other agencies' runs stay as they are. The
        // run's agency is that of its new rows (the owner account stores for the agency the
        // workspace was pushed for: the column's default), else the person's.
        sql += "INSERT INTO " + t + " (" + cols + ", " + kSharedColumn + ") SELECT " + column_list(s, "i.") + ", " +
               quote_literal(run_shared_with) + "::text[] FROM tm_incoming i;" +
               "DELETE FROM " + t + " WHERE owner_agency IS NOT DISTINCT FROM coalesce((SELECT n.owner_agency FROM " + t +
               " n WHERE n." + fid + " = (SELECT min(" + fid + ") FROM tm_incoming)), (SELECT tidemark_my_agency())) AND " +
               fid + " NOT IN (SELECT " + fid + " FROM tm_incoming)";
        if (!conn.run(sql, error)) {
            *error = "layer '" + s.name + "': " + *error;
            return false;
        }
        return true;
    }
    sql += "DELETE FROM " + t + " t WHERE NOT EXISTS (SELECT 1 FROM tm_incoming i WHERE i." + fid + " = t." + fid + ");";
    if (!set_list.empty())
        sql += "UPDATE " + t + " t SET " + set_list + " FROM tm_incoming i WHERE t." + fid + " = i." + fid + " AND (" +
               (differs.empty() ? "false" : differs) + ");";
    sql += "INSERT INTO " + t + " (" + cols + ") SELECT " + column_list(s, "i.") + " FROM tm_incoming i WHERE NOT EXISTS (SELECT 1 FROM " +
           t + " t WHERE t." + fid + " = i." + fid + ")";
    if (!conn.run(sql, error)) {
        if (error->find("duplicate key") != std::string::npos)
            *error += " (a row with that fid exists but is not visible to you: another agency's row)";
        *error = "layer '" + s.name + "': " + *error;
        return false;
    }
    return true;
}

std::optional<std::string> run_audience(PgConnection& conn, const std::vector<std::string>& input_tables,
                                        std::string* error) {
    // The distinct (owner, sharing) pairs of the rows first: a handful, however many rows.
    std::string pairs;
    for (const std::string& name : input_tables) {
        auto shape = describe_table(conn, name, error);
        if (!shape) {
            if (!error->empty()) return std::nullopt;
            continue;
        }
        if (!shape->sharing) continue;
        pairs += std::string(pairs.empty() ? "" : " UNION ") + "SELECT DISTINCT owner_agency, shared_with FROM " +
                 quote_ident(name);
    }
    if (pairs.empty()) return std::string("{all}");
    // Candidates: every agency, and 'all' (everyone, agencies added later too).
    return conn.value("WITH pairs AS (" + pairs + "), fits AS (SELECT c.code FROM (SELECT 'all'::text AS code UNION "
                      "SELECT code FROM tidemark_agencies) c WHERE NOT EXISTS (SELECT 1 FROM pairs p WHERE NOT ("
                      "p.owner_agency IS NOT DISTINCT FROM c.code OR p.shared_with && ARRAY[c.code, 'all']))) "
                      "SELECT CASE WHEN bool_or(code = 'all') THEN '{all}' "
                      "ELSE coalesce(array_agg(code ORDER BY code), '{}')::text END FROM fits",
                      error);
}

std::optional<std::string> geometry_param(const TableShape& shape, const Geometry& g) {
    if (shape.geom_column.empty() || g.kind == geo::GeometryKind::None) return std::nullopt;
    const OGRwkbGeometryType gtype = OGRFromOGCGeomType(shape.geom_type.c_str());
    const bool single = gtype == wkbPoint || gtype == wkbLineString || gtype == wkbPolygon;
    std::unique_ptr<OGRGeometry> geometry = to_ogr(g, single);
    if (!single) geometry.reset(OGRGeometryFactory::forceTo(geometry.release(), gtype));
    std::string hex;
    append_ewkb_hex(hex, *geometry, shape.srid);
    return hex;
}

bool read_table(PgConnection& conn, const TableShape& s, Layer& out, std::string* error, const std::string& where,
                bool for_update) {
    out.name = s.name;
    out.fields = s.fields;
    out.empty_kind = kind_of(s.geom_type);
    std::string sql = "SELECT " + (s.fid_column.empty() ? std::string("0::int8") : quote_ident(s.fid_column) + "::int8") +
                      ", " + (s.geom_column.empty() ? std::string("NULL::bytea") : "ST_AsBinary(" + quote_ident(s.geom_column) + ")");
    for (const Field& f : s.fields) sql += ", " + select_expr(f);
    std::string filter = where;
    if (s.runs) {
        // One run: the person's agency's when it has one, else the one shared with them of the lowest code.
        const std::string t = quote_ident(s.name), mine = "(SELECT tidemark_my_agency())";
        const std::string run = "owner_agency IS NOT DISTINCT FROM (SELECT CASE WHEN EXISTS (SELECT 1 FROM " + t +
                                " r WHERE r.owner_agency IS NOT DISTINCT FROM " + mine + ") THEN " + mine +
                                " ELSE (SELECT min(r.owner_agency) FROM " + t + " r) END)";
        filter = where.empty() ? run : "(" + where + ") AND " + run;
    }
    sql += " FROM " + quote_ident(s.name) + (filter.empty() ? "" : " WHERE " + filter) +
           (s.fid_column.empty() ? "" : " ORDER BY 1") + (for_update ? " FOR UPDATE" : "");
    PgResult r = conn.exec(sql, error, {}, /*binary=*/true);
    if (!r) {
        *error = "layer '" + s.name + "': " + *error;
        return false;
    }
    const int rows = PQntuples(r.get());
    out.features().reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        Feature f;
        f.fid = s.fid_column.empty() ? i + 1 : be_int64(PQgetvalue(r.get(), i, 0));
        if (!PQgetisnull(r.get(), i, 1)) {
            OGRGeometry* g = nullptr;
            const auto* wkb = reinterpret_cast<const unsigned char*>(PQgetvalue(r.get(), i, 1));
            if (OGRGeometryFactory::createFromWkb(wkb, nullptr, &g, PQgetlength(r.get(), i, 1)) == OGRERR_NONE && g) {
                f.geometry = from_ogr(*g);
                OGRGeometryFactory::destroyGeometry(g);
            }
        }
        f.values.reserve(s.fields.size());
        for (std::size_t c = 0; c < s.fields.size(); ++c) {
            const int col = static_cast<int>(c) + 2;
            if (PQgetisnull(r.get(), i, col)) {
                f.values.emplace_back();
                continue;
            }
            const char* v = PQgetvalue(r.get(), i, col);
            switch (s.fields[c].type) {
                case FieldType::Integer: f.values.emplace_back(be_int64(v)); break;
                case FieldType::Real: f.values.emplace_back(be_double(v)); break;
                case FieldType::DateTime: f.values.emplace_back(geo::format_iso8601(be_double(v))); break;
                case FieldType::String: f.values.emplace_back(std::string(v, static_cast<std::size_t>(PQgetlength(r.get(), i, col)))); break;
            }
        }
        out.features().push_back(std::move(f));
    }
    return true;
}

void add_read_layer(ReadResult& result, Layer layer, const TableShape& shape, const std::string& crs_name) {
    LayerSummary summary;
    summary.name = layer.name;
    summary.geometry_type = shape.geom_type.empty() ? "None" : shape.geom_type;
    summary.source_crs = crs_name;
    summary.features = layer.features().size();
    result.layers.push_back(std::move(layer));
    result.summaries.push_back(std::move(summary));
}

}  // namespace tidemark::layers::team
