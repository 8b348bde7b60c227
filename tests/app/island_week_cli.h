// The island of tests/layers/plan/suggest_fixture.h saved as a workspace with an empty plan
// "Week" of three days from kSuggestDay0, made with the real `tidemark plan new`: where the CLI
// tests of suggested and synthetic patrols start.
#pragma once

#include "layers/workspace.h"
#include "support/test_support.h"
#include "../layers/plan/suggest_fixture.h"

namespace tidemark::test {

struct IslandWeekCli : ::testing::Test {
    ScratchDir dir;
    std::string ws = dir.file("ws.gpkg");

    void SetUp() override {
        layers::Workspace w = suggest_fixture_workspace();
        std::string error;
        ASSERT_TRUE(w.save(&error, ws)) << error;
        auto r = run_tidemark({"plan", "new", ws, "--name", "Week", "--from", geo::format_iso8601(kSuggestDay0), "--to",
                               geo::format_iso8601(kSuggestDay0 + 3 * 86400)});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
};

}  // namespace tidemark::test
