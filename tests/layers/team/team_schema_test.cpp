// Migrations of the team workspace against the throwaway server (skipped without one).
#include "layers/team/team_schema.h"
#include "support/pg_scratch.h"

using namespace tidemark;
using namespace tidemark::layers::team;

namespace {

int count(PgConnection& conn, const std::string& sql) {
    std::string error;
    auto v = conn.value(sql, &error);
    EXPECT_TRUE(v) << error;
    return v ? std::stoi(*v) : -1;
}

}  // namespace

TEST(TeamSchema, InitCreatesEverySchemaVersionOnceAndASecondRunIsANoOp) {
    TIDEMARK_REQUIRE_PG(db);
    std::string error;
    auto conn = PgConnection::open(db.url(), &error);
    ASSERT_TRUE(conn) << error;
    EXPECT_FALSE(check_schema(*conn, &error));
    EXPECT_NE(error.find("not a Tidemark team workspace"), std::string::npos) << error;

    int applied = -1;
    ASSERT_TRUE(migrate(*conn, geo::Crs::british_national_grid(), &applied, &error)) << error;
    EXPECT_EQ(applied, kSchemaVersion);
    EXPECT_EQ(count(*conn, "SELECT count(*) FROM tidemark_schema"), kSchemaVersion);
    EXPECT_TRUE(check_schema(*conn, &error)) << error;
    auto crs = conn->value("SELECT value FROM tidemark_settings WHERE key = 'crs'", &error);
    ASSERT_TRUE(crs);
    EXPECT_EQ(*crs, "EPSG:27700");
    const std::string store = *conn->value("SELECT value FROM tidemark_settings WHERE key = 'store'", &error);
    EXPECT_EQ(store.size(), 36u);  // a UUID

    ASSERT_TRUE(migrate(*conn, geo::Crs::british_national_grid(), &applied, &error)) << error;
    EXPECT_EQ(applied, 0);
    EXPECT_EQ(count(*conn, "SELECT count(*) FROM tidemark_schema"), kSchemaVersion);
    EXPECT_EQ(*conn->value("SELECT value FROM tidemark_settings WHERE key = 'store'", &error), store);
}

TEST(TeamSchema, ASchemaNewerThanTheBinaryIsRefusedAndLeftAsItIs) {
    TIDEMARK_REQUIRE_PG(db);
    std::string error;
    auto conn = PgConnection::open(db.url(), &error);
    ASSERT_TRUE(conn) << error;
    int applied = 0;
    ASSERT_TRUE(migrate(*conn, geo::Crs::british_national_grid(), &applied, &error)) << error;
    const int newer = kSchemaVersion + 1;
    ASSERT_TRUE(conn->run("INSERT INTO tidemark_schema (version) VALUES (" + std::to_string(newer) + ")", &error));

    EXPECT_FALSE(migrate(*conn, geo::Crs::british_national_grid(), &applied, &error));
    EXPECT_NE(error.find("schema version " + std::to_string(newer) + ", newer than this tidemark knows (" +
                         std::to_string(kSchemaVersion) + ")"),
              std::string::npos)
        << error;
    EXPECT_FALSE(check_schema(*conn, &error));
    EXPECT_EQ(count(*conn, "SELECT count(*) FROM tidemark_schema"), newer);
}

TEST(TeamSchema, AServerThatIsDownIsNamedWithoutThePassword) {
    // Port 1 on localhost: nothing listens there. Needs no server, so it always runs.
    std::string error;
    auto conn = PgConnection::open("postgresql://planner:s3cret@127.0.0.1:1/tidemark", &error);
    EXPECT_FALSE(conn);
    EXPECT_EQ(error.find("s3cret"), std::string::npos) << error;
    EXPECT_NE(error.find("postgresql://planner@127.0.0.1:1/tidemark: cannot connect"), std::string::npos) << error;
    EXPECT_NE(error.find("is the server running"), std::string::npos) << error;
}
