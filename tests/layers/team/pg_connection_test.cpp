// URL handling that needs no server: what messages show and who a URL names.
#include "layers/team/pg_connection.h"

#include <gtest/gtest.h>

using namespace tidemark::layers::team;

TEST(PgUrl, PasswordsAreCutOutOfWhatIsShown) {
    EXPECT_EQ(redact_url("postgresql://kent_lo:s3cret@db.example:5432/tidemark"), "postgresql://kent_lo@db.example:5432/tidemark");
    EXPECT_EQ(redact_url("postgresql://kent_lo@db.example/tidemark?password=s3cret&sslmode=require"),
              "postgresql://kent_lo@db.example/tidemark?sslmode=require");
    EXPECT_EQ(redact_url("postgresql://db.example:5432/tidemark"), "postgresql://db.example:5432/tidemark");
}

TEST(PgUrl, TheLoginIsTheUserPartWithoutPassword) {
    EXPECT_EQ(url_login("postgresql://kent_lo@db.example:5432/tidemark"), "kent_lo");
    EXPECT_EQ(url_login("postgres://kent_lo:s3cret@db.example/tidemark"), "kent_lo");
    EXPECT_EQ(url_login("postgresql://db.example:5432/tidemark"), "");
    EXPECT_EQ(url_login("ws.gpkg"), "");
    EXPECT_TRUE(is_pg_url("postgres://h/db"));
    EXPECT_FALSE(is_pg_url("/tmp/postgresql://x.gpkg"));
}
