#include "geo/time.h"

#include <gtest/gtest.h>

using namespace tidemark::geo;

// Expected values: `date -u -d ... +%s` (GNU coreutils), worked out when writing the test.
TEST(Iso8601, ParsesUtcAndOffsets) {
    EXPECT_EQ(*parse_iso8601("2026-03-01T12:00:05Z"), 1772366405.0);
    EXPECT_EQ(*parse_iso8601("2026-03-01T13:00:05+01:00"), 1772366405.0);
    EXPECT_EQ(*parse_iso8601("2026-03-01 12:00:05"), 1772366405.0);
    EXPECT_EQ(*parse_iso8601("20260301T120005Z"), 1772366405.0);
    EXPECT_EQ(*parse_iso8601("2026-03-01"), 1772323200.0);
    EXPECT_DOUBLE_EQ(*parse_iso8601("2026-03-01T12:00:05.25Z"), 1772366405.25);
    EXPECT_EQ(*parse_iso8601("1970-01-01T00:00:00Z"), 0.0);
}

TEST(Iso8601, RejectsGarbage) {
    EXPECT_FALSE(parse_iso8601("yesterday"));
    EXPECT_FALSE(parse_iso8601("2026-13-01"));
    EXPECT_FALSE(parse_iso8601("2026-03-01T25:00"));
    EXPECT_FALSE(parse_iso8601("2026-03-01T12:00Zjunk"));
}

TEST(Iso8601, FormatsRoundTrip) {
    EXPECT_EQ(format_iso8601(1772366405.0), "2026-03-01T12:00:05Z");
    EXPECT_EQ(format_iso8601(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(format_iso8601(951782400), "2000-02-29T00:00:00Z");  // leap day
}
