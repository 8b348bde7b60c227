// A team workspace for the --as-of and agency B tests: the hand-worked plan of
// tests/layers/plan/plan_fixture.h (plan "P", tasks 1-3 of day 0 and the tracks of the cutter
// "HMC Test" and the launch "West launch") pushed as Border Force's (BFMC), with the plan rows
// shared with everyone, task 2 (F1's launch) shared with agency F1 and the launch's track too.
// Agency B is F1 ("West Force"), login db.login("f1"). Plus the helpers those tests share.
#pragma once

#include "geo/time.h"
#include "layers/plan/plan_store.h"
#include "layers/team/pg_connection.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"
#include "../layers/plan/plan_fixture.h"

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>

namespace tidemark::test {

inline void pg_run(const std::string& url, const std::string& statement) {
    std::string error;
    auto conn = layers::team::PgConnection::open(url, &error);
    ASSERT_TRUE(conn) << error;
    ASSERT_TRUE(conn->run(statement, &error)) << statement << ": " << error;
}

inline std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A whole second from now, waited for: the time "Monday" is; everything done before it
// returns is history before it, everything after after it.
inline std::string next_whole_second() {
    auto now = [] { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); };
    const double t = std::floor(now()) + 1;
    std::this_thread::sleep_for(std::chrono::duration<double>(t + 0.05 - now()));
    return geo::format_iso8601(t);
}

inline void push_shared_plan(const ScratchDatabase& db, const ScratchDir& dir) {
    ReconcileScenario s;
    layers::plan::store_plan_book(s.ws, s.book);
    std::string error;
    ASSERT_TRUE(s.ws.save(&error, dir.file("plan.gpkg"))) << error;
    for (const std::vector<std::string>& step :
         {std::vector<std::string>{"team", "init", db.url()},
          std::vector<std::string>{"team", "push", dir.file("plan.gpkg"), db.url(), "--owner", "BFMC"},
          std::vector<std::string>{"team", "agency", "add", db.url(), "BFMC", "Border Force"},
          std::vector<std::string>{"team", "agency", "add", db.url(), "F1", "West Force"},
          std::vector<std::string>{"team", "user", "add", db.url(), db.login("f1"), "--agency", "F1"},
          std::vector<std::string>{"team", "share", db.url(), "plans", "--with", "all"},
          std::vector<std::string>{"team", "share", db.url(), "plan_responsibility", "--with", "all"},
          std::vector<std::string>{"team", "share", db.url(), "plan_objectives", "--with", "all"},
          std::vector<std::string>{"team", "share", db.url(), "plan_tasks", "--with", "F1", "--fid", "2"}}) {
        auto r = run_tidemark(step);
        ASSERT_EQ(r.exit_code, 0) << step[1] << " " << step[2] << ": " << r.err;
    }
    pg_run(db.url(), "UPDATE track_legs SET shared_with = '{F1}' WHERE vessel = 'West launch'");
}

}  // namespace tidemark::test
