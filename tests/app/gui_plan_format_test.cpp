// Plan values as the Plan panel shows them (app/gui/plan_format.h). Weekdays from the
// calendar: 2026-03-01 is a Sunday, so 2 March 2026 is a Monday.
#include "app/gui/plan_format.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

constexpr double kMon2Mar2026 = 1772409600;  // 2026-03-02T00:00:00Z

TEST(GuiPlanFormat, TimesReadWithWeekdayInUtc) {
    EXPECT_EQ(utc_text(kMon2Mar2026), "Mon 2 Mar 2026 00:00");
    EXPECT_EQ(utc_short(kMon2Mar2026 + 6 * 86400 + 13 * 3600 + 59), "Sun 8 Mar 13:00");  // seconds dropped
    EXPECT_EQ(utc_short(1767225600 - 60), "Wed 31 Dec 23:59");  // 2025-12-31, the minute before 2026
}

TEST(GuiPlanFormat, PeriodAndWindowSayTheirLength) {
    EXPECT_EQ(period_text(kMon2Mar2026, kMon2Mar2026 + 7 * 86400),
              "Mon 2 Mar 2026 00:00 to Mon 9 Mar 2026 00:00 UTC (7 d)");
    EXPECT_EQ(window_text(kMon2Mar2026 + 8 * 3600, kMon2Mar2026 + 8 * 3600 + 565200),
              "Mon 2 Mar 08:00 to Sun 8 Mar 21:00");  // 565200 s = 6 d 13 h later
    EXPECT_EQ(window_text(kMon2Mar2026 + 6 * 3600, kMon2Mar2026 + 14 * 3600), "Mon 2 Mar 06:00 to 14:00");  // one day
    EXPECT_EQ(revisit_text(24 * 3600), "24 h");
    EXPECT_EQ(revisit_text(6 * 3600), "6 h");
    EXPECT_EQ(revisit_text(3 * 86400), "3 d");
}

TEST(GuiPlanFormat, KilometresWithOneDecimalAndWordsForEnums) {
    EXPECT_EQ(km_text(12345), "12.3 km");
    EXPECT_EQ(km_text(26000), "26.0 km");
    EXPECT_EQ(words("partly_done"), "partly done");
    EXPECT_EQ(words("report_response"), "report response");
}

TEST(GuiPlanFormat, TypedTimesRoundTripAndBadOnesSayWhatIsExpected) {
    EXPECT_EQ(iso_minutes(kMon2Mar2026 + 8 * 3600), "2026-03-02T08:00Z");
    EXPECT_EQ(iso_minutes(kMon2Mar2026 + 8 * 3600 + 30), "2026-03-02T08:00:30Z");  // seconds kept when present
    std::string error;
    EXPECT_EQ(parse_typed_time("From", "2026-03-02T08:00Z", &error).value_or(0), kMon2Mar2026 + 8 * 3600);
    EXPECT_FALSE(parse_typed_time("From", "next tuesday", &error));
    EXPECT_EQ(error, "From 'next tuesday' is not a time: type ISO 8601 in UTC, such as 2026-03-02T08:00Z");
}

}  // namespace
}  // namespace tidemark::gui
