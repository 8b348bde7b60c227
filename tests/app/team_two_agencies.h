// A team workspace of two agencies for the CLI tests: `ws` pushed as Border Force's (BFMC) to a
// fresh database, agencies BFMC and KENT, and a planner of each (db.login("bf"), db.login("kent")).
#pragma once

#include "support/pg_scratch.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tidemark::test {

inline void push_as_border_force_with_kent(const ScratchDatabase& db, const std::string& ws) {
    for (const std::vector<std::string>& step :
         {std::vector<std::string>{"team", "init", db.url()},
          std::vector<std::string>{"team", "agency", "add", db.url(), "BFMC", "Border Force"},
          std::vector<std::string>{"team", "agency", "add", db.url(), "KENT", "Kent Police"},
          std::vector<std::string>{"team", "push", ws, db.url(), "--owner", "BFMC"},
          std::vector<std::string>{"team", "user", "add", db.url(), db.login("bf"), "--agency", "BFMC"},
          std::vector<std::string>{"team", "user", "add", db.url(), db.login("kent"), "--agency", "KENT"}}) {
        auto r = run_tidemark(step);
        ASSERT_EQ(r.exit_code, 0) << step[1] << " " << step[2] << ": " << r.err;
    }
}

}  // namespace tidemark::test
