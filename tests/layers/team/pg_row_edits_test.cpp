// Row-level saves on a team workspace (skipped without the throwaway server): two sessions open
// the same plan, edit tasks and save in turn, as two people would. Expected values are the
// edits each made; versions count the saves that changed a row.
#include "layers/plan/plan_store.h"
#include "layers/workspace.h"
#include "team_plan_fixture.h"

using namespace tidemark;
using namespace tidemark::layers;
using namespace tidemark::layers::plan;

namespace {

// One person's open workspace and plan, editing as `user` at `now`.
struct Session {
    Workspace ws;
    std::vector<Vessel> fleet;
    PlanCoast coast;
    PlanBook book;
    std::string user;
    geo::UnixTime now = 0;

    Session(const std::string& url, std::string who, geo::UnixTime at) : user(std::move(who)), now(at) {
        std::string error;
        auto opened = Workspace::open(url, &error);
        EXPECT_TRUE(opened) << error;
        if (opened) ws = std::move(*opened);
        geo::Problems problems;
        fleet = load_fleet(ws);
        coast = plan_coast(ws, 1000, problems);
        book = load_plan_book(ws, problems);
        EXPECT_TRUE(problems.empty());
    }
    EditError edit(std::int64_t id, const std::function<void(Task&)>& change) {
        const Task* t = book.find_task(id);
        if (!t) return "no task " + std::to_string(id);
        Task edited = *t;
        change(edited);
        return edit_task(book, EditContext{&coast, &fleet, user, now}, edited, t->version);
    }
    bool save(std::string* error) {
        store_plan_book(ws, book);
        return ws.save(error);
    }
};

const Task& task(const Session& s, std::int64_t id) {
    const Task* t = s.book.find_task(id);
    EXPECT_TRUE(t) << "task " << id;
    static const Task none;
    return t ? *t : none;
}

}  // namespace

TEST(PgRowEdits, APlanStoredUnchangedSavesNothing) {
    TIDEMARK_REQUIRE_PG(db);
    test::push_fixture_plan(db);
    Session a(db.url(), "alice", test::kDay0 + 3600);
    store_plan_book(a.ws, a.book);
    // Every row generated again from the book reads back bit for bit as the server gave it.
    EXPECT_TRUE(a.ws.unsaved_changes().empty()) << a.ws.unsaved_changes().front();
}

TEST(PgRowEdits, EditsToDifferentFieldsOfOneTaskMergeIntoANewVersion) {
    TIDEMARK_REQUIRE_PG(db);
    test::push_fixture_plan(db);
    Session a(db.url(), "alice", test::kDay0 + 3600), b(db.url(), "bob", test::kDay0 + 7200);
    ASSERT_EQ(a.edit(1, [](Task& t) { t.notes = "alice: bring the drone"; }), "");
    ASSERT_EQ(b.edit(1, [](Task& t) { t.route_speed_kn = 9.5; }), "");
    std::string error;
    ASSERT_TRUE(a.save(&error)) << error;
    EXPECT_EQ(a.ws.rows_merged_on_save(), 0u);
    ASSERT_TRUE(b.save(&error)) << error;
    EXPECT_EQ(b.ws.rows_merged_on_save(), 1u) << "bob's workspace now holds alice's note too";

    Session c(db.url(), "carol", 0);
    const Task& t = task(c, 1);
    EXPECT_EQ(t.notes, "alice: bring the drone");
    EXPECT_EQ(t.route_speed_kn, 9.5);
    EXPECT_EQ(t.version, 3) << "version 1, alice's save 2, bob's merged save 3";
    EXPECT_EQ(t.updated_by, "bob");
    EXPECT_EQ(t.updated_at, test::kDay0 + 7200);
    // Bob's workspace holds exactly what the server holds: a further save writes nothing.
    EXPECT_TRUE(b.ws.unsaved_changes().empty());
    geo::Problems problems;
    const PlanBook b_now = load_plan_book(b.ws, problems);
    const Task* in_b = b_now.find_task(1);
    ASSERT_TRUE(in_b);
    EXPECT_EQ(in_b->notes, t.notes);
    EXPECT_EQ(in_b->version, 3);
}

