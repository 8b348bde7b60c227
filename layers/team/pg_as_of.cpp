#include "layers/team/pg_as_of.h"

#include "layers/gpkg_settings.h"
#include "layers/store_messages.h"
#include "layers/team/pg_layer_table.h"
#include "layers/team/team_schema.h"

#include <cstdio>

namespace tidemark::layers::team {
namespace {

constexpr const char* kStoreKey = "store";
constexpr const char* kTemp = "tm_as_of";

std::string seconds_param(geo::UnixTime t) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6f", t);
    return buf;
}

class AsOfStore final : public WorkspaceStore {
public:
    AsOfStore(std::string url, geo::UnixTime at) : url_(std::move(url)), at_(at), when_(geo::format_iso8601(at)) {}

    const std::string& location() const override { return url_; }

    std::optional<StoredState> read_state(std::string* error) override {
        PgConnection* conn = connect(error);
        if (!conn) return std::nullopt;
        auto rows = rows_at(*conn, error);
        if (!rows) return std::nullopt;
        auto state = decode_settings(*rows, where(), error);
        if (state) state->identity = (*rows)[kStoreKey];
        return state;
    }

    ReadResult read_layers(const ReadOptions& options) override {
        ReadResult result;
        result.driver = "PostgreSQL";
        PgConnection* conn = connect(&result.error);
        if (!conn) return result;
        auto past = rows_at(*conn, &result.error);
        if (!past) return result;
        auto state = decode_settings(*past, where(), &result.error);
        if (!state) return result;
        auto now = now_rows(*conn, &result.error);
        if (!now) return result;
        for (const StoredLayer& l : state->layers) {
            if (!options.only_layer.empty() && l.name != options.only_layer) continue;
            auto shape = describe_table(*conn, l.name, &result.error);
            if (!shape) {
                if (!result.error.empty()) return result;
                continue;
            }
            Layer layer;
            if (shape->sharing) {
                if (!read_rows_at(*conn, *shape, layer, &result.error)) return result;
            } else {
                const std::string key = "revision:" + layer_item(l.name);
                const std::string was = past->count(key) ? (*past)[key] : "0", is = now->count(key) ? (*now)[key] : "0";
                if (was != is) {
                    result.problems.push_back({geo::Problem::Severity::Warning, where(), l.name, "", 0,
                                               "layer '" + l.name + "' was rewritten after " + when_ +
                                                   " and keeps no history: left out of the workspace as of then"});
                    continue;
                }
                if (!read_table(*conn, *shape, layer, &result.error)) return result;
            }
            layer.name = l.name;  // read through the temporary copy: named after it
            layer.role = options.role.value_or(LayerRole::Generic);
            layer.source = where();
            add_read_layer(result, std::move(layer), *shape, state->crs.name());
        }
        result.ok = true;
        return result;
    }

    bool apply(const ChangeSet&, const geo::Crs&, Committed*, std::string* error) override {
        *error = where() + ": not saved: this is the team workspace as it was at " + when_ +
                 " (--as-of), which cannot be changed; save to a GeoPackage file instead";
        return false;
    }

private:
    std::string where() const { return redact_url(url_) + " as of " + when_; }

    PgConnection* connect(std::string* error) {
        if (conn_ && PQstatus(conn_->raw()) == CONNECTION_OK) return &*conn_;
        conn_ = PgConnection::open(url_, error);
        if (!conn_) return nullptr;
        if (!check_schema(*conn_, error)) {
            conn_.reset();
            return nullptr;
        }
        // One snapshot for every read: the current rows and the history undone from them agree.
        // Never committed (only a temporary table is written): closing the connection rolls back.
        std::string why;
        if (!conn_->run("BEGIN ISOLATION LEVEL REPEATABLE READ", &why)) {
            *error = redact_url(url_) + ": " + why;
            conn_.reset();
            return nullptr;
        }
        return &*conn_;
    }

    // History is the owner's to read: said plainly instead of "permission denied".
    std::string explained(const std::string& why) const {
        if (why.find("permission denied") == std::string::npos) return why;
        return where() + ": --as-of reads the workspace's history, which only the owner account reads (it holds "
                         "every agency's rows): " + why;
    }

