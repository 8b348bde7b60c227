#include "geo/duration.h"
#include "geo/length_text.h"

#include <gtest/gtest.h>

using namespace tidemark::geo;

TEST(Duration, FormattedAsPeopleReadThem) {
    EXPECT_EQ(format_duration(6 * 86400 + 13 * 3600 + 59 * 60), "6 d 13 h");
    EXPECT_EQ(format_duration(3 * 3600 + 20 * 60 + 5), "3 h 20 min");
    EXPECT_EQ(format_duration(86400), "1 d");
    EXPECT_EQ(format_duration(45 * 60), "45 min");
    EXPECT_EQ(format_duration(12), "12 s");
    EXPECT_EQ(format_duration(0), "0 s");
}

TEST(Duration, ParsedFromWhatPeopleType) {
    EXPECT_EQ(parse_duration("12h"), 43200);
    EXPECT_EQ(parse_duration("12 h"), 43200);
    EXPECT_EQ(parse_duration("12"), 43200);  // a plain number is hours
    EXPECT_EQ(parse_duration("90min"), 5400);
    EXPECT_EQ(parse_duration("1d12h"), 129600);
    EXPECT_EQ(parse_duration("1.5 d"), 129600);
    EXPECT_EQ(parse_duration("30s"), 30);
    EXPECT_FALSE(parse_duration("soon"));
    EXPECT_FALSE(parse_duration("-3h"));
    EXPECT_FALSE(parse_duration(""));
    EXPECT_FALSE(parse_duration("12 parsecs"));
}

TEST(LengthText, KilometresWithOneDecimal) {
    EXPECT_EQ(tidemark::geo::format_km(12345), "12.3 km");
    EXPECT_EQ(tidemark::geo::format_km(0), "0.0 km");
    EXPECT_EQ(tidemark::geo::format_km(2000), "2.0 km");
}
