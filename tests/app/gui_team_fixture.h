// A small team workspace for the app's tests on PostgreSQL (gui_team_test, gui_live_test,
// gui_conflict_test): a plan pushed as Border Force's, shared with Kent.
#pragma once

#include "geo/time.h"
#include "layers/plan/plan_fixture.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace tidemark::test {

// A plan with tasks 1 (BFMC) and 2 (F2) pushed as Border Force's; the plan shared with all,
// task 1 with KENT; a KENT planner and a KENT viewer.
inline void team_plan(const test::ScratchDatabase& db, const test::ScratchDir& dir) {
    const std::string ws = dir.file("ws.gpkg");
    layers::Workspace w = test::plan_fixture_workspace();
    std::string error;
    ASSERT_TRUE(w.save(&error, ws)) << error;
    const std::string day0 = geo::format_iso8601(test::kDay0), day1 = geo::format_iso8601(test::kDay0 + 86400);
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
        auto r = test::run_tidemark(step);
        ASSERT_EQ(r.exit_code, 0) << step[0] << " " << step[1] << ": " << r.err;
    }
}

}  // namespace tidemark::test
