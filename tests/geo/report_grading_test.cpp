#include "geo/report_grading.h"

#include <gtest/gtest.h>

using namespace tidemark::geo;

TEST(ReportGrading, ParsesEachCode) {
    EXPECT_EQ(parse_source_evaluation(" 1 "), 1);
    EXPECT_EQ(parse_source_evaluation("untested"), 2);
    EXPECT_EQ(parse_source_evaluation("Not Reliable"), 3);
    EXPECT_FALSE(parse_source_evaluation("4"));
    EXPECT_FALSE(parse_source_evaluation("0"));
    EXPECT_EQ(parse_assessment("b"), 'B');
    EXPECT_FALSE(parse_assessment("F"));
    EXPECT_FALSE(parse_assessment("AB"));
    EXPECT_EQ(parse_handling("c"), 'C');
    EXPECT_FALSE(parse_handling("X"));
}

TEST(ReportGrading, ParsesCombinedCodes) {
    for (const char* text : {"1AP", "1/A/P", "1-a-p", " 1 A P "}) {
        auto g = parse_grading(text);
        ASSERT_TRUE(g) << text;
        EXPECT_EQ(g->source_evaluation, 1);
        EXPECT_EQ(g->assessment, 'A');
        EXPECT_EQ(g->handling, 'P');
    }
    EXPECT_FALSE(parse_grading("4AP"));
    EXPECT_FALSE(parse_grading("1FP"));
    EXPECT_FALSE(parse_grading("1AX"));
    EXPECT_FALSE(parse_grading("1A"));
    EXPECT_EQ(format_grading({2, 'C', 'P'}), "2/C/P");
    EXPECT_EQ(format_grading({}), "?/?/?");
}

// The documented table (docs/reports.md): source 1.0/0.6/0.3, assessment 1.0/0.8/0.6/0.4/0.1, unknown 0.5.
TEST(ReportGrading, WeightIsSourceTimesAssessment) {
    EXPECT_DOUBLE_EQ(grading_weight(1, 'A'), 1.0);
    EXPECT_DOUBLE_EQ(grading_weight(2, 'B'), 0.6 * 0.8);
    EXPECT_DOUBLE_EQ(grading_weight(3, 'E'), 0.3 * 0.1);
    EXPECT_DOUBLE_EQ(grading_weight(0, 0), 0.25);
    EXPECT_DOUBLE_EQ(grading_weight(1, 'D'), 0.4);
}

TEST(ReportGrading, RecencyHalvesEveryHalfLife) {
    const UnixTime now = 1772366405.0;
    EXPECT_DOUBLE_EQ(recency_weight(now, now), 1.0);
    EXPECT_NEAR(recency_weight(now - 7 * 86400.0, now), 0.5, 1e-12);
    EXPECT_NEAR(recency_weight(now - 14 * 86400.0, now), 0.25, 1e-12);
    EXPECT_NEAR(recency_weight(now - 3600, now, 3600), 0.5, 1e-12);
    EXPECT_DOUBLE_EQ(recency_weight(now + 86400, now), 1.0);  // after `now`: not discounted
}
