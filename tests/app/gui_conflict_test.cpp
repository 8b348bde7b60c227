// The conflict dialog's logic in the app (AppState, no display) on a team workspace: Border Force
// and Kent change the same field of one task; Kent saves first; Border Force's save is refused and
// the app holds base / theirs / mine per field; the choices made are what is saved, over Kent's
// row, with Border Force's other changes. Against the throwaway server; skipped without one.
#include "app/gui/app_state.h"
#include "app/gui_team_fixture.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

namespace plan = layers::plan;

const plan::Task* task(const AppState& app, std::int64_t id) {
    for (const plan::Task& t : app.plan.book().tasks)
        if (t.id == id) return &t;
    return nullptr;
}

plan::EditError edit(AppState& app, std::int64_t id, const std::string& notes, plan::TaskStatus status) {
    return app.apply_plan_edit("edit", [&](plan::PlanBook& b) {
        const plan::Task* t = nullptr;
        for (const plan::Task& x : b.tasks)
            if (x.id == id) t = &x;
        if (!t) return plan::EditError{"no task"};
        plan::Task edited = *t;
        edited.notes = notes;
        edited.status = status;
        return plan::edit_task(b, app.plan_context(1000), edited, t->version);
    });
}

// Kent saves notes and status of task 1; then the owner account (as Border Force's planner here)
// changes the notes of task 1 (same field), its route speed (only theirs) and the notes of task 2.
struct Clash {
    test::ScratchDir dir;
    AppState bf, kent;
};

void clash(const test::ScratchDatabase& db, Clash& c) {
    test::team_plan(db, c.dir);
    std::string error;
    ASSERT_TRUE(c.bf.open(db.url(), &error)) << error;
    ASSERT_TRUE(c.kent.open(db.url_as(db.login("kent")), &error)) << error;
    ASSERT_EQ(edit(c.kent, 1, "Kent: slipway closed", plan::TaskStatus::Proposed), "");
    ASSERT_TRUE(c.kent.save(&error)) << error;
    ASSERT_EQ(c.bf.apply_plan_edit("speed", [&](plan::PlanBook& b) {
        plan::Task t = *task(c.bf, 1);
        t.notes = "BF: two crews";
        t.route_speed_kn = 14;
        return plan::edit_task(b, c.bf.plan_context(1000), t, t.version);
    }), "");
    ASSERT_EQ(edit(c.bf, 2, "BF: task 2", plan::TaskStatus::Proposed), "");
    EXPECT_FALSE(c.bf.save(&error));
    EXPECT_NE(error.find("both changed notes"), std::string::npos) << error;
}

TEST(GuiConflict, ARefusedSaveHoldsBaseTheirsAndMinePerField) {
    TIDEMARK_REQUIRE_PG(db);
    Clash c;
    clash(db, c);
    ASSERT_TRUE(c.bf.conflict.open());
    ASSERT_EQ(c.bf.conflict.conflicts().size(), 1u);
    const layers::RowConflict& row = c.bf.conflict.conflicts()[0];
    EXPECT_EQ(row.layer, "plan_tasks");
    EXPECT_EQ(row.fid, 1);
    ASSERT_EQ(row.fields.size(), 1u);  // the speed changed on one side only: it merges
    EXPECT_EQ(row.fields[0].field, "notes");
    EXPECT_EQ(row.fields[0].base, "''");
    EXPECT_EQ(row.fields[0].theirs, "'Kent: slipway closed'");
    EXPECT_EQ(row.fields[0].mine, "'BF: two crews'");
    EXPECT_EQ(row.changed_by.rfind(db.login("kent"), 0), 0u) << row.changed_by;
    EXPECT_TRUE(c.bf.conflict.mine(0, 0));  // mine until chosen
    EXPECT_TRUE(c.bf.dirty());              // nothing was written: the edits stay
    EXPECT_EQ(task(c.bf, 1)->notes, "BF: two crews");
}

TEST(GuiConflict, TakingTheirsSavesTheirValueWithMyOtherChanges) {
    TIDEMARK_REQUIRE_PG(db);
    Clash c;
    clash(db, c);
    ASSERT_TRUE(c.bf.conflict.open());
    c.bf.conflict.choose(0, 0, false);
    std::string error;
    ASSERT_TRUE(c.bf.save_with_choices(&error)) << error;
    EXPECT_FALSE(c.bf.conflict.open());
    EXPECT_FALSE(c.bf.dirty());
    EXPECT_EQ(task(c.bf, 1)->notes, "Kent: slipway closed");
    AppState reader;
    ASSERT_TRUE(reader.open(db.url(), &error)) << error;
    EXPECT_EQ(task(reader, 1)->notes, "Kent: slipway closed");
    EXPECT_EQ(task(reader, 1)->route_speed_kn, 14);  // mine, changed on my side only
    EXPECT_EQ(task(reader, 1)->version, 3);         // 1 pushed, 2 Kent, 3 this save
    EXPECT_EQ(task(reader, 2)->notes, "BF: task 2");
}

TEST(GuiConflict, KeepingMineSavesMyValueOverTheirs) {
    TIDEMARK_REQUIRE_PG(db);
    Clash c;
    clash(db, c);
    ASSERT_TRUE(c.bf.conflict.open());
    std::string error;
    ASSERT_TRUE(c.bf.save_with_choices(&error)) << error;  // mine by default
    AppState reader;
    ASSERT_TRUE(reader.open(db.url(), &error)) << error;
    EXPECT_EQ(task(reader, 1)->notes, "BF: two crews");
    EXPECT_EQ(task(reader, 1)->route_speed_kn, 14);
    EXPECT_EQ(task(reader, 2)->notes, "BF: task 2");
}

TEST(GuiConflict, AThirdChangeMeanwhileIsAskedAgain) {
    TIDEMARK_REQUIRE_PG(db);
    Clash c;
    clash(db, c);
    std::string error;
    ASSERT_EQ(edit(c.kent, 1, "Kent: second thoughts", plan::TaskStatus::Proposed), "");
    ASSERT_TRUE(c.kent.save(&error)) << error;
    EXPECT_FALSE(c.bf.save_with_choices(&error));
    ASSERT_TRUE(c.bf.conflict.open());
    EXPECT_EQ(c.bf.conflict.conflicts()[0].fields[0].theirs, "'Kent: second thoughts'");
    EXPECT_EQ(c.bf.conflict.conflicts()[0].fields[0].base, "'Kent: slipway closed'");  // settled against the first
    c.bf.conflict.choose(0, 0, false);
    ASSERT_TRUE(c.bf.save_with_choices(&error)) << error;
    AppState reader;
    ASSERT_TRUE(reader.open(db.url(), &error)) << error;
    EXPECT_EQ(task(reader, 1)->notes, "Kent: second thoughts");
    EXPECT_EQ(task(reader, 1)->route_speed_kn, 14);
}

}  // namespace
}  // namespace tidemark::gui
