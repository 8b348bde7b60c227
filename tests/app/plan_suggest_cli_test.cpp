// `tidemark plan suggest` end to end on the island of tests/layers/plan/suggest_fixture.h.
#include "island_week_cli.h"
#include "layers/plan/plan_store.h"

#include <regex>

using namespace tidemark;
using tidemark::test::kSuggestDay0;
using tidemark::test::run_tidemark;
using tidemark::test::ScratchDir;

namespace {

struct SuggestCli : test::IslandWeekCli {
    // The output without the one line that holds a wall time.
    static std::string without_timing(const std::string& out) {
        return std::regex_replace(out, std::regex("routed in [0-9.]+ s"), "routed in ? s");
    }
};

}  // namespace

TEST_F(SuggestCli, SameSeedSameSuggestionAndApplyAddsProposedTasks) {
    const std::vector<std::string> args{"plan", "suggest", ws, "--plan", "Week", "--draws", "200", "--seed", "9", "--limit", "0"};
    auto a = run_tidemark(args);
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_NE(a.out.find("suggested patrols for 3 day(s)"), std::string::npos) << a.out;
    EXPECT_NE(a.out.find("16 stretches of about 10 km"), std::string::npos) << a.out;
    EXPECT_NE(a.out.find("HMC Test (Border Force Maritime Command (BFMC)), base Northport"), std::string::npos) << a.out;
    EXPECT_NE(a.out.find("free on 2 of 3 day(s)"), std::string::npos) << a.out;  // the CPV's day off
    EXPECT_NE(a.out.find("every one at sea"), std::string::npos) << a.out;
    // 0 bits for a plan with no tasks: every day is the same (empty) schedule.
    EXPECT_NE(a.out.find("the plan's current tasks 0.0 bits over its 3 day(s)"), std::string::npos) << a.out;
    auto b = run_tidemark(args);
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(without_timing(a.out), without_timing(b.out));

    std::string error;
    auto apply = run_tidemark({"plan", "suggest", ws, "--plan", "Week", "--draws", "10", "--seed", "9", "--apply"});
    ASSERT_EQ(apply.exit_code, 0) << apply.err;
    EXPECT_NE(apply.out.find("added 10 proposed task(s) (1-10) to plan 'Week'"), std::string::npos) << apply.out;
    auto w = layers::Workspace::open(ws, &error);
    ASSERT_TRUE(w) << error;
    geo::Problems problems;
    const auto book = layers::plan::load_plan_book(*w, problems);
    ASSERT_EQ(book.tasks.size(), 10u);
    for (const auto& t : book.tasks) {
        EXPECT_EQ(t.status, layers::plan::TaskStatus::Proposed);
        EXPECT_GE(t.route.size(), 2u);
        EXPECT_NE(t.notes.find("suggested (seed 9, draw 0)"), std::string::npos) << t.notes;
    }
    // The plan's tasks now differ from day to day.
    auto check = run_tidemark({"plan", "check", ws, "--plan", "Week", "--strict"});
    EXPECT_EQ(check.exit_code, 0) << check.out;
    auto again = run_tidemark(args);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out.find("the plan's current tasks 0.0 bits"), std::string::npos) << again.out;
}

TEST_F(SuggestCli, BadInputIsNamedAndNothingIsWritten) {
    const std::string before = test::read_file(ws);
    auto ghost = run_tidemark({"plan", "suggest", ws, "--plan", "Week", "--draws", "5", "--seed", "1", "--assets", "HMC Test,Ghost", "--apply"});
    EXPECT_EQ(ghost.exit_code, 1);
    EXPECT_NE(ghost.err.find("asset 'Ghost' is not in the fleet register"), std::string::npos) << ghost.err;
    auto days = run_tidemark({"plan", "suggest", ws, "--plan", "Week", "--draws", "5", "--seed", "1", "--days", "4", "--apply"});
    EXPECT_EQ(days.exit_code, 1);
    EXPECT_NE(days.err.find("--days 4 runs past the end of plan 'Week' (3 day(s) long)"), std::string::npos) << days.err;
    auto draws = run_tidemark({"plan", "suggest", ws, "--plan", "Week", "--draws", "0", "--seed", "1"});
    EXPECT_EQ(draws.exit_code, 1);
    auto missing = run_tidemark({"plan", "suggest", ws, "--plan", "Week", "--draws", "5"});
    EXPECT_EQ(missing.exit_code, 2);  // --seed is required: a suggestion must be reproducible
    EXPECT_EQ(test::read_file(ws), before);
}

TEST_F(SuggestCli, OneAssetOnlyAndTheForecastThroughTheEngine) {
    auto r = run_tidemark({"plan", "suggest", ws, "--plan", "Week", "--draws", "20", "--seed", "3", "--assets", "CPV Test", "--forecast"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("within reach of 1 asset(s)"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("HMC Test"), std::string::npos) << r.out;
    // Two sorties (the CPV is off on day 2), two stretches each: 4 routed tasks forecast.
    EXPECT_NE(r.out.find("forecast of the plan with the suggestion (4 routed tasks)"), std::string::npos) << r.out;
}
