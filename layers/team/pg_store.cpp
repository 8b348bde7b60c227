#include "layers/team/pg_store.h"

#include "layers/coverage/coverage_store.h"
#include "layers/store/gpkg_settings.h"
#include "layers/reports/reports.h"
#include "layers/store/store_messages.h"
#include "layers/team/pg_coverage_runs.h"
#include "layers/team/pg_layer_table.h"
#include "layers/team/pg_reporters.h"
#include "layers/team/pg_row_edits.h"
#include "layers/team/team_schema.h"

#include <algorithm>
#include <map>
#include <set>

namespace tidemark::layers::team {
namespace {

// Writers of one team workspace queue on this transaction-scoped lock (any constant).
constexpr const char* kWriteLock = "SELECT pg_advisory_xact_lock(7469646502)";
constexpr const char* kStoreKey = "store";

std::optional<SettingsRows> read_rows(PgConnection& conn, std::string* error) {
    PgResult r = conn.exec("SELECT key, value FROM tidemark_settings", error);
    if (!r) return std::nullopt;
    SettingsRows rows;
    for (int i = 0; i < PQntuples(r.get()); ++i) rows[PQgetvalue(r.get(), i, 0)] = PQgetvalue(r.get(), i, 1);
    return rows;
}

// Writes the rows that differ between `before` and `after`.
bool write_rows(PgConnection& conn, const SettingsRows& before, const SettingsRows& after, std::string* error) {
    for (const auto& [key, value] : after) {
        auto it = before.find(key);
        if (it != before.end() && it->second == value) continue;
        if (!conn.run("INSERT INTO tidemark_settings (key, value) VALUES ($1, $2) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                      error, {key, value}))
            return false;
    }
    for (const auto& [key, value] : before)
        if (!after.count(key) && !conn.run("DELETE FROM tidemark_settings WHERE key = $1", error, {key})) return false;
    return true;
}

// A server refusal a person can act on.
std::string explained(const std::string& error) {
    if (error.find("permission denied") != std::string::npos || error.find("row-level security") != std::string::npos)
        return error + " (your role in the team workspace may not make this change: viewers change nothing, "
                       "and only the workspace owner changes a layer's fields or removes layers)";
    return error;
}

// Writes `layer` into its table: rows merged when the table has the same structure, otherwise the
// table made again (owner only), keeping the owning agency and sharing of rows with the same fid.
bool put_table(PgConnection& conn, const Layer& layer, int srid, const std::string& owner, std::string* error,
               const std::string& run_shared_with) {
    const TableShape wanted = shape_of(layer, srid);
    auto existing = describe_table(conn, layer.name, error);
    if (!existing && !error->empty()) return false;
    if (existing && existing->accepts(wanted)) return merge_rows(conn, layer, *existing, error, run_shared_with);
    const std::string t = quote_ident(layer.name);
    const bool keep_sharing = existing && existing->sharing && wanted.sharing;
    if (keep_sharing && !conn.run("DROP TABLE IF EXISTS tm_sharing; CREATE TEMP TABLE tm_sharing ON COMMIT DROP AS "
                                  "SELECT " + quote_ident(existing->fid_column) + " AS fid, owner_agency, shared_with FROM " + t,
                                  error))
        return false;
    if (existing && !conn.run("DROP TABLE " + t, error)) return false;
    if (!create_table(conn, wanted, owner, error) || (wanted.sharing && !record_history(conn, layer.name, error)) ||
        !merge_rows(conn, layer, wanted, error, run_shared_with))
        return false;
    return !keep_sharing || conn.run("UPDATE " + t + " t SET owner_agency = s.owner_agency, shared_with = s.shared_with "
                                     "FROM tm_sharing s WHERE t.fid = s.fid",
                                     error);
}

// A coverage run (holds_agency_runs) is stored shared with `run_shared_with`; the reports'
// reporter details go to their own table (pg_reporters.h).
bool put_layer(PgConnection& conn, const Layer& layer, int srid, const std::string& owner, std::string* error,
               const std::string& run_shared_with = "{}") {
    if (!holds_reporters(layer)) return put_table(conn, layer, srid, owner, error, run_shared_with);
    auto stored = reports_without_reporters(conn, layer, error);
    return stored && put_table(conn, *stored, srid, owner, error, run_shared_with) && put_reporters(conn, layer, *stored, error);
}

// The tables a coverage run reads rows of: tracks, and reports (gaps are ranked by them), as
// stored and as this change set puts them.
std::optional<std::vector<std::string>> run_inputs(const SettingsRows& rows, const ChangeSet& changes,
                                                   const std::string& where, std::string* error) {
    auto is_input = [](LayerRole r) { return r == LayerRole::Tracks || r == LayerRole::TrackLegs || r == LayerRole::Reports; };
    auto state = decode_settings(rows, where, error);
    if (!state) return std::nullopt;
    std::vector<std::string> names;
    for (const StoredLayer& l : state->layers)
        if (is_input(l.role)) names.push_back(l.name);
    for (const Layer* l : changes.put)
        if (is_input(l->role)) names.push_back(l->name);
    return names;
}

}  // namespace

PgConnection* PgStore::connect(std::string* error) {
    if (conn_ && PQstatus(conn_->raw()) == CONNECTION_OK) return &*conn_;
    conn_ = PgConnection::open(url_, error);
    if (!conn_) return nullptr;
    if (!check_schema(*conn_, error)) {
        conn_.reset();
        return nullptr;
    }
    return &*conn_;
}

std::optional<StoredState> PgStore::read_state(std::string* error) {
    PgConnection* conn = connect(error);
    if (!conn) return std::nullopt;
    auto rows = read_rows(*conn, error);
    if (!rows) return std::nullopt;
    auto state = decode_settings(*rows, redact_url(url_), error);
    if (!state) return std::nullopt;
    state->identity = (*rows)[kStoreKey];
    Layer run;  // the parameters of the coverage run this person reads
    if (!read_table(*conn, coverage_runs_shape(), run, error)) return std::nullopt;
    apply_run_parameters(*state, run);
    return state;
}

ReadResult PgStore::read_layers(const ReadOptions& options) {
    ReadResult result;
    result.driver = "PostgreSQL";
    PgConnection* conn = connect(&result.error);
    if (!conn) return result;
    auto rows = read_rows(*conn, &result.error);
    if (!rows) return result;
    auto state = decode_settings(*rows, redact_url(url_), &result.error);
    if (!state) return result;
    // The listed layers, then tables other programs (QGIS) added with a geometry column.
    std::vector<std::string> names;
    for (const StoredLayer& l : state->layers) names.push_back(l.name);
    PgResult extra = conn->exec("SELECT f_table_name FROM geometry_columns WHERE f_table_schema = current_schema() "
                                "ORDER BY f_table_name", &result.error);
    if (!extra) return result;
    for (int i = 0; i < PQntuples(extra.get()); ++i) {
        const std::string n = PQgetvalue(extra.get(), i, 0);
        // Coverage results tables made empty by a push are shown once a run lists them.
        if (std::find(names.begin(), names.end(), n) == names.end() && !holds_agency_runs(n)) names.push_back(n);
    }
    for (const std::string& name : names) {
        if (!options.only_layer.empty() && name != options.only_layer) continue;
        auto shape = describe_table(*conn, name, &result.error);
        if (!shape) {
            if (!result.error.empty()) return result;
            continue;  // listed but not there: the GeoPackage store skips such layers too
        }
        Layer layer;
        if (!read_table(*conn, *shape, layer, &result.error)) return result;
        if (name == kReportsLayer) {  // with the reporter details this person may read
            Layer details;
            if (!read_table(*conn, reporters_shape(), details, &result.error)) return result;
            join_reporters(layer, details);
        }
        layer.role = options.role.value_or(LayerRole::Generic);
        layer.source = redact_url(url_);
        add_read_layer(result, std::move(layer), *shape, state->crs.name());
    }
    result.ok = true;
    return result;
}

bool PgStore::apply(const ChangeSet& changes, const geo::Crs& crs, Committed* committed, std::string* error) {
    if (changes.empty()) return true;
    const std::string not_saved = redact_url(url_) + ": not saved: ";
    PgConnection* conn = connect(error);
    if (!conn) {
        *error = not_saved + *error;
        return false;
    }
    auto srid = srid_of(crs.definition(), error);
    if (!srid) {
        *error = not_saved + *error;
        return false;
    }
    auto fail = [&](const std::string& message) {
        conn->rollback();
        *error = not_saved + explained(message);
        return false;
    };
    std::string why;
    // The server refuses a viewer's change anyway; saying so first names the reason plainly.
    auto role = conn->value("SELECT role || ' of agency ' || agency FROM tidemark_members WHERE login = current_user", &why);
    if (!role && !why.empty()) return fail(why);
    if (role && role->rfind("viewer", 0) == 0)
        return fail("you (" + conn->user() + ") are a " + *role + ": viewers change nothing. Save to a GeoPackage "
                    "file instead (File > Save As, or `tidemark team pull`)");
    if (!conn->begin(&why)) return fail(why);
    if (!conn->run(kWriteLock, &why)) return fail(why);
    // Read committed: everything read after the lock is what the previous writer committed.
    auto now = read_rows(*conn, &why);
    if (!now) return fail(why);
    if (!changes.identity.empty() && (*now)[kStoreKey] != changes.identity)
        return fail("the team workspace was replaced (a `team push`) since this workspace was opened. "
                    "Nothing was written; open it again and redo the change");
    SettingsRows rows = *now;
    // A coverage run's parameters and window are its agency's (pg_coverage_runs.h), not settings.
    const bool run = stores_run(changes);
    std::optional<Layer> run_row;
    if (run && !(run_row = run_parameters(*conn, changes, &why))) return fail(why);
    const ChangeSet settled = run ? without_run_parameters(changes) : ChangeSet{};
    const ChangeSet& shared = run ? settled : changes;
    // Each agency's coverage run is its own rows: another agency's run stored meanwhile changed
    // none of them, so it is no conflict.
    Revisions base = shared.base;
    for (const char* name : {kSegmentsLayer, kGapsLayer, kForceSummaryLayer})
        if (auto it = base.find(layer_item(name)); it != base.end()) {
            const std::string key = "revision:" + it->first;
            it->second = rows.count(key) ? std::strtoll(rows[key].c_str(), nullptr, 10) : 0;
        }
    Revisions next;
    const std::string moved = moved_items(rows, base, &next);
    if (!moved.empty()) return fail(conflict_message(moved));
    for (const std::string& name : changes.removed)
        if (!conn->run("DROP TABLE IF EXISTS " + quote_ident(name), &why)) return fail(why);
    // Coverage runs last: who may see one follows from the track and report rows as this save leaves them.
    std::vector<const Layer*> runs;
    for (const Layer* layer : changes.put) {
        if (holds_agency_runs(layer->name))
            runs.push_back(layer);
        else if (!put_layer(*conn, *layer, *srid, "", &why))
            return fail(why);
    }
    if (run) {
        runs.push_back(&*run_row);
        auto inputs = run_inputs(rows, changes, redact_url(url_), &why);
        auto audience = inputs ? run_audience(*conn, *inputs, &why) : std::nullopt;
        if (!audience) return fail(why);
        for (const Layer* layer : runs)
            if (!put_layer(*conn, *layer, *srid, "", &why, *audience)) return fail(why);
    }
    std::string conflicts;
    std::map<std::string, std::vector<Feature>> written;
    for (const RowEdits& edits : changes.row_edits) {
        const std::string& name = edits.layer->name;
        auto shape = describe_table(*conn, name, &why);
        if (!shape || !shape->accepts(shape_of(*edits.layer, *srid)))
            return fail(why.empty() ? "layer '" + name + "' was removed or its fields changed since this workspace was "
                                      "opened. Nothing was written; open it again and redo the change"
                                    : why);
        RowSave saved;
        if (!save_rows(*conn, *shape, edits, &saved, &why)) return fail(why);
        for (const std::string& c : saved.conflicts) conflicts += "\n  " + c;
        for (RowConflict& c : saved.fields) committed->conflicts.push_back(std::move(c));
        written[name] = std::move(saved.written);
        // The layer's revision moves (a whole-layer write based on an older one is refused), but
        // the session takes it only when no other writer moved it: otherwise it lacks their rows.
        const std::string key = "revision:" + layer_item(name);
        const std::int64_t stored = rows.count(key) ? std::strtoll(rows[key].c_str(), nullptr, 10) : 0;
        if (stored == edits.revision) next[layer_item(name)] = stored + 1;
        rows[key] = std::to_string(stored + 1);
    }
    if (!conflicts.empty())
        return fail("another person changed the same field(s) of rows you changed, since you read them:" + conflicts +
                    "\nNothing was written; open the workspace again (it holds their change) and redo yours");
    merge_into(rows, shared, next);
    rows[kCommitKey] = std::to_string(std::strtoll(rows[kCommitKey].c_str(), nullptr, 10) + 1);
    if (!write_rows(*conn, *now, rows, &why)) return fail(why);
    if (!conn->commit(&why)) return fail(why);
    committed->revisions = std::move(next);
    committed->rows = std::move(written);
    return true;
}

bool write_new_pg(const std::string& url, const StoredState& state, const std::vector<Layer>& layers,
                  const std::string& owner, std::string* identity, std::string* error) {
    const std::string not_saved = redact_url(url) + ": not written: ";
    auto conn = PgConnection::open(url, error);
    if (!conn) return false;
    if (!check_schema(*conn, error)) return false;
    auto srid = srid_of(state.crs.definition(), error);
    if (!srid) return false;
    auto fail = [&](const std::string& message) {
        conn->rollback();
        *error = not_saved + explained(message) + "; the team workspace is as it was";
        return false;
    };
    std::string why;
    if (!conn->begin(&why) || !conn->run(kWriteLock, &why)) return fail(why);
    auto before = read_rows(*conn, &why);
    if (!before) return fail(why);
    auto old = decode_settings(*before, redact_url(url), &why);
    std::set<std::string> drop;
    if (old)
        for (const StoredLayer& l : old->layers) drop.insert(l.name);
    for (const Layer& l : layers) drop.insert(l.name);
    for (const char* name : {kSegmentsLayer, kGapsLayer, kForceSummaryLayer, kCoverageRunsTable, kReportersTable})
        drop.insert(name);
    for (const std::string& name : drop)
        if (!conn->run("DROP TABLE IF EXISTS " + quote_ident(name), &why)) return fail(why);
    if (!create_table(*conn, reporters_shape(), "", &why)) return fail(why);
    for (const Layer& l : layers) {
        // History starts after the load: a push is one recorded settings change, not a row per feature.
        std::optional<Layer> split;  // the reports without their reporter details
        if (holds_reporters(l) && !(split = reports_without_reporters(*conn, l, &why))) return fail(why);
        const Layer& table = split ? *split : l;
        const TableShape shape = shape_of(table, *srid);
        if (!create_table(*conn, shape, owner, &why) || !merge_rows(*conn, table, shape, &why) ||
            (split && !put_reporters(*conn, l, *split, &why)) || (shape.sharing && !record_history(*conn, l.name, &why)))
            return fail(why);
    }
    if (!record_reporters_history(*conn, &why)) return fail(why);
    // The pushed run's parameters: a run row of the owning agency, like its segments.
    StoredState pushed = state;
    const std::optional<Layer> run_row = take_run_parameters(pushed);
    if (!create_table(*conn, coverage_runs_shape(), owner, &why) ||
        (run_row && !merge_rows(*conn, *run_row, coverage_runs_shape(), &why)) ||
        !record_history(*conn, kCoverageRunsTable, &why))
        return fail(why);
    // Members store coverage runs but may not create tables: the results tables the workspace
    // lacks are made empty now, so each agency's first run has one to go to (read_layers shows
    // them once a run lists them).
    const CoverageLayers empty = coverage_layers({}, {}, {}, {}, {});
    for (const Layer* results : {&empty.segments, &empty.gaps, &empty.force_summary}) {
        if (std::any_of(layers.begin(), layers.end(), [&](const Layer& l) { return l.name == results->name; })) continue;
        if (!create_table(*conn, shape_of(*results, *srid), owner, &why) || !record_history(*conn, results->name, &why))
            return fail(why);
    }
    SettingsRows rows = encode_settings(pushed);
    auto id = conn->value("SELECT gen_random_uuid()::text", &why);
    if (!id) return fail(why);
    rows[kStoreKey] = *id;
    if (!write_rows(*conn, *before, rows, &why) || !conn->commit(&why)) return fail(why);
    *identity = *id;
    return true;
}

}  // namespace tidemark::layers::team