    std::optional<SettingsRows> now_rows(PgConnection& conn, std::string* error) {
        PgResult r = conn.exec("SELECT key, value FROM tidemark_settings", error);
        if (!r) return std::nullopt;
        SettingsRows rows;
        for (int i = 0; i < PQntuples(r.get()); ++i) rows[PQgetvalue(r.get(), i, 0)] = PQgetvalue(r.get(), i, 1);
        return rows;
    }

    // The settings rows at T: each key changed after T as its first change after T found it.
    std::optional<SettingsRows> rows_at(PgConnection& conn, std::string* error) {
        // Row-level security would show another login no history at all (the present passed off
        // as the past): only a login that owns the history reads as of a time.
        std::string why;
        auto owner = conn.value("SELECT pg_has_role(current_user, tableowner, 'USAGE')::text FROM pg_tables "
                                "WHERE schemaname = current_schema() AND tablename = 'tidemark_history'",
                                &why);
        if (!owner) {
            *error = where() + ": " + (why.empty() ? "no history table (run `tidemark team init`)" : why);
            return std::nullopt;
        }
        if (*owner != "true") {
            *error = explained("permission denied for table tidemark_history (you are " + conn.user() + ")");
            return std::nullopt;
        }
        const std::string sql =
            "WITH later AS (SELECT DISTINCT ON (coalesce(new_row, old_row)->>'key') coalesce(new_row, old_row)->>'key' AS key, "
            "old_row FROM tidemark_history WHERE table_name = 'tidemark_settings' AND at > to_timestamp($1::float8) "
            "ORDER BY coalesce(new_row, old_row)->>'key', id) "
            "SELECT key, value FROM tidemark_settings WHERE key NOT IN (SELECT key FROM later) "
            "UNION ALL SELECT old_row->>'key', old_row->>'value' FROM later WHERE old_row IS NOT NULL";
        PgResult r = conn.exec(sql, &why, {seconds_param(at_)});
        if (!r) {
            *error = explained(why);
            return std::nullopt;
        }
        SettingsRows rows;
        for (int i = 0; i < PQntuples(r.get()); ++i) rows[PQgetvalue(r.get(), i, 0)] = PQgetvalue(r.get(), i, 1);
        auto now = now_rows(conn, error);
        if (!now) return std::nullopt;
        if (!rows.count(kStoreKey) || rows[kStoreKey] != (*now)[kStoreKey]) {
            *error = where() + ": the team workspace was replaced as a whole (a `team push`) after that time, and "
                               "what it held before is not kept; choose a time after the push";
            return std::nullopt;
        }
        return rows;
    }

    // The table's rows at T, read through a temporary copy with the changes after T undone.
    bool read_rows_at(PgConnection& conn, const TableShape& shape, Layer& out, std::string* error) {
        const std::string t = quote_ident(shape.name), fid = quote_ident(shape.fid_column);
        const std::string later =
            "SELECT DISTINCT ON (fid) fid, old_row FROM tidemark_history WHERE table_name = $1 "
            "AND at > to_timestamp($2::float8) ORDER BY fid, id";
        std::string why;
        const PgParams params{shape.name, seconds_param(at_)};
        if (!conn.run(std::string("DROP TABLE IF EXISTS ") + kTemp, &why) ||
            !conn.run(std::string("CREATE TEMP TABLE ") + kTemp + " AS SELECT * FROM " + t, &why) ||
            !conn.run(std::string("DELETE FROM ") + kTemp + " WHERE " + fid + " IN (SELECT fid FROM (" + later + ") l)", &why, params) ||
            !conn.run(std::string("INSERT INTO ") + kTemp + " SELECT (jsonb_populate_record(NULL::" + kTemp + ", old_row)).* FROM (" +
                          later + ") l WHERE old_row IS NOT NULL",
                      &why, params)) {
            *error = explained(why);
            return false;
        }
        TableShape past = shape;
        past.name = kTemp;
        return read_table(conn, past, out, error);
    }

    std::string url_;
    geo::UnixTime at_;
    std::string when_;
    std::optional<PgConnection> conn_;
};

}  // namespace

std::unique_ptr<WorkspaceStore> as_of_store(const std::string& url, geo::UnixTime at) {
    return std::make_unique<AsOfStore>(url, at);
}

}  // namespace tidemark::layers::team
