// A row's history as a person of agency B may read it (the Inspector's History): the changes of a
// task shared with B, with who made each; the values from before it was shared with B withheld;
// nothing of a task not shared with B, not even that it changed. Against the throwaway server.
#include "app/gui/app_state.h"
#include "app/gui/row_history_view.h"
#include "app/gui_team_fixture.h"
#include "layers/team/pg_connection.h"
#include "layers/team/row_history.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

using namespace tidemark;

namespace {


const layers::team::FieldChange* field(const layers::team::RecordedChange& c, const std::string& name) {
    auto it = std::find_if(c.fields.begin(), c.fields.end(), [&](const auto& f) { return f.field == name; });
    return it == c.fields.end() ? nullptr : &*it;
}

double now_s() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

}  // namespace

TEST(TeamRowHistory, AgencyBReadsTheChangesOfATaskSharedWithItAndNothingOfOneThatIsNot) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    test::team_plan(db, dir);  // task 1 (BFMC) shared with KENT after the push; task 2 (F2) not
    const std::string kent = db.login("kent"), as_kent = db.url_as(kent);
    const std::string status_before = test::pg_value(db.url(), "SELECT status FROM plan_tasks WHERE fid = 1");
    ASSERT_EQ(status_before, "proposed");
    const double before_edits = now_s();
    auto edit = test::run_tidemark({"plan", "task", "status", as_kent, "--task", "1", "accepted"});
    ASSERT_EQ(edit.exit_code, 0) << edit.err;
    auto owner_edit = test::run_tidemark({"plan", "task", "status", db.url(), "--task", "2", "accepted"});
    ASSERT_EQ(owner_edit.exit_code, 0) << owner_edit.err;

    std::string error;
    auto task1 = layers::team::read_row_history(as_kent, "plan_tasks", 1, &error);
    ASSERT_TRUE(task1) << error;
    ASSERT_EQ(task1->size(), 2u);
    // The share: a change Kent may know of, but not what the task said before it was shared.
    const auto& share = (*task1)[0];
    EXPECT_EQ(share.action, "changed");
    EXPECT_TRUE(share.before_hidden);
    ASSERT_NE(field(share, "shared with"), nullptr);
    EXPECT_EQ(field(share, "shared with")->before, "");
    EXPECT_EQ(field(share, "shared with")->after, "KENT");
    ASSERT_NE(field(share, "status"), nullptr);
    EXPECT_EQ(field(share, "status")->after, status_before);  // the task as Kent first saw it
    // Kent's own edit: who, when, and the field.
    const auto& done = (*task1)[1];
    EXPECT_EQ(done.who, kent);
    EXPECT_EQ(done.agency, "KENT");
    EXPECT_FALSE(done.before_hidden);
    EXPECT_GE(done.at, before_edits - 1);
    EXPECT_LE(done.at, now_s() + 1);
    ASSERT_NE(field(done, "status"), nullptr);
    EXPECT_EQ(field(done, "status")->before, status_before);
    EXPECT_EQ(field(done, "status")->after, "accepted");
    EXPECT_EQ(field(done, "shared with"), nullptr);  // unchanged: not listed

    // Task 2 is not Kent's to see: no change of it is named, though the owner changed it.
    auto task2 = layers::team::read_row_history(as_kent, "plan_tasks", 2, &error);
    ASSERT_TRUE(task2) << error;
    EXPECT_TRUE(task2->empty());
    auto owner_task2 = layers::team::read_row_history(db.url(), "plan_tasks", 2, &error);
    ASSERT_TRUE(owner_task2) << error;
    ASSERT_EQ(owner_task2->size(), 1u);
    ASSERT_NE(field((*owner_task2)[0], "status"), nullptr);
    EXPECT_EQ(field((*owner_task2)[0], "status")->after, "accepted");
    // And raw SQL as Kent cannot read the history table itself.
    EXPECT_NE(test::pg_value(as_kent, "SELECT count(*) FROM tidemark_history").find("permission denied"), std::string::npos);
}

// The Inspector's History in the app opened as Kent: read off the UI thread, newest change
// shown with who made it and the field as people read it; the share shows the task as Kent first
// saw it, without an arrow from values Kent never saw.
TEST(TeamRowHistory, TheAppsInspectorReadsTheSelectedTasksHistoryAsKentSeesIt) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    test::team_plan(db, dir);
    const std::string kent = db.login("kent");
    auto edit = test::run_tidemark({"plan", "task", "status", db.url_as(kent), "--task", "1", "accepted"});
    ASSERT_EQ(edit.exit_code, 0) << edit.err;
    gui::AppState app;
    std::string error;
    ASSERT_TRUE(app.open(db.url_as(kent), &error)) << error;
    const layers::Layer* tasks = app.workspace->find("plan_tasks");
    ASSERT_NE(tasks, nullptr);
    ASSERT_EQ(tasks->features().size(), 1u);
    app.row_history.request(app.workspace->path(), "plan_tasks", tasks->features()[0].fid);
    app.row_history.wait();
    ASSERT_TRUE(app.row_history.read());
    EXPECT_EQ(app.row_history.error(), "");
    const auto entries = gui::history_entries(app.row_history.changes(), gui::ForceNames(*app.workspace));
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_NE(entries[0].heading.find(" changed, shared with you"), std::string::npos) << entries[0].heading;
    EXPECT_TRUE(entries[0].values_only);
    EXPECT_FALSE(entries[1].values_only);
    EXPECT_NE(std::find(entries[0].fields.begin(), entries[0].fields.end(), "status: proposed"), entries[0].fields.end());
    EXPECT_NE(entries[1].heading.find(" UTC: " + kent + " (KENT) changed"), std::string::npos) << entries[1].heading;
    EXPECT_EQ(entries[1].fields, (std::vector<std::string>{"status: proposed \xE2\x86\x92 accepted"}));
}
