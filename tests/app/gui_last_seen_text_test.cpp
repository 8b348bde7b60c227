// The Inspector's watch lines for a segment, from hand-worked sightings: Valiant saw it on
// Monday 2 March 00:00-01:00, Searcher on Sunday 8 March 20:00-20:30 (UTC).
#include "app/gui/last_seen_text.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

geo::UnixTime at(const char* iso) { return *geo::parse_iso8601(iso); }

layers::CoverageHistory history() {
    return layers::CoverageHistory::from_entries(
        {{{at("2026-03-02T00:00:00Z"), at("2026-03-02T01:00:00Z"), "Valiant"},
          {at("2026-03-08T20:00:00Z"), at("2026-03-08T20:30:00Z"), "Searcher"}},
         {}});
}

TEST(LastSeenText, SaysWhenAndByWhichVesselBeforeTAndInTheWindow) {
    // 2026-03-08 14:00 is 6 d 13 h after 2026-03-02 01:00.
    EXPECT_EQ(last_seen_lines(history(), 0, at("2026-03-08T14:00:00Z"), at("2026-03-09T00:00:00Z")),
              (std::vector<std::string>{"Last seen before T: Mon 2 Mar 2026 01:00 UTC, 6 d 13 h before T, by Valiant",
                                        "Last seen in the window: Sun 8 Mar 2026 20:30 UTC, by Searcher"}));
}

TEST(LastSeenText, InSightAtT) {
    EXPECT_EQ(last_seen_lines(history(), 0, at("2026-03-08T20:10:00Z"), std::nullopt),
              (std::vector<std::string>{"In sight at T = Sun 8 Mar 2026 20:10 UTC, of Searcher"}));
}

TEST(LastSeenText, NeverSeen) {
    EXPECT_EQ(last_seen_lines(history(), 1, at("2026-03-08T14:00:00Z"), at("2026-03-09T00:00:00Z")),
              (std::vector<std::string>{"Not seen before T = Sun 8 Mar 2026 14:00 UTC (in the run's window)",
                                        "Never seen in the window"}));
    // Before Valiant's pass began, segment 0 too.
    EXPECT_EQ(last_seen_lines(history(), 0, at("2026-03-01T23:00:00Z"), std::nullopt).front(),
              "Not seen before T = Sun 1 Mar 2026 23:00 UTC (in the run's window)");
}

TEST(LastSeenText, NothingWithoutSightings) {
    EXPECT_TRUE(last_seen_lines(layers::CoverageHistory{}, 0, 0, std::nullopt).empty());
}

}  // namespace
}  // namespace tidemark::gui
