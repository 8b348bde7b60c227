// The app on a team workspace (File > Open with a postgresql:// URL), without a display: it shows
// what the login may see, saves a planner's edit, and keeps a viewer's refused edit unsaved in
// the app. Against the throwaway server; skipped without one.
#include "app/gui/app_state.h"
#include "geo/time.h"
#include "layers/plan/plan_fixture.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

using test::kDay0;
using test::run_tidemark;

// A plan with tasks 1 (BFMC) and 2 (F2) pushed as Border Force's; the plan shared with all,
// task 1 with KENT; a KENT planner and a KENT viewer.
void team_plan(const test::ScratchDatabase& db, const test::ScratchDir& dir) {
    const std::string ws = dir.file("ws.gpkg");
    layers::Workspace w = test::plan_fixture_workspace();
    std::string error;
    ASSERT_TRUE(w.save(&error, ws)) << error;
    const std::string day0 = geo::format_iso8601(kDay0), day1 = geo::format_iso8601(kDay0 + 86400);
    std::vector<std::vector<std::string>> steps = {
        {"plan", "new", ws, "--name", "P", "--from", day0, "--to", day1},
        {"plan", "task", "add", ws, "--plan", "P", "--agency", "BFMC", "--segments", "0-4", "--from", day0, "--to", day1},
        {"plan", "task", "add", ws, "--plan", "P", "--agency", "F2", "--segments", "5-9", "--from", day0, "--to", day1},
        {"team", "init", db.url()},
        {"team", "push", ws, db.url(), "--owner", "BFMC"},
        {"team", "agency", "add", db.url(), "KENT", "Kent Police"},
        {"team", "user", "add", db.url(), db.login("kent"), "--agency", "KENT"},
        {"team", "user", "add", db.url(), db.login("viewer"), "--agency", "KENT", "--role", "viewer"},
        {"team", "share", db.url(), "plans", "--with", "all"},
        {"team", "share", db.url(), "plan_responsibility", "--with", "all"},
        {"team", "share", db.url(), "plan_tasks", "--with", "KENT", "--fid", "1"}};
    for (const auto& step : steps) {
        auto r = run_tidemark(step);
        ASSERT_EQ(r.exit_code, 0) << step[0] << " " << step[1] << ": " << r.err;
    }
}

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
    EXPECT_EQ(app.workspace->find("plan_tasks")->features.size(), 1u);  // the map draws one task

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
