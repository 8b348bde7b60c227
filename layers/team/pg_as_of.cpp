#include "layers/team/pg_as_of.h"

#include "layers/store/gpkg_settings.h"
#include "layers/store/store_messages.h"
#include "layers/team/pg_coverage_runs.h"
#include "layers/team/pg_layer_table.h"
#include "layers/team/pg_reporters.h"
#include "layers/reports/reports.h"
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
        if (!state) return std::nullopt;
        state->identity = (*rows)[kStoreKey];
        Layer run;  // the parameters of the coverage run this person could read then
        if (!read_rows_at(*conn, coverage_runs_shape(), run, error)) return std::nullopt;
        apply_run_parameters(*state, run);
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
                if (l.name == kReportsLayer) {  // with the reporter details this person could read then
                    Layer details;
                    if (!read_rows_at(*conn, reporters_shape(), details, &result.error)) return result;
                    join_reporters(layer, details);
                }
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

    std::optional<SettingsRows> now_rows(PgConnection& conn, std::string* error) {
        PgResult r = conn.exec("SELECT key, value FROM tidemark_settings", error);
        if (!r) return std::nullopt;
        SettingsRows rows;
        for (int i = 0; i < PQntuples(r.get()); ++i) rows[PQgetvalue(r.get(), i, 0)] = PQgetvalue(r.get(), i, 1);
        return rows;
    }

    // The settings rows at T: each key changed after T as its first change after T found it.
    std::optional<SettingsRows> rows_at(PgConnection& conn, std::string* error) {
        // tidemark_settings_after (migration 5) reads the history as its owner: settings rows are everyone's.
        std::string why;
        const std::string sql =
            "WITH later AS (SELECT key, value_then FROM tidemark_settings_after(to_timestamp($1::float8))) "
            "SELECT key, value FROM tidemark_settings WHERE key NOT IN (SELECT key FROM later) "
            "UNION ALL SELECT key, value_then FROM later WHERE value_then IS NOT NULL";
        PgResult r = conn.exec(sql, &why, {seconds_param(at_)});
        if (!r) {
            *error = where() + ": " + why;
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

    // The table's rows at T, read through a temporary copy of the rows the person sees now with
    // the changes after T undone. tidemark_changes_after (migration 5) gives each changed row's
    // version at T only when the person could see that version, so what the copy gets back is
    // what they could have read at T: nothing of a row that was shared with them only later.
    bool read_rows_at(PgConnection& conn, const TableShape& shape, Layer& out, std::string* error) {
        const std::string t = quote_ident(shape.name), fid = quote_ident(shape.fid_column);
        const std::string later = "SELECT fid, row_then FROM tidemark_changes_after($1, to_timestamp($2::float8))";
        std::string why;
        const PgParams params{shape.name, seconds_param(at_)};
        if (!conn.run(std::string("DROP TABLE IF EXISTS ") + kTemp, &why) ||
            !conn.run(std::string("CREATE TEMP TABLE ") + kTemp + " AS SELECT * FROM " + t, &why) ||
            !conn.run(std::string("DELETE FROM ") + kTemp + " WHERE " + fid + " IN (SELECT fid FROM (" + later + ") l)", &why, params) ||
            !conn.run(std::string("INSERT INTO ") + kTemp + " SELECT (jsonb_populate_record(NULL::" + kTemp + ", row_then)).* FROM (" +
                          later + ") l WHERE row_then IS NOT NULL",
                      &why, params)) {
            *error = where() + ": " + why;
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
