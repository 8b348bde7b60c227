#include "geo/time.h"

#include <gtest/gtest.h>

#include <limits>

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

// Limits from `date -u -d @253402300799` and `date -u -d @-62167219200`; beyond them the old
// code cast an out-of-range double to long long (UB under UBSan: "292277026596-12-03T39:30:08Z").
TEST(Iso8601, FormatsOnlyFourDigitYearsAndSaysWhenOutOfRange) {
    EXPECT_EQ(format_iso8601(253402300799.0), "9999-12-31T23:59:59Z");
    EXPECT_EQ(format_iso8601(-62167219200.0), "0000-01-01T00:00:00Z");
    EXPECT_EQ(format_iso8601(253402300800.0), "(time out of range: 2.53402e+11 s)");
    EXPECT_EQ(format_iso8601(1e20), "(time out of range: 1e+20 s)");
    EXPECT_EQ(format_iso8601(-1e300), "(time out of range: -1e+300 s)");
    EXPECT_EQ(format_iso8601(std::numeric_limits<double>::infinity()), "(time out of range: inf s)");
    EXPECT_EQ(format_iso8601(std::numeric_limits<double>::quiet_NaN()), "(time out of range: nan s)");
    EXPECT_FALSE(in_british_summer_time(1e20));
    EXPECT_FALSE(in_british_summer_time(std::numeric_limits<double>::quiet_NaN()));
}

// 1970-01-01 .. 2100-12-31T23:59:59Z (date -u -d 2100-12-31T23:59:59Z +%s = 4133980799).
TEST(Iso8601, PlausibleTimesAreThe1970sTo2100) {
    EXPECT_TRUE(plausible_time(0));
    EXPECT_TRUE(plausible_time(4133980799.0));
    EXPECT_FALSE(plausible_time(4133980800.0));
    EXPECT_FALSE(plausible_time(-1));
    EXPECT_FALSE(plausible_time(1e20));
    EXPECT_FALSE(plausible_time(std::numeric_limits<double>::quiet_NaN()));
    EXPECT_FALSE(plausible_time(1772366405000.0));  // milliseconds read as seconds
}

TEST(Iso8601, SaysWhetherTheZoneIsGiven) {
    EXPECT_TRUE(has_utc_offset("2026-03-01T12:00:05Z"));
    EXPECT_TRUE(has_utc_offset("2026-07-01T22:40:00+01:00"));
    EXPECT_TRUE(has_utc_offset("2026-07-01 22:40-0500"));
    EXPECT_TRUE(has_utc_offset("20260301T120005z"));
    EXPECT_FALSE(has_utc_offset("2026-07-01T22:40:00"));
    EXPECT_FALSE(has_utc_offset("2026-07-01 22:40"));
    EXPECT_FALSE(has_utc_offset("2026-07-01"));  // the dashes of a date are not an offset
}

// The UK's clock changes (from a calendar: 2026-03-29 and 2026-10-25, 2027-03-28 and
// 2027-10-31 are the last Sundays of March and October), at 01:00 UTC.
TEST(UkClock, BritishSummerTimeRunsFromTheLastSundayOfMarchToTheLastOfOctober) {
    auto t = [](const char* s) { return *parse_iso8601(s); };
    EXPECT_FALSE(in_british_summer_time(t("2026-03-29T00:59:59Z")));
    EXPECT_TRUE(in_british_summer_time(t("2026-03-29T01:00:00Z")));
    EXPECT_TRUE(in_british_summer_time(t("2026-10-25T00:59:59Z")));
    EXPECT_FALSE(in_british_summer_time(t("2026-10-25T01:00:00Z")));
    EXPECT_FALSE(in_british_summer_time(t("2027-03-28T00:30:00Z")));
    EXPECT_TRUE(in_british_summer_time(t("2027-03-28T01:30:00Z")));
    EXPECT_TRUE(in_british_summer_time(t("2027-10-31T00:30:00Z")));
    EXPECT_FALSE(in_british_summer_time(t("2027-11-01T00:00:00Z")));
    EXPECT_FALSE(in_british_summer_time(t("2026-01-15T12:00:00Z")));
}

TEST(UkClock, ClockReadingsToUtc) {
    auto t = [](const char* s) { return *parse_iso8601(s); };
    EXPECT_EQ(uk_clock_to_utc(t("2026-07-01T22:40:00")), t("2026-07-01T21:40:00Z"));  // BST
    EXPECT_EQ(uk_clock_to_utc(t("2026-12-01T22:40:00")), t("2026-12-01T22:40:00Z"));  // GMT
    // 29 March 2026: the clocks go from 01:00 GMT to 02:00 BST.
    EXPECT_EQ(uk_clock_to_utc(t("2026-03-29T00:30:00")), t("2026-03-29T00:30:00Z"));
    EXPECT_EQ(uk_clock_to_utc(t("2026-03-29T01:30:00")), t("2026-03-29T01:30:00Z"));  // never shown: as GMT
    EXPECT_EQ(uk_clock_to_utc(t("2026-03-29T02:00:00")), t("2026-03-29T01:00:00Z"));
    // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:00-02:00 is shown twice; the first is taken.
    EXPECT_EQ(uk_clock_to_utc(t("2026-10-25T01:30:00")), t("2026-10-25T00:30:00Z"));
    EXPECT_EQ(uk_clock_to_utc(t("2026-10-25T02:00:00")), t("2026-10-25T02:00:00Z"));
}
