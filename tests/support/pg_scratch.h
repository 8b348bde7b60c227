// PostgreSQL for tests: `scripts/pg-throwaway.sh` (run by `make test` and .ci/run) starts a
// throwaway PostGIS cluster and puts its URL in TIDEMARK_TEST_PG_URL. Each test gets its own
// database (a copy of the template `tidemark`, which has PostGIS), dropped with every role it
// created when the test ends, so tests run in parallel. Without the variable the tests skip.
#pragma once

#include "layers/team/pg_connection.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <string>
#include <unistd.h>

namespace tidemark::test {

inline std::string pg_server_url() {
    const char* url = std::getenv("TIDEMARK_TEST_PG_URL");
    return url ? url : "";
}

// `url` with its database replaced by `db` and, when given, its user by `user`.
inline std::string pg_url_with(const std::string& url, const std::string& db, const std::string& user = {}) {
    const std::size_t scheme = url.find("://") + 3;
    const std::size_t at = url.find('@', scheme);
    std::string out = user.empty() || at == std::string::npos ? url : url.substr(0, scheme) + user + url.substr(at);
    const std::size_t slash = out.find('/', out.find("://") + 3);
    return out.substr(0, slash) + "/" + db;
}

class ScratchDatabase {
public:
    ScratchDatabase() {
        server_ = pg_server_url();
        if (server_.empty()) return;
        static std::atomic<int> counter{0};
        std::random_device rd;
        name_ = "tmt" + std::to_string(::getpid()) + "_" + std::to_string(rd() % 100000) + "_" + std::to_string(counter++);
        std::string error;
        auto admin = layers::team::PgConnection::open(pg_url_with(server_, "postgres"), &error);
        if (!admin || !admin->run("CREATE DATABASE " + name_ + " TEMPLATE tidemark", &error)) {
            error_ = error;
            name_.clear();
        }
    }
    ~ScratchDatabase() {
        if (name_.empty()) return;
        std::string error;
        auto admin = layers::team::PgConnection::open(pg_url_with(server_, "postgres"), &error);
        if (!admin) return;
        admin->run("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)", &error);
        // Roles are cluster-wide: the workspace's groups (tm_<db>_*) and the logins tests made (<db>_*).
        auto roles = admin->exec("SELECT rolname FROM pg_roles WHERE rolname LIKE $1 OR rolname LIKE $2", &error,
                                 {"tm_" + name_ + "\\_%", name_ + "\\_%"});
        for (int i = 0; roles && i < PQntuples(roles.get()); ++i)
            admin->run("DROP ROLE IF EXISTS " + layers::team::quote_ident(PQgetvalue(roles.get(), i, 0)), &error);
    }
    bool ok() const { return !name_.empty(); }
    const std::string& error() const { return error_; }
    const std::string& name() const { return name_; }
    // The superuser's URL of this database (the workspace owner in tests).
    std::string url() const { return pg_url_with(server_, name_); }
    // A login of this test (its name prefixed with the database's, so the drop above finds it).
    std::string login(const std::string& who) const { return name_ + "_" + who; }
    std::string url_as(const std::string& login) const { return pg_url_with(server_, name_, login); }

private:
    std::string server_, name_, error_;
};

// The value of `query` run by `url`'s login, "(null)" for NULL, or the server's error.
inline std::string pg_value(const std::string& url, const std::string& query) {
    std::string error;
    auto conn = layers::team::PgConnection::open(url, &error);
    if (!conn) return "(no connection: " + error + ")";
    auto v = conn->value(query, &error);
    return v.value_or(error.empty() ? "(null)" : error);
}

}  // namespace tidemark::test

// Skips the test, saying how to run it, when no PostgreSQL server is given.
#define TIDEMARK_REQUIRE_PG(db)                                                                         \
    if (::tidemark::test::pg_server_url().empty())                                                      \
        GTEST_SKIP() << "no PostgreSQL server: TIDEMARK_TEST_PG_URL is not set (run the tests through " \
                        "scripts/pg-throwaway.sh, as `make test` does)";                                \
    ::tidemark::test::ScratchDatabase db;                                                                \
    ASSERT_TRUE(db.ok()) << db.error()
