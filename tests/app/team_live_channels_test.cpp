// Live updates as agency B: Kent hears a change of the task shared with it and nothing of the
// task it may not see, not even its id. Against the throwaway server.
#include "app/gui_team_fixture.h"
#include "layers/team/change_listener.h"
#include "layers/team/pg_connection.h"

#include <gtest/gtest.h>

#include <chrono>

using namespace tidemark;

TEST(TeamLiveChannels, AgencyBHearsChangesOfRowsSharedWithItOnly) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    test::team_plan(db, dir);  // task 1 (BFMC) shared with KENT; task 2 (F2) not
    std::string error;
    auto kent = layers::team::ChangeListener::open(db.url_as(db.login("kent")), &error);
    ASSERT_TRUE(kent) << error;
    auto owner = layers::team::ChangeListener::open(db.url(), &error);
    ASSERT_TRUE(owner) << error;
    auto writer = layers::team::PgConnection::open(db.url(), &error);
    ASSERT_TRUE(writer) << error;
    ASSERT_TRUE(writer->run("UPDATE plan_tasks SET notes = 'hidden from Kent' WHERE fid = 2", &error)) << error;
    ASSERT_TRUE(writer->run("UPDATE plan_tasks SET notes = 'for Kent' WHERE fid = 1", &error)) << error;
    // Unsharing task 1 is announced to Kent too (Kent saw it before the change).
    ASSERT_TRUE(writer->run("UPDATE plan_tasks SET shared_with = '{}' WHERE fid = 1", &error)) << error;

    auto collect = [&](layers::team::ChangeListener& l) {
        std::vector<layers::team::RowChange> got;
        const auto start = std::chrono::steady_clock::now();
        while (std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) EXPECT_TRUE(l.wait(0.1, &got, &error)) << error;
        std::vector<std::int64_t> fids;
        for (const auto& c : got)
            if (c.table == "plan_tasks") fids.push_back(c.fid);
        return fids;
    };
    EXPECT_EQ(collect(*kent), (std::vector<std::int64_t>{1, 1}));
    EXPECT_EQ(collect(*owner), (std::vector<std::int64_t>{2, 1, 1}));  // the owner account is an admin
}
