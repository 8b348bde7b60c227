#include "layers/team/team_schema.h"

#include "layers/coverage/coverage_store.h"
#include "layers/store/gpkg_settings.h"
#include "layers/team/pg_coverage_runs.h"
#include "layers/team/pg_layer_table.h"
#include "layers/team/pg_reporters.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <vector>

namespace tidemark::layers::team {
namespace {

// Serialises concurrent `team init` runs (any constant, the same in every binary).
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7469646501)";

std::string db_name(PgConnection& conn) { return PQdb(conn.raw()); }

std::string role_name(PgConnection& conn, const std::string& suffix) {
    std::string s = "tm_" + db_name(conn) + "_" + suffix;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s.substr(0, 63);  // PostgreSQL's identifier limit
}

// Migration 1: settings (the GeoPackage workspace's key/value rows) and the store's identity.
bool migration_1(PgConnection& conn, const geo::Crs& crs, std::string* error) {
    auto has_postgis = conn.value("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'", error);
    if (!has_postgis) return false;
    if (*has_postgis == "0") {
        if (!conn.run("CREATE EXTENSION postgis", error)) {
            *error += "; PostGIS must be created in this database by a superuser: CREATE EXTENSION postgis";
            return false;
        }
    }
    if (!conn.run("CREATE TABLE tidemark_settings (key text PRIMARY KEY, value text NOT NULL)", error)) return false;
    StoredState empty;
    empty.crs = crs;
    SettingsRows rows = encode_settings(empty);
    for (const auto& [key, value] : rows)
        if (!conn.run("INSERT INTO tidemark_settings (key, value) VALUES ($1, $2)", error, {key, value})) return false;
    // Which copy of the workspace this is: a push that replaces it wholesale gives it a new one.
    return conn.run("INSERT INTO tidemark_settings (key, value) VALUES ('store', gen_random_uuid()::text)", error);
}

// Migration 2: agencies, members, the group roles and the row-visibility functions RLS uses.
bool migration_2(PgConnection& conn, const geo::Crs&, std::string* error) {
    const std::string read = quote_ident(read_role(conn)), write = quote_ident(write_role(conn));
    const std::string sql = R"SQL(
CREATE TABLE tidemark_agencies (code text PRIMARY KEY, name text NOT NULL, role_name text NOT NULL UNIQUE);
CREATE TABLE tidemark_members (
  login text PRIMARY KEY,
  agency text NOT NULL REFERENCES tidemark_agencies (code),
  role text NOT NULL CHECK (role IN ('planner', 'viewer', 'admin')));
-- Who a login is, for the row-level security policies (pg_layer_table.cpp): its agency, and
-- whether it is an admin. The table owner (the account that ran `team init`) counts as an admin.
CREATE FUNCTION tidemark_my_agency() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT agency FROM tidemark_members WHERE login = current_user $$;
CREATE FUNCTION tidemark_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM tidemark_members WHERE login = current_user AND role = 'admin')
      OR EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'tidemark_settings'
                   AND schemaname = current_schema() AND tableowner = current_user) $$;
-- Only the owning agency or an admin says who owns or sees a row; an agency it is shared with
-- may edit its fields but not widen or take over its sharing.
CREATE FUNCTION tidemark_guard_sharing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.owner_agency, NEW.shared_with) IS DISTINCT FROM (OLD.owner_agency, OLD.shared_with)
     AND NOT (tidemark_is_admin() OR OLD.owner_agency IS NOT DISTINCT FROM tidemark_my_agency()) THEN
    RAISE EXCEPTION 'row % of %: only agency % or an admin may change who owns or sees it',
      OLD.fid, TG_TABLE_NAME, OLD.owner_agency;
  END IF;
  RETURN NEW;
END $$;
)SQL";
    if (!conn.run(sql, error)) return false;
    for (const std::string& role : {read, write})
        if (!conn.run("DO $$ BEGIN CREATE ROLE " + role + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                      error))
            return false;
    return conn.run("GRANT CONNECT, TEMPORARY ON DATABASE " + quote_ident(db_name(conn)) + " TO " + read +
                        "; GRANT USAGE ON SCHEMA public TO " + read +
                        "; GRANT SELECT ON tidemark_settings, tidemark_agencies, tidemark_members, tidemark_schema TO " +
                        read + "; GRANT INSERT, UPDATE, DELETE ON tidemark_settings TO " + write +
                        // Layer tables created later by this account get the same grants.
                        "; ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + read +
                        "; ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT, UPDATE, DELETE ON TABLES TO " + write +
                        "; ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + write,
                    error);
}

