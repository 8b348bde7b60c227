// A team workspace holding the hand-worked plan of tests/layers/plan/plan_fixture.h (plan "P",
// tasks 1-3 accepted, version 1, no notes), pushed by the owner (the test server's superuser).
#pragma once

#include "layers/plan/plan_store.h"
#include "layers/team/pg_connection.h"
#include "layers/team/team_schema.h"
#include "support/pg_scratch.h"
#include "../plan/plan_fixture.h"

namespace tidemark::test {

inline void push_fixture_plan(const ScratchDatabase& db) {
    std::string error;
    auto conn = layers::team::PgConnection::open(db.url(), &error);
    ASSERT_TRUE(conn) << error;
    int applied = 0;
    ASSERT_TRUE(layers::team::migrate(*conn, geo::Crs::british_national_grid(), &applied, &error)) << error;
    ReconcileScenario s;
    layers::plan::store_plan_book(s.ws, s.book);
    ASSERT_TRUE(s.ws.save(&error, db.url())) << error;
}

}  // namespace tidemark::test
