// The app on a team workspace (File > Open with a postgresql:// URL), without a display: it shows
// what the login may see, saves a planner's edit, and keeps a viewer's refused edit unsaved in
// the app. Against the throwaway server; skipped without one.
#include "app/gui/app_state.h"
#include "geo/time.h"
#include "app/gui_team_fixture.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

using test::team_plan;

TEST(GuiTeam, APlannerOfAgencyBSeesTheSharedTaskOnlyAndSavesAnEdit) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    team_plan(db, dir);
    AppState app;
    app.view.rect = {0, 0, 1000, 800};
    std::string error;
    ASSERT_TRUE(app.open(db.url_as(db.login("kent")), &error)) << error;
    ASSERT_EQ(app.plan.editor.book().tasks.size(), 1u);
    EXPECT_EQ(app.plan.editor.book().tasks[0].id, 1);
    ASSERT_NE(app.workspace->find("plan_tasks"), nullptr);
    EXPECT_EQ(app.workspace->find("plan_tasks")->features().size(), 1u);  // the map draws one task

    ASSERT_EQ(app.apply_plan_edit("accept", [&](layers::plan::PlanBook& b) {
        return layers::plan::set_status(b, app.plan_context(1000), 1, layers::plan::TaskStatus::Accepted);
    }), "");
    ASSERT_TRUE(app.save(&error)) << error;
    EXPECT_FALSE(app.dirty());
    AppState owner;
    ASSERT_TRUE(owner.open(db.url(), &error)) << error;
    ASSERT_EQ(owner.plan.editor.book().tasks.size(), 2u);
    EXPECT_EQ(owner.plan.editor.book().tasks[0].status, layers::plan::TaskStatus::Accepted);
}

TEST(GuiTeam, AViewersEditIsRefusedByTheServerAndStaysUnsavedInTheApp) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    team_plan(db, dir);
    AppState app;
    app.view.rect = {0, 0, 1000, 800};
    std::string error;
    ASSERT_TRUE(app.open(db.url_as(db.login("viewer")), &error)) << error;
    ASSERT_EQ(app.apply_plan_edit("accept", [&](layers::plan::PlanBook& b) {
        return layers::plan::set_status(b, app.plan_context(1000), 1, layers::plan::TaskStatus::Accepted);
    }), "");
    EXPECT_FALSE(app.save(&error));
    EXPECT_NE(error.find("viewers change nothing"), std::string::npos) << error;
    EXPECT_TRUE(app.dirty());
    EXPECT_EQ(app.plan.editor.book().tasks[0].status, layers::plan::TaskStatus::Accepted);
    // Saved elsewhere by the user: the edit is kept.
    const std::string mine = dir.file("mine.gpkg");
    ASSERT_TRUE(app.save_as(mine, &error)) << error;
    AppState reopened;
    ASSERT_TRUE(reopened.open(mine, &error)) << error;
    EXPECT_EQ(reopened.plan.editor.book().tasks[0].status, layers::plan::TaskStatus::Accepted);
}

}  // namespace
}  // namespace tidemark::gui
