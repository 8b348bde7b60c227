// The three-way merge of one row: each case's merged row and conflicts worked out by hand from
// base / theirs / mine.
#include "layers/store/row_merge.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::layers;

namespace {

const std::vector<Field> kFields = {{"status", FieldType::String},     {"notes", FieldType::String},
                                    {"speed_kn", FieldType::Real},     {"updated_by", FieldType::String},
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

const Feature kBase = row("proposed", "", 12, "bf_planner", "2026-03-02T08:00:00Z", 2);

}  // namespace

TEST(RowMerge, EditsToDifferentFieldsMergeAndTheRowIsStampedAsMine) {
    const Feature theirs = row("accepted", "", 12, "kent_lo", "2026-03-02T09:00:00Z", 3);
    const Feature mine = row("proposed", "bring the drone", 12, "bf_planner", "2026-03-02T09:05:00Z", 3);
    const RowMerge m = merge_row(kFields, kBase, theirs, mine);
    ASSERT_TRUE(m.conflicts.empty());
    EXPECT_EQ(m.merged.fid, 12);
    EXPECT_EQ(m.merged.values[0], Value{std::string("accepted")});         // theirs
    EXPECT_EQ(m.merged.values[1], Value{std::string("bring the drone")});  // mine
    EXPECT_EQ(m.merged.values[2], Value{12.0});
    EXPECT_EQ(m.merged.values[3], Value{std::string("bf_planner")});            // who/when: this save
    EXPECT_EQ(m.merged.values[4], Value{std::string("2026-03-02T09:05:00Z")});
    EXPECT_EQ(m.merged.values[5], Value{std::int64_t{3}});  // theirs; the store bumps it
}

TEST(RowMerge, TheSameFieldChangedByBothIsAConflictNamingBaseTheirsAndMine) {
    const Feature theirs = row("accepted", "", 14.5, "kent_lo", "2026-03-02T09:00:00Z", 3);
    const Feature mine = row("declined", "", 12, "bf_planner", "2026-03-02T09:05:00Z", 3);
    const RowMerge m = merge_row(kFields, kBase, theirs, mine);
    ASSERT_EQ(m.conflicts.size(), 1u);
    EXPECT_EQ(m.conflicts[0].field, "status");
    EXPECT_EQ(m.conflicts[0].base, "'proposed'");
    EXPECT_EQ(m.conflicts[0].theirs, "'accepted'");
    EXPECT_EQ(m.conflicts[0].mine, "'declined'");
    EXPECT_EQ(describe_conflict("plan_tasks", kFields, kBase, theirs, m.conflicts),
              "row 12 of plan_tasks: changed by kent_lo at 2026-03-02T09:00:00Z (version 3) since you read version 2; "
              "both changed status: base 'proposed', theirs 'accepted', mine 'declined'");
}

TEST(RowMerge, BothMakingTheSameChangeIsNoConflict) {
    const Feature theirs = row("accepted", "", 12, "kent_lo", "2026-03-02T09:00:00Z", 3);
    const Feature mine = row("accepted", "", 12, "bf_planner", "2026-03-02T09:05:00Z", 3);
    const RowMerge m = merge_row(kFields, kBase, theirs, mine);
    EXPECT_TRUE(m.conflicts.empty());
    EXPECT_EQ(m.merged.values[0], Value{std::string("accepted")});
}

TEST(RowMerge, GeometryIsMergedAsOneFieldAndNamedInAConflict) {
    Feature theirs = row("proposed", "", 12, "kent_lo", "2026-03-02T09:00:00Z", 3);
    Feature mine = row("proposed", "", 12, "bf_planner", "2026-03-02T09:05:00Z", 3);
    mine.geometry.lines = {{{0, 0}, {2000, 0}, {2000, 500}}};
    RowMerge m = merge_row(kFields, kBase, theirs, mine);
    ASSERT_TRUE(m.conflicts.empty());
    EXPECT_TRUE(same_geometry(m.merged.geometry, mine.geometry));

    theirs.geometry.lines = {{{0, 0}, {500, 0}}};
    m = merge_row(kFields, kBase, theirs, mine);
    ASSERT_EQ(m.conflicts.size(), 1u);
    EXPECT_EQ(m.conflicts[0].field, "geometry");
    EXPECT_EQ(m.conflicts[0].theirs, "line of 1 part(s), 2 vertices");
    EXPECT_EQ(m.conflicts[0].mine, "line of 1 part(s), 3 vertices");
}

TEST(RowMerge, AnEmptyValueIsShownAsEmpty) {
    Feature theirs = row("proposed", "theirs", 12, "kent_lo", "2026-03-02T09:00:00Z", 3);
    Feature mine = row("proposed", "mine", 12, "bf_planner", "2026-03-02T09:05:00Z", 3);
    Feature base = kBase;
    base.values[1] = Value{};
    const RowMerge m = merge_row(kFields, base, theirs, mine);
    ASSERT_EQ(m.conflicts.size(), 1u);
    EXPECT_EQ(m.conflicts[0].base, "(empty)");
}
