#include "layers/coverage/sightings_text.h"

#include <gtest/gtest.h>

using namespace tidemark;
using namespace tidemark::layers;

TEST(SightingsText, WritesStartDurationAndObserverPosition) {
    // Track 2's vessel is listed first in the segment's observers, track 0's second.
    const std::vector<geo::Sighting> s = {{{1772409600.4, 1772413200.2}, 2}, {{1772496000, 1772496540}, 0}};
    EXPECT_EQ(format_sightings(s, {1, 0, 0}), "1772409600+3600@0;1772496000+540@1");
}

TEST(SightingsText, ReadsBackWhatItWrites) {
    std::string error;
    const auto e = parse_sightings("1772409600+3600@0;1772496000+540@1", 2, &error);
    ASSERT_TRUE(e) << error;
    ASSERT_EQ(e->size(), 2u);
    EXPECT_DOUBLE_EQ((*e)[0].from, 1772409600);
    EXPECT_DOUBLE_EQ((*e)[0].to, 1772413200);
    EXPECT_EQ((*e)[1].observer, 1u);
    EXPECT_DOUBLE_EQ((*e)[1].to, 1772496540);
    EXPECT_TRUE(parse_sightings("", 0, &error)->empty());
}

TEST(SightingsText, NamesTheBadEntryAndWhatWasExpected) {
    std::string error;
    EXPECT_FALSE(parse_sightings("100+10@0;200-5@0", 1, &error));
    EXPECT_NE(error.find("sighting 2"), std::string::npos) << error;
    EXPECT_NE(error.find("'+'"), std::string::npos) << error;
    EXPECT_NE(error.find("expected start+seconds@vessel"), std::string::npos) << error;
    EXPECT_FALSE(parse_sightings("100+10@3", 2, &error));
    EXPECT_NE(error.find("lists 2 observers"), std::string::npos) << error;
    EXPECT_FALSE(parse_sightings("200+10@0;100+10@0", 1, &error));
    EXPECT_NE(error.find("not sorted"), std::string::npos) << error;
    EXPECT_FALSE(parse_sightings("100+10@0;", 1, &error));
}

TEST(SightingsText, SplitsTheObserversList) {
    EXPECT_EQ(split_observers("Valiant; Searcher"), (std::vector<std::string>{"Valiant", "Searcher"}));
    EXPECT_EQ(split_observers("Valiant"), (std::vector<std::string>{"Valiant"}));
    EXPECT_TRUE(split_observers("").empty());
}