// Migration 3: history. Every insert, update and delete of plan, report and track rows and of the
// settings is recorded by the database (who, when, old and new row as JSON). Written only by the
// trigger function (SECURITY DEFINER: people have no INSERT on it); read by the owner account.
bool migration_3(PgConnection& conn, const geo::Crs&, std::string* error) {
    return conn.run(R"SQL(
CREATE TABLE tidemark_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  who text NOT NULL,
  table_name text NOT NULL,
  fid bigint,
  action text NOT NULL,
  old_row jsonb,
  new_row jsonb);
CREATE INDEX tidemark_history_row ON tidemark_history (table_name, fid);
CREATE FUNCTION tidemark_record_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public AS $$
DECLARE
  o jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
  n jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
BEGIN
  -- session_user: the person who connected, also under SET ROLE.
  INSERT INTO tidemark_history (who, table_name, fid, action, old_row, new_row)
  VALUES (session_user, TG_TABLE_NAME, (coalesce(n, o)->>'fid')::bigint, TG_OP, o, n);
  RETURN NULL;
END $$;
CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON tidemark_settings
  FOR EACH ROW EXECUTE FUNCTION tidemark_record_history();
-- Tables made before this migration that carry agency rows.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           WHERE c.table_schema = current_schema() AND c.column_name = 'shared_with'
  LOOP
    EXECUTE format('CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION tidemark_record_history()', t);
  END LOOP;
END $$;
)SQL",
                    error);
}

// Migration 4: live updates. Every change of a plan, report or track row and of the settings is
// announced on the `tidemark_changes` channel when it commits (change_listener.h): table, fid,
// version and who, no values. Tables made later get the trigger with their history trigger.
bool migration_4(PgConnection& conn, const geo::Crs&, std::string* error) {
    return conn.run(R"SQL(
CREATE FUNCTION tidemark_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
  PERFORM pg_notify('tidemark_changes', json_build_object('table', TG_TABLE_NAME, 'fid', (r->>'fid')::bigint,
                    'version', (r->>'version')::bigint, 'who', session_user)::text);
  RETURN NULL;
END $$;
CREATE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON tidemark_settings
  FOR EACH ROW EXECUTE FUNCTION tidemark_notify_change();
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           WHERE c.table_schema = current_schema() AND c.column_name = 'shared_with'
  LOOP
    EXECUTE format('CREATE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION tidemark_notify_change()', t);
  END LOOP;
END $$;
)SQL",
                    error);
}

// Migration 5: history a person may read. tidemark_history itself stays the owner's (it holds
// every agency's rows); people read the changes after a time through tidemark_changes_after,
// which runs as the owner but hands back a row's version only when that version, as recorded
// (its own owner_agency and shared_with then), was visible to the person who connected: a task
// shared with B only later never shows B what it said before. Rows none of whose versions after
// the time B could see are not named at all (not even their fid). Settings rows are everyone's.
// The person is session_user (who connected): inside a SECURITY DEFINER function current_user is
// the owner.
bool migration_5(PgConnection& conn, const geo::Crs&, std::string* error) {
    return conn.run(R"SQL(
CREATE FUNCTION tidemark_caller_sees(r jsonb) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public AS $$
  SELECT r IS NOT NULL AND (
       coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
    OR EXISTS (SELECT 1 FROM tidemark_members WHERE login = session_user AND role = 'admin')
    OR EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'tidemark_settings' AND schemaname = 'public'
                 AND pg_has_role(session_user, tableowner, 'USAGE'))
    OR EXISTS (SELECT 1 FROM tidemark_members m WHERE m.login = session_user
                 AND (r->>'owner_agency' = m.agency
                      OR (jsonb_typeof(r->'shared_with') = 'array' AND r->'shared_with' ?| ARRAY[m.agency, 'all'])))) $$;
-- Per row of `tbl` changed after `t`: its version at `t` (the old row of its first change after
-- `t`), NULL when it did not exist then or the caller could not see that version.
CREATE FUNCTION tidemark_changes_after(tbl text, t timestamptz) RETURNS TABLE (fid bigint, row_then jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH later AS (SELECT h.id, h.fid, h.old_row, h.new_row FROM tidemark_history h
                 WHERE h.table_name = tbl AND h.at > t AND tbl <> 'tidemark_settings'),
       first AS (SELECT DISTINCT ON (l.fid) l.fid, l.old_row FROM later l ORDER BY l.fid, l.id)
  SELECT f.fid, CASE WHEN tidemark_caller_sees(f.old_row) THEN f.old_row END FROM first f
  WHERE tidemark_caller_sees(f.old_row)
     OR EXISTS (SELECT 1 FROM later l WHERE l.fid = f.fid AND tidemark_caller_sees(l.new_row)) $$;
-- Migration 2's default privileges gave every member SELECT on the history table: take it back.
REVOKE ALL ON tidemark_history FROM PUBLIC;
DO $$
DECLARE r text;
BEGIN
  FOR r IN SELECT grantee FROM information_schema.role_table_grants
           WHERE table_schema = current_schema() AND table_name = 'tidemark_history' AND grantee <> current_user
  LOOP
    EXECUTE format('REVOKE ALL ON tidemark_history FROM %I', r);
  END LOOP;
END $$;
-- The settings rows changed after `t`, each as its first change after `t` found it (NULL: added later).
CREATE FUNCTION tidemark_settings_after(t timestamptz) RETURNS TABLE (key text, value_then text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT ON (coalesce(h.new_row, h.old_row)->>'key') coalesce(h.new_row, h.old_row)->>'key', h.old_row->>'value'
  FROM tidemark_history h WHERE h.table_name = 'tidemark_settings' AND h.at > t
  ORDER BY coalesce(h.new_row, h.old_row)->>'key', h.id $$;
)SQL",
                    error);
}

