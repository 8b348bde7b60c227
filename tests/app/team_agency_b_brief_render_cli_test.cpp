// `plan brief` and `render` as agency B (F1) of a team workspace: what B gets is exactly what the
// same commands make of a workspace that holds only the rows shared with B — no task, track,
// count or extent derived from Border Force's unshared rows. The comparison workspace is built
// by hand (the fixture without tasks 1 and 3 and the cutter's track) and pushed into a second
// database. Against the throwaway server; skipped without one.
#include "team_as_of_plan_fixture.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

using namespace tidemark;
using namespace tidemark::test;

namespace {

std::string pdf_text(const std::string& pdf) {
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(("pdftotext -layout '" + pdf + "' -").c_str(), "r"), pclose);
    std::string out;
    char buf[4096];
    for (std::size_t n; p && (n = fread(buf, 1, sizeof buf, p.get())) > 0;) out.append(buf, n);
    return out;
}

// The text of a brief without its lines naming when it was made (they differ run to run).
std::string without_time_lines(const std::string& text) {
    std::string out, line;
    std::istringstream in(text);
    while (std::getline(in, line))
        if (line.find("Generated") == std::string::npos && line.find("as known at") == std::string::npos &&
            line.find(geo::format_iso8601(std::floor(std::time(nullptr))).substr(0, 10)) == std::string::npos)
            out += line + "\n";
    return out;
}

// What B may see, as a workspace of its own: the fixture's plan without Border Force's tasks
// 1 and 3, and the launch's track only.
void push_what_b_sees(const ScratchDatabase& db, const ScratchDir& dir) {
    ReconcileScenario s;
    std::erase_if(s.book.tasks, [](const layers::plan::Task& t) { return t.id != 2; });
    auto tracks = layers::load_tracks(s.ws);
    std::erase_if(tracks, [](const geo::Track& t) { return t.vessel != "West launch"; });
    layers::store_tracks(s.ws, tracks);
    layers::plan::store_plan_book(s.ws, s.book);
    std::string error;
    ASSERT_TRUE(s.ws.save(&error, dir.file("b_only.gpkg"))) << error;
    for (const std::vector<std::string>& step : {std::vector<std::string>{"team", "init", db.url()},
                                                 std::vector<std::string>{"team", "push", dir.file("b_only.gpkg"), db.url()}}) {
        auto r = run_tidemark(step);
        ASSERT_EQ(r.exit_code, 0) << step[1] << ": " << r.err;
    }
}

}  // namespace

TEST(TeamAgencyBBriefRenderCli, BsBriefAndMapHoldOnlyWhatIsSharedWithB) {
    TIDEMARK_REQUIRE_PG(db);
    ::tidemark::test::ScratchDatabase b_only;
    ScratchDir dir;
    push_shared_plan(db, dir);
    push_what_b_sees(b_only, dir);
    // Border Force plans a second task for F1 and has not shared it yet: F1's brief must not list it.
    auto add = run_tidemark({"plan", "task", "add", db.url(), "--plan", "P", "--agency", "F1", "--segments", "0-4", "--from",
                             geo::format_iso8601(kDay0 + 20 * 3600), "--to", geo::format_iso8601(kDay0 + 22 * 3600)});
    ASSERT_EQ(add.exit_code, 0) << add.err;
    ASSERT_EQ(pg_value(db.url(), "SELECT count(*) FROM plan_tasks WHERE 'F1' = ANY (shared_with) OR owner_agency = 'F1'"), "1");
    const std::string b = db.url_as(db.login("f1"));
    const std::string at = next_whole_second();  // after both pushes: the maps' footers say the same time

    auto map = [&](const std::string& url, const std::string& out) {
        auto r = run_tidemark({"render", url, "-o", dir.file(out), "--size", "600x400", "--as-of", at, "--time",
                               geo::format_iso8601(kDay0 + 7 * 3600), "--title", "West"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return file_bytes(dir.file(out));
    };
    const std::string as_b = map(b, "b.png");
    ASSERT_FALSE(as_b.empty());
    EXPECT_EQ(as_b, map(b_only.url(), "b_only.png"));  // pixel for pixel: nothing drawn from unshared rows
    EXPECT_NE(as_b, map(db.url(), "owner.png"));       // the owner's map shows more
    // Without --as-of too (a map made now): the same extent and layers as the B-only workspace.
    auto now_b = run_tidemark({"render", b, "-o", dir.file("b_now.pdf"), "--title", "West"});
    ASSERT_EQ(now_b.exit_code, 0) << now_b.err;
    auto now_only = run_tidemark({"render", b_only.url(), "-o", dir.file("b_only_now.pdf"), "--title", "West"});
    ASSERT_EQ(now_only.exit_code, 0) << now_only.err;
    EXPECT_EQ(without_time_lines(pdf_text(dir.file("b_now.pdf"))), without_time_lines(pdf_text(dir.file("b_only_now.pdf"))));

    auto brief = [&](const std::string& url, const std::string& out) {
        auto r = run_tidemark({"plan", "brief", url, "--plan", "P", "--agency", "F1", "-o", dir.file(out)});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return pdf_text(dir.file(out));
    };
    const std::string brief_b = brief(b, "brief_b.pdf");
    const std::string brief_only = brief(b_only.url(), "brief_b_only.pdf");
    const std::string brief_owner = brief(db.url(), "brief_owner.pdf");
    EXPECT_EQ(without_time_lines(brief_b), without_time_lines(brief_only)) << brief_b;
    EXPECT_NE(without_time_lines(brief_b), without_time_lines(brief_owner));
    EXPECT_NE(brief_b.find("West launch"), std::string::npos) << brief_b;  // B's shared task is there
    EXPECT_EQ(brief_b.find("20:00Z"), std::string::npos) << brief_b;        // the unshared one is not
    EXPECT_NE(brief_owner.find("20:00Z"), std::string::npos) << brief_owner;
}
