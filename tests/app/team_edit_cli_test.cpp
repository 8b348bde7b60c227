// `tidemark plan task edit` on a team workspace racing another person's change (skipped without
// the throwaway server). The race is made deterministic: the test holds the team workspace's
// write lock, lets the CLI open the plan and queue on the lock, changes the same task as "kent_lo"
// in raw SQL, then lets the CLI's save go on.
#include "layers/team/pg_connection.h"
#include "support/test_support.h"
#include "../layers/team/team_plan_fixture.h"

#include <chrono>
#include <future>
#include <thread>

using namespace tidemark;
using tidemark::test::run_tidemark;

namespace {

// Runs `args` while another connection holds the write lock; once the CLI waits for it, runs
// `their_change` on that connection and commits (releasing the lock).
test::CommandResult race(const test::ScratchDatabase& db, const std::vector<std::string>& args,
                         const std::string& their_change) {
    std::string error;
    auto other = layers::team::PgConnection::open(db.url(), &error);
    EXPECT_TRUE(other) << error;
    if (!other) return {};
    EXPECT_TRUE(other->begin(&error) && other->run("SELECT pg_advisory_xact_lock(7469646502)", &error)) << error;
    auto cli = std::async(std::launch::async, [&] { return run_tidemark(args); });
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
        auto waiting = other->value("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND "
                                    "database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                                    &error);
        if (waiting && *waiting != "0") break;
        if (std::chrono::steady_clock::now() > give_up ||
            cli.wait_for(std::chrono::milliseconds(50)) == std::future_status::ready) {
            ADD_FAILURE() << "the CLI never queued on the write lock";
            break;
        }
    }
    EXPECT_TRUE(other->run(their_change, &error) && other->commit(&error)) << error;
    return cli.get();
}

const char* kKentChangesNotes =
    "UPDATE plan_tasks SET notes = 'Kent: slipway closed', version = version + 1, updated_by = 'kent_lo', "
    "updated_at = '2026-03-02T09:00:00Z' WHERE fid = 1";

}  // namespace

TEST(TeamEditCli, AnEditOfTheFieldAnotherPersonChangedMeanwhileExits1NamingTheValuesAndWho) {
    TIDEMARK_REQUIRE_PG(db);
    test::push_fixture_plan(db);
    auto r = race(db, {"plan", "task", "edit", db.url(), "--task", "1", "--notes", "BF: two crews"}, kKentChangesNotes);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find("row 1 of plan_tasks: changed by kent_lo at 2026-03-02T09:00:00Z (version 2) since you read "
                         "version 1; both changed notes: base '', theirs 'Kent: slipway closed', mine 'BF: two crews'"),
              std::string::npos)
        << r.err;
    auto now = run_tidemark({"plan", "task", "list", db.url(), "--plan", "P"});
    ASSERT_EQ(now.exit_code, 0) << now.err;
    std::string error;
    auto conn = layers::team::PgConnection::open(db.url(), &error);
    ASSERT_TRUE(conn) << error;
    EXPECT_EQ(conn->value("SELECT notes || ' v' || version FROM plan_tasks WHERE fid = 1", &error).value_or(error),
              "Kent: slipway closed v2");
}

TEST(TeamEditCli, AnEditOfAnotherFieldMergesWithTheChangeMadeMeanwhile) {
    TIDEMARK_REQUIRE_PG(db);
    test::push_fixture_plan(db);
    auto r = race(db, {"plan", "task", "edit", db.url(), "--task", "1", "--to", "2026-03-02T06:00:00Z"}, kKentChangesNotes);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(r.out, "task 1 is now version 3 (merged with another person's change to other fields, made meanwhile)\n");
    std::string error;
    auto conn = layers::team::PgConnection::open(db.url(), &error);
    ASSERT_TRUE(conn) << error;
    EXPECT_EQ(conn->value("SELECT to_char(window_to AT TIME ZONE 'UTC', 'HH24:MI') || ' / ' || notes || ' v' || version FROM plan_tasks WHERE fid = 1", &error)
                  .value_or(error),
              "06:00 / Kent: slipway closed v3");
}