// Migration 6: coverage results and their parameters per agency (holds_agency_runs), Kraken reporter details kept to
// the owning agency (pg_reporters.h), live updates announced only to the agencies that see the
// row (migration 4 announced every change to everyone), and one row's history as the person may
// read it. Results stored before carry no owner: they stay for admins only (which
// tracks they came from is not known any more); each agency's next run is its own.
bool migration_6(PgConnection& conn, const geo::Crs&, std::string* error) {
    for (const char* name : {kSegmentsLayer, kGapsLayer, kForceSummaryLayer}) {
        auto shape = describe_table(conn, name, error);
        if (!shape) {
            if (!error->empty()) return false;
            continue;
        }
        if (shape->sharing) continue;
        shape->sharing = shape->runs = true;
        const std::string t = quote_ident(name);
        if (!conn.run("ALTER TABLE " + t + " ADD COLUMN owner_agency text, ADD COLUMN shared_with text[] NOT NULL "
                      "DEFAULT '{}'; ALTER TABLE " + t + " ALTER owner_agency SET DEFAULT tidemark_my_agency()",
                      error) ||
            !secure_agency_rows(conn, *shape, error) || !record_history(conn, name, error))
            return false;
    }
    // Live updates only to those who could see the row before or after the change (change_listener.h).
    if (!conn.run(R"SQL(
CREATE OR REPLACE FUNCTION tidemark_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
  o jsonb;
  payload text;
  audience text[];
  a text;
BEGIN
  IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
  o := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ELSE r END;
  payload := json_build_object('table', TG_TABLE_NAME, 'fid', (r->>'fid')::bigint,
                               'version', (r->>'version')::bigint, 'who', session_user)::text;
  IF NOT (r ? 'owner_agency') THEN  -- settings rows are everyone's
    PERFORM pg_notify('tidemark_changes', payload);
    RETURN NULL;
  END IF;
  SELECT array_agg(DISTINCT x) INTO audience FROM (
    SELECT o->>'owner_agency' UNION SELECT r->>'owner_agency'
    UNION SELECT jsonb_array_elements_text(coalesce(o->'shared_with', '[]'))
    UNION SELECT jsonb_array_elements_text(coalesce(r->'shared_with', '[]'))) s(x) WHERE x IS NOT NULL;
  IF 'all' = ANY (audience) THEN
    PERFORM pg_notify('tidemark_changes', payload);
    RETURN NULL;
  END IF;
  PERFORM pg_notify('tidemark_changes:admin', payload);
  FOREACH a IN ARRAY coalesce(audience, '{}') LOOP
    PERFORM pg_notify('tidemark_changes:' || a, payload);
  END LOOP;
  RETURN NULL;
END $$;
)SQL",
                  error))
        return false;
    // Each agency's run parameters (pg_coverage_runs.h); those kept in the settings before, which
    // every member read, become a run row only admins see.
    if (!create_table(conn, coverage_runs_shape(), "", error) || !record_history(conn, kCoverageRunsTable, error) ||
        !conn.run("INSERT INTO coverage_runs (parameters, owner_agency) SELECT (value::jsonb -> 'coverage')::text, NULL "
                  "FROM tidemark_settings WHERE key = 'settings' AND value::jsonb ? 'coverage'; "
                  "UPDATE tidemark_settings SET value = (value::jsonb - 'coverage')::text "
                  "WHERE key = 'settings' AND value::jsonb ? 'coverage'",
                  error))
        return false;
    // Reporter details of Kraken reports, the owning agency's only (pg_reporters.h).
    if (!create_reporters_table(conn, error)) return false;
    // Each change of the row, oldest first, with only the sides (old, new) the caller could see
    // then: a row shared with them later shows that it was changed, not what it said before.
    return conn.run(R"SQL(
CREATE FUNCTION tidemark_row_history(tbl text, row_fid bigint)
  RETURNS TABLE (at timestamptz, who text, agency text, action text, old_row jsonb, new_row jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT h.at, h.who, (SELECT m.agency FROM tidemark_members m WHERE m.login = h.who), h.action,
         CASE WHEN tidemark_caller_sees(h.old_row) THEN h.old_row END,
         CASE WHEN tidemark_caller_sees(h.new_row) THEN h.new_row END
  FROM tidemark_history h
  WHERE h.table_name = tbl AND h.fid = row_fid AND tbl <> 'tidemark_settings'
    AND (tidemark_caller_sees(h.old_row) OR tidemark_caller_sees(h.new_row))
  ORDER BY h.id $$;
)SQL",
                    error);
}

