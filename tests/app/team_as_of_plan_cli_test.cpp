// `--as-of T` on `plan check`, `plan reconcile` and `render` of a team workspace: what was made
// on Monday is made again on Friday, byte for byte, after the launch's late AIS arrived and a
// task was added — both of which change what the same commands say now. Against the throwaway
// server; skipped without one.
#include "team_as_of_plan_fixture.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::test;

namespace {

// The launch's late AIS: day 0 06:30-07:10 along the rest of line 0 (x 505000 -> 510000), which
// the fixture's track never reached.
std::string late_launch_csv() {
    std::string s = "vessel,time,x,y\n";
    for (int k = 0; k <= 50; ++k)
        s += "West launch," + geo::format_iso8601(kDay0 + 6.5 * 3600 + 48 * k) + "," + std::to_string(505000 + 100 * k) + ",99500\n";
    return s;
}

}  // namespace

TEST(TeamAsOfPlanCli, MondaysCheckReconciliationAndMapAreReproducedExactlyOnFriday) {
    TIDEMARK_REQUIRE_PG(db);
    ScratchDir dir;
    push_shared_plan(db, dir);
    const std::string url = db.url();
    const std::string monday = next_whole_second();
    const std::vector<std::string> check = {"plan", "check", url, "--plan", "P"};
    const std::vector<std::string> reconcile = {"plan", "reconcile", url, "--plan", "P", "--as-of", monday, "--no-store"};
    auto render = [&](const std::string& out, const std::string& as_of) {
        std::vector<std::string> args = {"render", url, "-o", dir.file(out), "--size", "600x400", "--time", geo::format_iso8601(kDay0 + 12 * 3600)};
        if (!as_of.empty()) args.insert(args.end(), {"--as-of", as_of});
        auto r = run_tidemark(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return file_bytes(dir.file(out));
    };
    auto check_monday = run_tidemark(check);
    ASSERT_EQ(check_monday.exit_code, 0) << check_monday.err;
    auto reconcile_monday = run_tidemark(reconcile);
    ASSERT_EQ(reconcile_monday.exit_code, 0) << reconcile_monday.err;
    const std::string map_monday = render("monday.png", monday);
    ASSERT_FALSE(map_monday.empty());

    // After Monday: the launch's late AIS arrives and Border Force adds a task.
    auto late = run_tidemark({"tracks", "import", url, dir.write("late.csv", late_launch_csv())});
    ASSERT_EQ(late.exit_code, 0) << late.err;
    auto add = run_tidemark({"plan", "task", "add", url, "--plan", "P", "--agency", "BFMC", "--segments", "5-9", "--from",
                             geo::format_iso8601(kDay0 + 13 * 3600), "--to", geo::format_iso8601(kDay0 + 15 * 3600)});
    ASSERT_EQ(add.exit_code, 0) << add.err;
    const std::string friday = next_whole_second();

    // Now they say something else ...
    auto check_now = run_tidemark(check);
    ASSERT_EQ(check_now.exit_code, 0) << check_now.err;
    EXPECT_NE(check_now.out, check_monday.out);
    std::vector<std::string> reconcile_now = reconcile;
    reconcile_now[6] = friday;
    auto reconciled_now = run_tidemark(reconcile_now);
    ASSERT_EQ(reconciled_now.exit_code, 0) << reconciled_now.err;
    EXPECT_NE(reconciled_now.out.substr(reconciled_now.out.find('\n')), reconcile_monday.out.substr(reconcile_monday.out.find('\n')));
    // (the map's footer names the time it is as of, so Friday's map differs anyway; that the late
    // track and task reach the map is what makes the Monday map below fail when read as of now)

    // ... and as of Monday, exactly what they said on Monday.
    std::vector<std::string> check_as_of = check;
    check_as_of.insert(check_as_of.end(), {"--as-of", monday});
    auto check_again = run_tidemark(check_as_of);
    ASSERT_EQ(check_again.exit_code, 0) << check_again.err;
    EXPECT_EQ(check_again.out, check_monday.out);
    auto reconcile_again = run_tidemark(reconcile);
    ASSERT_EQ(reconcile_again.exit_code, 0) << reconcile_again.err;
    EXPECT_EQ(reconcile_again.out, reconcile_monday.out);
    EXPECT_EQ(render("again.png", monday), map_monday);

    // Nothing as of Monday is stored or applied.
    check_as_of.push_back("--store");
    auto store = run_tidemark(check_as_of);
    EXPECT_EQ(store.exit_code, 1);
    EXPECT_NE(store.err.find("reported, not stored"), std::string::npos) << store.err;
    std::vector<std::string> apply = reconcile;
    apply.push_back("--apply");
    auto applied = run_tidemark(apply);
    EXPECT_EQ(applied.exit_code, 1);
    EXPECT_NE(applied.err.find("cannot be changed"), std::string::npos) << applied.err;
    EXPECT_EQ(pg_value(url, "SELECT count(*) FROM pg_tables WHERE tablename = 'plan_reconciliation'"), "0");
}
