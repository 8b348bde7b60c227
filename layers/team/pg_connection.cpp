#include "layers/team/pg_connection.h"

#include <algorithm>
#include <cstring>

namespace tidemark::layers::team {
namespace {

std::string trimmed(const char* text) {
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    // libpq prefixes "ERROR:  "; the caller says it is an error.
    for (const char* prefix : {"ERROR:  ", "FATAL:  "})
        if (s.rfind(prefix, 0) == 0) s = s.substr(std::strlen(prefix));
    return s;
}

// What a person can do about a failed connection, from libpq's message.
std::string advice(const std::string& message) {
    if (message.find("password authentication failed") != std::string::npos ||
        message.find("no password supplied") != std::string::npos)
        return "check the password in PGPASSFILE or ~/.pgpass (host:port:db:user:password, mode 0600) "
               "or PGPASSWORD; passwords are never taken on the command line";
    if (message.find("Connection refused") != std::string::npos || message.find("could not connect") != std::string::npos ||
        message.find("timeout expired") != std::string::npos)
        return "is the server running and is the host and port right? Nothing was changed";
    if (message.find("does not exist") != std::string::npos)
        return "ask the team workspace's administrator for the right login and database name";
    return "check the URL (postgresql://user@host:port/database)";
}

}  // namespace

bool is_pg_url(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string redact_url(const std::string& url) {
    std::string out = url;
    // postgresql://user:secret@host → postgresql://user@host
    const std::size_t scheme = out.find("://");
    if (scheme != std::string::npos) {
        const std::size_t start = scheme + 3;
        const std::size_t at = out.find('@', start), slash = out.find('/', start);
        if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
            const std::size_t colon = out.find(':', start);
            if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
        }
    }
    // ...?password=secret&x=y → ...?x=y
    const std::size_t query = out.find('?');
    if (query != std::string::npos) {
        const std::size_t pw = out.find("password=", query);
        if (pw != std::string::npos && (out[pw - 1] == '?' || out[pw - 1] == '&')) {
            const std::size_t end = out.find('&', pw);
            if (end == std::string::npos)
                out.erase(pw - 1);
            else
                out.erase(pw, end - pw + 1);
        }
    }
    return out;
}

std::string url_login(const std::string& url) {
    if (!is_pg_url(url)) return {};
    const std::size_t start = url.find("://") + 3;
    const std::size_t at = url.find('@', start), slash = url.find('/', start);
    if (at == std::string::npos || (slash != std::string::npos && slash < at)) return {};
    return url.substr(start, std::min(at, url.find(':', start)) - start);
}

std::optional<PgConnection> PgConnection::open(const std::string& url, std::string* error) {
    // connect_timeout: a server that is down is reported in seconds, not minutes.
    const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const char* values[] = {url.c_str(), "10", "tidemark", nullptr};
    PGconn* c = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
    const std::string shown = redact_url(url);
    if (!c) {
        *error = shown + ": cannot connect: out of memory";
        return std::nullopt;
    }
    if (PQstatus(c) != CONNECTION_OK) {
        const std::string message = trimmed(PQerrorMessage(c));
        PQfinish(c);
        *error = shown + ": cannot connect (" + message + "); " + advice(message);
        return std::nullopt;
    }
    std::string server = std::string(PQuser(c)) + "@" + PQhost(c) + ":" + PQport(c) + "/" + PQdb(c);
    PgConnection conn(c, std::move(server));
    // UTC text times, shortest exact float text, no notices on stderr.
    if (!conn.run("SET TimeZone = 'UTC'; SET extra_float_digits = 3; SET client_min_messages = error", error))
        return std::nullopt;
    return conn;
}

PgResult PgConnection::exec(const std::string& sql, std::string* error, const PgParams& params, bool binary) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PgResult r(params.empty() && !binary
                   ? PQexec(conn_.get(), sql.c_str())
                   : PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                  nullptr, nullptr, binary ? 1 : 0));
    const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN) return r;
    // The server's primary message (and detail): not the PL/pgSQL CONTEXT lines.
    const char* primary = r ? PQresultErrorField(r.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char* detail = r ? PQresultErrorField(r.get(), PG_DIAG_MESSAGE_DETAIL) : nullptr;
    std::string message = primary ? std::string(primary) + (detail ? std::string(" (") + detail + ")" : "")
                                  : trimmed(r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_.get()));
    if (PQstatus(conn_.get()) == CONNECTION_BAD)
        message += " (the connection to the server was lost; nothing of this change was committed)";
    *error = server_ + ": " + message;
    return nullptr;
}

bool PgConnection::run(const std::string& sql, std::string* error, const PgParams& params) {
    return exec(sql, error, params) != nullptr;
}

std::optional<std::string> PgConnection::value(const std::string& sql, std::string* error, const PgParams& params) {
    PgResult r = exec(sql, error, params);
    if (!r || PQntuples(r.get()) == 0 || PQgetisnull(r.get(), 0, 0)) return std::nullopt;
    return std::string(PQgetvalue(r.get(), 0, 0));
}

bool PgConnection::copy_in(const std::string& copy_sql, const std::string& data, std::string* error) {
    PgResult start = exec(copy_sql, error);
    if (!start) return false;
    if (PQresultStatus(start.get()) != PGRES_COPY_IN) {
        *error = server_ + ": " + copy_sql + " did not start a COPY";
        return false;
    }
    // Sent in 1 MiB pieces: libpq buffers what it cannot send at once.
    constexpr std::size_t kPiece = 1 << 20;
    for (std::size_t at = 0; at < data.size(); at += kPiece) {
        const int n = static_cast<int>(std::min(kPiece, data.size() - at));
        if (PQputCopyData(conn_.get(), data.data() + at, n) != 1) {
            *error = server_ + ": sending rows failed: " + trimmed(PQerrorMessage(conn_.get()));
            return false;
        }
    }
    if (PQputCopyEnd(conn_.get(), nullptr) != 1) {
        *error = server_ + ": ending COPY failed: " + trimmed(PQerrorMessage(conn_.get()));
        return false;
    }
    bool ok = true;
    while (PGresult* raw = PQgetResult(conn_.get())) {
        PgResult r(raw);
        if (PQresultStatus(raw) != PGRES_COMMAND_OK) {
            const char* primary = PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY);
            const char* context = PQresultErrorField(raw, PG_DIAG_CONTEXT);  // names the COPY line
            *error = server_ + ": " + (primary ? std::string(primary) : trimmed(PQresultErrorMessage(raw))) +
                     (context ? std::string(" (") + context + ")" : "");
            ok = false;
        }
    }
    return ok;
}

void PgConnection::rollback() {
    PgResult r(PQexec(conn_.get(), "ROLLBACK"));
}

std::string PgConnection::last_message() const { return trimmed(PQerrorMessage(conn_.get())); }

std::string quote_ident(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string quote_literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

}  // namespace tidemark::layers::team