using Migration = std::function<bool(PgConnection&, const geo::Crs&, std::string*)>;
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {migration_1, migration_2, migration_3, migration_4, migration_5,
                                               migration_6};
    return all;
}
static_assert(kSchemaVersion == 6, "add the migration to migrations()");

}  // namespace

std::string read_role(PgConnection& conn) { return role_name(conn, "read"); }
std::string write_role(PgConnection& conn) { return role_name(conn, "write"); }
std::string agency_role(PgConnection& conn, const std::string& code) { return role_name(conn, code); }

std::optional<SchemaStatus> schema_status(PgConnection& conn, std::string* error) {
    error->clear();
    auto exists = conn.value("SELECT to_regclass('tidemark_schema') IS NOT NULL", error);
    if (!exists) return std::nullopt;
    SchemaStatus s;
    if (*exists != "t") return s;
    auto v = conn.value("SELECT coalesce(max(version), 0) FROM tidemark_schema", error);
    if (!v) return std::nullopt;
    s.version = std::stoi(*v);
    return s;
}

bool check_schema(PgConnection& conn, std::string* error) {
    auto s = schema_status(conn, error);
    if (!s) return false;
    if (s->version == 0) {
        *error = conn.server() + ": not a Tidemark team workspace; create it with `tidemark team init URL`";
        return false;
    }
    if (s->version > kSchemaVersion) {
        *error = conn.server() + ": the team workspace has schema version " + std::to_string(s->version) +
                 ", newer than this tidemark knows (" + std::to_string(kSchemaVersion) +
                 "); upgrade tidemark to use it. Nothing was changed";
        return false;
    }
    if (s->version < kSchemaVersion) {
        *error = conn.server() + ": the team workspace has schema version " + std::to_string(s->version) +
                 " and this tidemark needs " + std::to_string(kSchemaVersion) +
                 "; its owner upgrades it with `tidemark team init URL`";
        return false;
    }
    return true;
}

bool migrate(PgConnection& conn, const geo::Crs& crs, int* applied, std::string* error) {
    *applied = 0;
    for (;;) {
        if (!conn.begin(error)) return false;
        auto fail = [&] {
            conn.rollback();
            return false;
        };
        if (!conn.run(kMigrationLock, error) ||
            !conn.run("CREATE TABLE IF NOT EXISTS tidemark_schema (version int PRIMARY KEY, "
                      "applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT current_user)",
                      error))
            return fail();
        auto s = schema_status(conn, error);
        if (!s) return fail();
        if (s->version > kSchemaVersion) {
            conn.rollback();
            return check_schema(conn, error);  // says why
        }
        if (s->version == kSchemaVersion) {
            conn.rollback();
            return true;
        }
        const int next = s->version + 1;
        if (!migrations()[static_cast<std::size_t>(next - 1)](conn, crs, error)) {
            *error = "migration " + std::to_string(next) + " failed, nothing of it was applied: " + *error;
            return fail();
        }
        if (!conn.run("INSERT INTO tidemark_schema (version) VALUES ($1)", error, {std::to_string(next)}) ||
            !conn.commit(error))
            return fail();
        ++*applied;
    }
}

}  // namespace tidemark::layers::team
