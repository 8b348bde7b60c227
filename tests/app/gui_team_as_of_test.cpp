// The app's time travel on a team workspace (File > View as of / Back to live), without a
// display: Kent views the workspace as known on "Monday" — the task as it was then, not a task
// shared with Kent only later — read-only (no plan edit, no save, no live updates), and goes
// back to live. Against the throwaway server; skipped without one.
#include "app/gui/app_state.h"
#include "app/gui_team_fixture.h"
#include "team_as_of_plan_fixture.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

std::vector<std::string> task_notes(const AppState& app) {
    std::vector<std::string> notes;
    for (const auto& t : app.plan.editor.book().tasks) notes.push_back(std::to_string(t.id) + ":" + t.notes);
    return notes;
}

TEST(GuiTeamAsOf, KentViewsMondayReadOnlyAndGoesBackToLive) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    test::team_plan(db, dir);
    test::pg_run(db.url(), "UPDATE plan_tasks SET notes = 'Monday note' WHERE fid = 1");
    const std::string monday = test::next_whole_second();
    test::pg_run(db.url(), "UPDATE plan_tasks SET notes = 'Tuesday note' WHERE fid = 1");
    test::pg_run(db.url(), "UPDATE plan_tasks SET shared_with = '{KENT}', notes = 'F2 task, shared Tuesday' WHERE fid = 2");

    AppState app;
    app.view.rect = {0, 0, 1000, 800};
    std::string error;
    ASSERT_TRUE(app.open(db.url_as(db.login("kent")), &error)) << error;
    EXPECT_EQ(task_notes(app), (std::vector<std::string>{"1:Tuesday note", "2:F2 task, shared Tuesday"}));
    EXPECT_TRUE(app.live.running());

    ASSERT_TRUE(app.open_as_of(*geo::parse_iso8601(monday), &error)) << error;
    EXPECT_EQ(task_notes(app), (std::vector<std::string>{"1:Monday note"}));  // task 2 was not Kent's to see then
    EXPECT_EQ(app.workspace->find("plan_tasks")->features().size(), 1u);           // nor is it on the map
    EXPECT_NE(app.as_of_banner().find("as known at " + monday + ": read-only"), std::string::npos) << app.as_of_banner();
    EXPECT_FALSE(app.live.running());  // the past does not change
    // Read-only: a plan edit and a save are refused, saying why.
    const auto refused = app.apply_plan_edit("accept", [&](layers::plan::PlanBook& b) {
        return layers::plan::set_status(b, app.plan_context(1000), 1, layers::plan::TaskStatus::Done);
    });
    EXPECT_NE(refused.find("Back to live"), std::string::npos) << refused;
    EXPECT_FALSE(app.dirty());
    EXPECT_FALSE(app.save(&error));
    EXPECT_NE(error.find("read-only"), std::string::npos) << error;
    EXPECT_EQ(test::pg_value(db.url(), "SELECT notes FROM plan_tasks WHERE fid = 1"), "Tuesday note");
    // A time not come yet is refused and the view of Monday stays.
    EXPECT_FALSE(app.open_as_of(4102444800, &error));  // 2100
    EXPECT_NE(error.find("has not come yet"), std::string::npos) << error;
    EXPECT_TRUE(app.as_of().has_value());

    ASSERT_TRUE(app.back_to_live(&error)) << error;
    EXPECT_FALSE(app.as_of().has_value());
    EXPECT_EQ(app.as_of_banner(), "");
    EXPECT_EQ(task_notes(app), (std::vector<std::string>{"1:Tuesday note", "2:F2 task, shared Tuesday"}));
    EXPECT_TRUE(app.live.running());
}

TEST(GuiTeamAsOf, AGeoPackageHasNoPastToView) {
    test::ScratchDir dir;
    layers::Workspace w = test::plan_fixture_workspace();
    std::string error;
    ASSERT_TRUE(w.save(&error, dir.file("ws.gpkg"))) << error;
    AppState app;
    ASSERT_TRUE(app.open(dir.file("ws.gpkg"), &error)) << error;
    EXPECT_FALSE(app.open_as_of(1772409600, &error));
    EXPECT_NE(error.find("keeps no history"), std::string::npos) << error;
    EXPECT_FALSE(app.as_of().has_value());
}

}  // namespace
}  // namespace tidemark::gui
