// Live updates in the app (AppState, no display) on a team workspace: a change another person
// commits is heard by the app's listener and taken into its plan and map; an unsaved edit here is
// never overwritten; the app's own save does not come back as someone else's change. Against the
// throwaway server; skipped without one.
#include "app/gui/app_state.h"
#include "app/gui_team_fixture.h"
#include "layers/plan/plan_store.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace tidemark::gui {
namespace {

namespace plan = layers::plan;
using Clock = std::chrono::steady_clock;

// Border Force's planner too (the fixture makes Kent's people only).
void add_border_force_planner(const test::ScratchDatabase& db) {
    for (const std::vector<std::string>& step :
         {std::vector<std::string>{"team", "agency", "add", db.url(), "BFMC", "Border Force Maritime Command"},
          std::vector<std::string>{"team", "user", "add", db.url(), db.login("bf"), "--agency", "BFMC"}}) {
        auto r = test::run_tidemark(step);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
}

const plan::Task* task(const AppState& app, std::int64_t id) {
    for (const plan::Task& t : app.plan.book().tasks)
        if (t.id == id) return &t;
    return nullptr;
}

plan::EditError edit_notes(AppState& app, std::int64_t id, const std::string& notes) {
    return app.apply_plan_edit("notes", [&](plan::PlanBook& b) {
        const plan::Task* t = nullptr;
        for (const plan::Task& x : b.tasks)
            if (x.id == id) t = &x;
        if (!t) return plan::EditError{"no task"};
        plan::Task edited = *t;
        edited.notes = notes;
        return plan::edit_task(b, app.plan_context(1000), edited, t->version);
    });
}

// Lands live updates (as the main loop's poll_background does) until `done` or 5 s.
template <class Done>
bool land_until(AppState& app, Done done) {
    const auto until = Clock::now() + std::chrono::seconds(5);
    while (Clock::now() < until) {
        app.poll_background();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

// Waits until the listener heard more than `before` notifications and the burst is over.
bool heard_more_than(const AppState& app, std::uint64_t before) {
    const auto until = Clock::now() + std::chrono::seconds(5);
    while (Clock::now() < until && app.live.received() <= before) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the rest of that commit's notifications
    return app.live.received() > before;
}

TEST(GuiLive, ATaskChangeCommittedByAnotherPersonAppearsInTheOpenApp) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    test::team_plan(db, dir);
    add_border_force_planner(db);
    AppState bf, kent;
    bf.view.rect = kent.view.rect = {0, 0, 1000, 800};
    std::string error;
    ASSERT_TRUE(bf.open(db.url_as(db.login("bf")), &error)) << error;
    ASSERT_TRUE(bf.live.running()) << bf.live_error;
    ASSERT_TRUE(kent.open(db.url_as(db.login("kent")), &error)) << error;
    ASSERT_NE(task(bf, 1), nullptr);
    ASSERT_EQ(task(bf, 1)->status, plan::TaskStatus::Proposed);
    const std::uint64_t drawn = bf.revision(plan::kTasksLayer);

    ASSERT_EQ(kent.apply_plan_edit("accept", [&](plan::PlanBook& b) {
        return plan::set_status(b, kent.plan_context(1000), 1, plan::TaskStatus::Accepted);
    }), "");
    ASSERT_TRUE(kent.save(&error)) << error;
    const auto saved = Clock::now();
    ASSERT_TRUE(land_until(bf, [&] { return task(bf, 1)->status == plan::TaskStatus::Accepted; }))
        << bf.status << " / " << bf.live_error;
    std::printf("[ measured ] Kent's save to Border Force's plan in the app: %.0f ms\n",
                std::chrono::duration<double, std::milli>(Clock::now() - saved).count());
    EXPECT_EQ(task(bf, 1)->updated_by, db.login("kent"));
    EXPECT_EQ(task(bf, 1)->version, 2);
    // The map redraws the task layer, which holds the stored row; nothing is unsaved here.
    EXPECT_NE(bf.revision(plan::kTasksLayer), drawn);
    const layers::Layer* tasks = bf.workspace->find(plan::kTasksLayer);
    ASSERT_NE(tasks, nullptr);
    bool accepted_on_map = false;
    for (const layers::Feature& f : tasks->features())
        if (f.fid == 1) accepted_on_map = layers::to_string(tasks->value(f, "status")) == "accepted";
    EXPECT_TRUE(accepted_on_map);
    EXPECT_FALSE(bf.dirty());
    EXPECT_TRUE(bf.workspace->unsaved_changes().empty());
    EXPECT_NE(bf.status.find(db.login("kent")), std::string::npos) << bf.status;
}

TEST(GuiLive, UnsavedEditsHereAreKeptAndSavedWithTheOtherPersonsChange) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    test::team_plan(db, dir);
    add_border_force_planner(db);
    AppState bf, kent;
    std::string error;
    ASSERT_TRUE(bf.open(db.url_as(db.login("bf")), &error)) << error;
    ASSERT_TRUE(kent.open(db.url_as(db.login("kent")), &error)) << error;
    // Unsaved here: notes of task 1 (which Kent also changes, another field) and of task 2.
    ASSERT_EQ(edit_notes(bf, 1, "BF: two crews"), "");
    ASSERT_EQ(edit_notes(bf, 2, "BF: task 2"), "");
    ASSERT_TRUE(bf.dirty());

    ASSERT_EQ(kent.apply_plan_edit("accept", [&](plan::PlanBook& b) {
        return plan::set_status(b, kent.plan_context(1000), 1, plan::TaskStatus::Accepted);
    }), "");
    const std::uint64_t before = bf.live.received();
    ASSERT_TRUE(kent.save(&error)) << error;
    ASSERT_TRUE(heard_more_than(bf, before));
    bf.poll_background();
    // Task 1 was edited here: kept as edited (status as read), not overwritten by Kent's row.
    EXPECT_EQ(task(bf, 1)->notes, "BF: two crews");
    EXPECT_EQ(task(bf, 1)->status, plan::TaskStatus::Proposed);
    EXPECT_EQ(task(bf, 2)->notes, "BF: task 2");
    EXPECT_TRUE(bf.dirty());
    EXPECT_NE(bf.status.find("kept as you edited"), std::string::npos) << bf.status;

    // Saving merges field by field against Kent's row: both changes land.
    ASSERT_TRUE(bf.save(&error)) << error;
    AppState reader;
    ASSERT_TRUE(reader.open(db.url(), &error)) << error;
    ASSERT_NE(task(reader, 1), nullptr);
    EXPECT_EQ(task(reader, 1)->notes, "BF: two crews");
    EXPECT_EQ(task(reader, 1)->status, plan::TaskStatus::Accepted);
    EXPECT_EQ(task(reader, 2)->notes, "BF: task 2");
}

TEST(GuiLive, ARowNotEditedHereIsTakenInBesideAnUnsavedEditOfAnother) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    test::team_plan(db, dir);
    add_border_force_planner(db);
    AppState bf, kent;
    std::string error;
    ASSERT_TRUE(bf.open(db.url_as(db.login("bf")), &error)) << error;
    ASSERT_TRUE(kent.open(db.url_as(db.login("kent")), &error)) << error;
    ASSERT_EQ(edit_notes(bf, 2, "BF: task 2"), "");
    ASSERT_EQ(edit_notes(kent, 1, "Kent: slipway closed"), "");
    ASSERT_TRUE(kent.save(&error)) << error;
    ASSERT_TRUE(land_until(bf, [&] { return task(bf, 1)->notes == "Kent: slipway closed"; })) << bf.status;
    EXPECT_EQ(task(bf, 2)->notes, "BF: task 2");  // the unsaved edit stays
    EXPECT_TRUE(bf.dirty());
    // The next save sends task 2 only, against the version it was read at.
    const std::vector<std::string> unsaved = bf.workspace->unsaved_changes();
    ASSERT_EQ(unsaved.size(), 1u);
    EXPECT_EQ(unsaved[0], "layer 'plan_tasks' (1 row(s))");
    ASSERT_TRUE(bf.save(&error)) << error;
    AppState reader;
    ASSERT_TRUE(reader.open(db.url(), &error)) << error;
    EXPECT_EQ(task(reader, 1)->notes, "Kent: slipway closed");
    EXPECT_EQ(task(reader, 2)->notes, "BF: task 2");
}

TEST(GuiLive, TheAppsOwnSaveChangesNothingWhenItComesBack) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    test::team_plan(db, dir);
    add_border_force_planner(db);
    AppState bf;
    std::string error;
    ASSERT_TRUE(bf.open(db.url_as(db.login("bf")), &error)) << error;
    ASSERT_EQ(edit_notes(bf, 2, "BF: task 2"), "");
    const std::uint64_t before = bf.live.received();
    ASSERT_TRUE(bf.save(&error)) << error;
    ASSERT_TRUE(heard_more_than(bf, before));
    const std::uint64_t drawn = bf.revision(plan::kTasksLayer);
    EXPECT_EQ(bf.land_live_updates(), 0u);
    EXPECT_EQ(bf.revision(plan::kTasksLayer), drawn);
    EXPECT_EQ(bf.plan.editor.undo_label(), "notes");  // the undo history is kept
}

}  // namespace
}  // namespace tidemark::gui
