// A person's choices after a refused save, turned into the row to save: each case worked out by
// hand from base / theirs / mine and the choices.
#include "layers/store/row_resolve.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::layers;

namespace {

const std::vector<Field> kFields = {{"status", FieldType::String},       {"notes", FieldType::String},
                                    {"speed_kn", FieldType::Real},       {"updated_by", FieldType::String},
                                    {"updated_at", FieldType::DateTime}, {"version", FieldType::Integer}};

Feature row(const std::string& status, const std::string& notes, double speed, const std::string& who,
            const std::string& when, std::int64_t version) {
    Feature f;
    f.fid = 12;
    f.geometry.kind = geo::GeometryKind::Line;
    f.geometry.lines = {{{0, 0}, {1000, 0}}};
    f.values = {status, notes, speed, who, when, version};
    return f;
}

// Both changed status and notes; only mine changed the speed, only theirs nothing else.
RowConflict two_fields() {
    RowConflict c;
    c.layer = "plan_tasks";
    c.fid = 12;
    c.base = row("proposed", "", 12, "bf_planner", "2026-03-02T08:00:00Z", 2);
    c.theirs = row("accepted", "Kent: slipway closed", 12, "kent_lo", "2026-03-02T09:00:00Z", 3);
    c.mine = row("declined", "BF: two crews", 15, "bf_planner", "2026-03-02T09:05:00Z", 3);
    c.fields = {{"status", "'proposed'", "'accepted'", "'declined'"}, {"notes", "''", "'Kent: slipway closed'", "'BF: two crews'"}};
    return c;
}

std::string text(const Feature& f, std::size_t i) { return to_string(f.values[i]); }

}  // namespace

TEST(RowResolve, EachFieldTakesTheValueChosenAndMyOtherChangesStay) {
    const Feature r = resolve_row(kFields, two_fields(), {false, true});  // status theirs, notes mine
    EXPECT_EQ(text(r, 0), "accepted");
    EXPECT_EQ(text(r, 1), "BF: two crews");
    EXPECT_EQ(r.values[2], Value{15.0});  // only mine changed it
    EXPECT_EQ(text(r, 3), "bf_planner");  // stamped as this save
    EXPECT_EQ(text(r, 4), "2026-03-02T09:05:00Z");
    EXPECT_EQ(r.values[5], Value{std::int64_t{4}});  // the version after theirs (3), as an edit of theirs
    EXPECT_EQ(r.fid, 12);
}

TEST(RowResolve, KeepingAllMineKeepsEveryValueOfMine) {
    const Feature r = resolve_row(kFields, two_fields(), {true, true});
    EXPECT_EQ(text(r, 0), "declined");
    EXPECT_EQ(text(r, 1), "BF: two crews");
    EXPECT_EQ(r.values[2], Value{15.0});
}

TEST(RowResolve, TakingTheirsWhereIChangedNothingElseLeavesTheirRowUntouched) {
    RowConflict c = two_fields();
    c.mine.values[2] = 12.0;  // no speed change of mine: nothing of mine is left
    const Feature r = resolve_row(kFields, c, {false, false});
    EXPECT_TRUE(same_row(r, c.theirs));  // stamps and all: there is nothing to save
    // Missing answers take theirs.
    EXPECT_TRUE(same_row(resolve_row(kFields, c, {}), c.theirs));
}

TEST(RowResolve, AGeometryConflictIsSettledLikeAField) {
    RowConflict c = two_fields();
    c.theirs.geometry.lines = {{{0, 0}, {2000, 0}}};
    c.mine.geometry.lines = {{{0, 0}, {3000, 0}}};
    c.fields.push_back({kGeometryName, "base", "theirs", "mine"});
    const Feature theirs_line = resolve_row(kFields, c, {true, true, false});
    EXPECT_EQ(theirs_line.geometry.lines[0][1].x, 2000);
    EXPECT_EQ(text(theirs_line, 0), "declined");
    const Feature mine_line = resolve_row(kFields, c, {true, true, true});
    EXPECT_EQ(mine_line.geometry.lines[0][1].x, 3000);
}
