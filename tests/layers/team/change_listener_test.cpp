// Live updates (skipped without the throwaway server): a second connection listening on the
// team workspace hears a committed change within 1 s, naming the table, row, version and who.
#include "layers/team/change_listener.h"
#include "layers/workspace.h"
#include "team_plan_fixture.h"

#include <chrono>
#include <iostream>

using namespace tidemark;
using namespace tidemark::layers;

namespace {

using Clock = std::chrono::steady_clock;

// Waits up to `limit_s` for a change of `table` row `fid`; the seconds it took, or nullopt.
std::optional<double> heard(team::ChangeListener& listener, const std::string& table, std::int64_t fid,
                            Clock::time_point since, double limit_s, team::RowChange* change) {
    std::string error;
    while (std::chrono::duration<double>(Clock::now() - since).count() < limit_s) {
        std::vector<team::RowChange> got;
        EXPECT_TRUE(listener.wait(0.05, &got, &error)) << error;
        for (const auto& c : got)
            if (c.table == table && c.fid == fid) {
                *change = c;
                return std::chrono::duration<double>(Clock::now() - since).count();
            }
    }
    return std::nullopt;
}

}  // namespace

TEST(ChangeListener, ASecondConnectionHearsACommittedTaskChangeWithinASecond) {
    TIDEMARK_REQUIRE_PG(db);
    test::push_fixture_plan(db);
    std::string error;
    auto listener = team::ChangeListener::open(db.url(), &error);
    ASSERT_TRUE(listener) << error;
    auto writer = team::PgConnection::open(db.url(), &error);
    ASSERT_TRUE(writer) << error;
    ASSERT_TRUE(writer->begin(&error));
    ASSERT_TRUE(writer->run("UPDATE plan_tasks SET notes = 'live', version = version + 1 WHERE fid = 2", &error)) << error;
    // Nothing is announced before the commit.
    std::vector<team::RowChange> early;
    ASSERT_TRUE(listener->wait(0.2, &early, &error)) << error;
    EXPECT_TRUE(early.empty());
    const auto commit = Clock::now();
    ASSERT_TRUE(writer->commit(&error)) << error;
    team::RowChange change;
    auto delay = heard(*listener, "plan_tasks", 2, commit, 1.0, &change);
    ASSERT_TRUE(delay) << "no notification within 1 s of the commit";
    std::cout << "notification delay after COMMIT: " << *delay * 1000 << " ms\n";
    RecordProperty("delay_ms", std::to_string(*delay * 1000));
    EXPECT_EQ(change.version, 2);
    EXPECT_EQ(change.who, writer->user());
}

TEST(ChangeListener, AWorkspaceSaveOfOneTaskIsHeardAsThatTask) {
    TIDEMARK_REQUIRE_PG(db);
    test::push_fixture_plan(db);
    std::string error;
    auto listener = team::ChangeListener::open(db.url(), &error);
    ASSERT_TRUE(listener) << error;
    auto ws = Workspace::open(db.url(), &error);
    ASSERT_TRUE(ws) << error;
    Layer* tasks = ws->find("plan_tasks");
    ASSERT_TRUE(tasks);
    const int notes = tasks->field_index("notes"), version = tasks->field_index("version");
    ASSERT_GE(notes, 0);
    tasks->row_versions = true;  // as store_plan_book marks it
    tasks->features()[0].values[static_cast<std::size_t>(notes)] = std::string("saved");
    tasks->features()[0].values[static_cast<std::size_t>(version)] = std::int64_t{2};
    const auto start = Clock::now();
    ASSERT_TRUE(ws->save(&error)) << error;
    team::RowChange change;
    EXPECT_TRUE(heard(*listener, "plan_tasks", tasks->features()[0].fid, start, 1.0, &change));
    EXPECT_EQ(change.version, 2);
    // Only that row was written: no other task is announced.
    std::vector<team::RowChange> more;
    ASSERT_TRUE(listener->wait(0.2, &more, &error)) << error;
    for (const auto& c : more) EXPECT_NE(c.table, "plan_tasks") << "row " << c.fid;
}
