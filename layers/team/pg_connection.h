// A libpq connection in RAII form. Opened from a libpq connection URI
// (postgresql://user@host:port/db); the password never appears on the command line: libpq takes
// it from PGPASSFILE / ~/.pgpass or PGPASSWORD. Errors name the server (user@host:port/db, never
// a password) and say what to do.
#pragma once

#include <postgresql/libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers::team {

// True for "postgresql://..." and "postgres://..." locations.
bool is_pg_url(const std::string& location);

// The login of a postgresql://login@host/db URL; "" when it names none (libpq then uses PGUSER or
// the system user).
std::string url_login(const std::string& url);

// `url` with any password removed, for messages and logs.
std::string redact_url(const std::string& url);

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

// Parameters are text (nullopt is SQL NULL).
using PgParams = std::vector<std::optional<std::string>>;

class PgConnection {
public:
    // nullopt with `error` naming the server and what to do (server down, no such role or
    // database, wrong password, PostGIS missing is reported by the schema check, not here).
    static std::optional<PgConnection> open(const std::string& url, std::string* error);

    PgConnection(PgConnection&&) noexcept = default;
    PgConnection& operator=(PgConnection&&) noexcept = default;

    // user@host:port/db as connected.
    const std::string& server() const { return server_; }
    std::string user() const { return PQuser(conn_.get()); }

    // Runs `sql`; null with `error` = "<server>: <what failed>: <server's message>" on failure.
    // Results are text unless `binary`.
    PgResult exec(const std::string& sql, std::string* error, const PgParams& params = {}, bool binary = false);
    // As exec, for statements whose result is not needed.
    bool run(const std::string& sql, std::string* error, const PgParams& params = {});

    // COPY ... FROM STDIN with `data` in COPY text format (see copy_text.h).
    bool copy_in(const std::string& copy_sql, const std::string& data, std::string* error);

    // Single-value query: the first column of the first row, nullopt when no row or NULL.
    std::optional<std::string> value(const std::string& sql, std::string* error, const PgParams& params = {});

    bool begin(std::string* error) { return run("BEGIN", error); }
    bool commit(std::string* error) { return run("COMMIT", error); }
    void rollback();  // never fails loudly: used on error paths

    // The server's message for the last failure (libpq's, trimmed).
    std::string last_message() const;

    PGconn* raw() { return conn_.get(); }

private:
    struct ConnDeleter {
        void operator()(PGconn* c) const { PQfinish(c); }
    };
    PgConnection(PGconn* c, std::string server) : conn_(c), server_(std::move(server)) {}
    std::unique_ptr<PGconn, ConnDeleter> conn_;
    std::string server_;
};

// SQL identifier and literal quoting (double quotes / single quotes, doubled inside).
std::string quote_ident(const std::string& name);
std::string quote_literal(const std::string& text);

}  // namespace tidemark::layers::team
