// `--as-of T` as agency B (F1), whose view of a task changed over time: B reads the workspace as
// it could have read it at T — tasks shared with B only later, or shared and unshared again in
// between, show nothing of the versions B was not shown — and reproduces at Friday what B
// exported on Monday, byte for byte. The raw history stays the owner's. Against the throwaway
// server; skipped without one.
#include "team_as_of_plan_fixture.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::test;

TEST(TeamAsOfAgencyBCli, BReadsAsOfTOnlyTheVersionsSharedWithBThen) {
    TIDEMARK_REQUIRE_PG(db);
    ScratchDir dir;
    push_shared_plan(db, dir);
    const std::string owner = db.url(), b = db.url_as(db.login("f1"));
    // Before Monday: Border Force writes on its own task 1, which F1 does not see.
    pg_run(owner, "UPDATE plan_tasks SET notes = 'BF eyes only, before Monday' WHERE task_id = 1");
    const std::string monday = next_whole_second();
    auto b_monday = run_tidemark({"export", b, "-l", "plan_tasks", "-f", "csv", "-o", dir.file("b_monday.csv")});
    ASSERT_EQ(b_monday.exit_code, 0) << b_monday.err;

    // After Monday: task 1 is shared with F1 (as it stands, with the note); task 2 changes and is
    // then taken back from F1; task 3 is shared with F1 for a while, changed, and taken back.
    pg_run(owner, "UPDATE plan_tasks SET shared_with = '{F1}' WHERE task_id = 1");
    pg_run(owner, "UPDATE plan_tasks SET notes = 'changed after Monday' WHERE task_id = 2");
    pg_run(owner, "UPDATE plan_tasks SET shared_with = '{}' WHERE task_id = 2");
    pg_run(owner, "UPDATE plan_tasks SET shared_with = '{F1}' WHERE task_id = 3");
    pg_run(owner, "UPDATE plan_tasks SET notes = 'task 3 while F1 saw it' WHERE task_id = 3");
    pg_run(owner, "UPDATE plan_tasks SET shared_with = '{}' WHERE task_id = 3");

    // What F1 sees now: task 1 only.
    auto b_now = run_tidemark({"export", b, "-l", "plan_tasks", "-f", "csv", "-o", dir.file("b_now.csv")});
    ASSERT_EQ(b_now.exit_code, 0) << b_now.err;
    EXPECT_NE(file_bytes(dir.file("b_now.csv")).find("BF eyes only"), std::string::npos);

    // F1 as of Monday: exactly Monday's export (task 2 as it was), nothing of task 1's note,
    // which F1 was shown only later, and nothing of task 3.
    auto b_again = run_tidemark({"export", b, "--as-of", monday, "-l", "plan_tasks", "-f", "csv", "-o", dir.file("b_again.csv")});
    ASSERT_EQ(b_again.exit_code, 0) << b_again.err;
    const std::string again = file_bytes(dir.file("b_again.csv"));
    EXPECT_EQ(again, file_bytes(dir.file("b_monday.csv")));
    EXPECT_EQ(again.find("BF eyes only"), std::string::npos) << again;
    EXPECT_EQ(again.find("task 3"), std::string::npos) << again;
    EXPECT_EQ(again.find("changed after Monday"), std::string::npos) << again;
    EXPECT_NE(again.find("West launch"), std::string::npos) << again;  // task 2's asset: the export is not empty

    // The owner as of Monday sees all three tasks, task 1 with its note: the history is there,
    // F1 is kept from it.
    auto o_again = run_tidemark({"export", owner, "--as-of", monday, "-l", "plan_tasks", "-f", "csv", "-o", dir.file("o_again.csv")});
    ASSERT_EQ(o_again.exit_code, 0) << o_again.err;
    EXPECT_NE(file_bytes(dir.file("o_again.csv")).find("BF eyes only"), std::string::npos);
    EXPECT_NE(file_bytes(dir.file("o_again.csv")).find("HMC Test"), std::string::npos);

    // Raw SQL as F1: the history table is refused; the function people read it through gives no
    // version F1 was not shown: of every change since before the push, nothing of task 1's note
    // or task 3's, and as of Monday only task 2's old row.
    EXPECT_NE(pg_value(b, "SELECT count(*) FROM tidemark_history").find("permission denied"), std::string::npos);
    EXPECT_NE(pg_value(b, "WITH d AS (DELETE FROM tidemark_history RETURNING 1) SELECT count(*) FROM d").find("permission denied"),
              std::string::npos);  // nor may a planner rewrite it
    EXPECT_EQ(pg_value(b, "SELECT coalesce(string_agg(row_then::text, ''), '') FROM tidemark_changes_after('plan_tasks', '2000-01-01')")
                  .find("BF eyes only"),
              std::string::npos);
    EXPECT_EQ(pg_value(b, "SELECT coalesce(string_agg(row_then::text, ''), '') FROM tidemark_changes_after('plan_tasks', '2000-01-01')")
                  .find("task 3 while"),
              std::string::npos);
    EXPECT_EQ(pg_value(b, "SELECT string_agg(fid::text || ':' || (row_then IS NOT NULL)::text, ',' ORDER BY fid) "
                          "FROM tidemark_changes_after('plan_tasks', '" + monday + "')"),
              "1:false,2:true,3:false");
    // The owner's view of the same: task 1's version at Monday is there.
    EXPECT_EQ(pg_value(owner, "SELECT string_agg(fid::text || ':' || (row_then IS NOT NULL)::text, ',' ORDER BY fid) "
                              "FROM tidemark_changes_after('plan_tasks', '" + monday + "')"),
              "1:true,2:true,3:true");
}