TEST(PgRowEdits, TheSameFieldChangedByBothRefusesTheWholeSaveNamingTheValuesAndWho) {
    TIDEMARK_REQUIRE_PG(db);
    test::push_fixture_plan(db);
    Session a(db.url(), "alice", test::kDay0 + 3600), b(db.url(), "bob", test::kDay0 + 7200);
    ASSERT_EQ(a.edit(1, [](Task& t) { t.notes = "from alice"; }), "");
    ASSERT_EQ(b.edit(1, [](Task& t) { t.notes = "from bob"; }), "");
    // Bob also changed task 2, which alone would land: nothing of his save may be applied.
    ASSERT_EQ(b.edit(2, [](Task& t) { t.status = TaskStatus::Done; }), "");
    std::string error;
    ASSERT_TRUE(a.save(&error)) << error;
    EXPECT_FALSE(b.save(&error));
    EXPECT_NE(error.find("row 1 of plan_tasks: changed by alice at " + geo::format_iso8601(test::kDay0 + 3600) +
                         " (version 2) since you read version 1; both changed notes: base '', theirs 'from alice', "
                         "mine 'from bob'"),
              std::string::npos)
        << error;
    EXPECT_NE(error.find("Nothing was written"), std::string::npos) << error;
    EXPECT_EQ(error.find("row 2"), std::string::npos) << "task 2 merged cleanly; only the conflict is named: " << error;

    Session c(db.url(), "carol", 0);
    EXPECT_EQ(task(c, 1).notes, "from alice");
    EXPECT_EQ(task(c, 1).version, 2);
    EXPECT_EQ(task(c, 2).status, TaskStatus::Accepted) << "bob's other edit was not applied";
    EXPECT_EQ(task(c, 2).version, 1);
    // Bob's edits are still unsaved in his workspace, to redo or save elsewhere.
    EXPECT_FALSE(b.ws.unsaved_changes().empty());
}

TEST(PgRowEdits, TwoPeopleEditingDifferentTasksOfOnePlanBothLand) {
    TIDEMARK_REQUIRE_PG(db);
    test::push_fixture_plan(db);
    Session a(db.url(), "alice", test::kDay0 + 3600), b(db.url(), "bob", test::kDay0 + 7200);
    ASSERT_EQ(a.edit(1, [](Task& t) { t.notes = "task one, alice"; }), "");
    ASSERT_EQ(b.edit(3, [](Task& t) { t.notes = "task three, bob"; }), "");
    std::string error;
    ASSERT_TRUE(a.save(&error)) << error;
    ASSERT_TRUE(b.save(&error)) << error;
    EXPECT_EQ(b.ws.rows_merged_on_save(), 0u) << "bob's row was not touched by alice";

    Session c(db.url(), "carol", 0);
    EXPECT_EQ(task(c, 1).notes, "task one, alice");
    EXPECT_EQ(task(c, 1).version, 2);
    EXPECT_EQ(task(c, 3).notes, "task three, bob");
    EXPECT_EQ(task(c, 3).version, 2);
    EXPECT_EQ(task(c, 2).version, 1);
    // Bob's workspace does not hold alice's task 1 change (he never read it); saving again writes
    // nothing and does not put task 1 back.
    ASSERT_TRUE(b.save(&error)) << error;
    Session d(db.url(), "dave", 0);
    EXPECT_EQ(task(d, 1).notes, "task one, alice");
}

TEST(PgRowEdits, ATaskRemovedByOneAndChangedByTheOtherIsAConflict) {
    TIDEMARK_REQUIRE_PG(db);
    test::push_fixture_plan(db);
    Session a(db.url(), "alice", test::kDay0 + 3600), b(db.url(), "bob", test::kDay0 + 7200);
    ASSERT_EQ(a.edit(2, [](Task& t) { t.notes = "keep it"; }), "");
    auto& tasks = b.book.tasks;
    tasks.erase(std::remove_if(tasks.begin(), tasks.end(), [](const Task& t) { return t.id == 2; }), tasks.end());
    std::string error;
    ASSERT_TRUE(a.save(&error)) << error;
    EXPECT_FALSE(b.save(&error));
    EXPECT_NE(error.find("row 2 of plan_tasks: changed by alice at " + geo::format_iso8601(test::kDay0 + 3600) +
                         " since you read it, and you removed it"),
              std::string::npos)
        << error;
    Session c(db.url(), "carol", 0);
    EXPECT_EQ(task(c, 2).notes, "keep it");
}
