// The UK 3x5x2 intelligence grading of a report, and how much a report counts in hotspot
// density and gap risk. Source evaluation: 1 reliable, 2 untested, 3 not reliable.
// Intelligence assessment: A known directly to the source, B known indirectly but
// corroborated, C known indirectly, D not known, E suspected to be false.
// Handling code: P lawful sharing permitted, C lawful sharing permitted with conditions.
#pragma once

#include "geo/time.h"

#include <optional>
#include <string>
#include <string_view>

namespace tidemark::geo {

struct Grading {
    int source_evaluation = 0;  // 1..3, 0 unknown
    char assessment = 0;        // 'A'..'E', 0 unknown
    char handling = 0;          // 'P' or 'C', 0 unknown
};

// Each accepts surrounding spaces and either case; nullopt when not a valid code.
// Source evaluation also accepts the words "reliable", "untested", "not reliable".
std::optional<int> parse_source_evaluation(std::string_view text);
std::optional<char> parse_assessment(std::string_view text);
std::optional<char> parse_handling(std::string_view text);
// A combined grading: "1AP", "1/A/P", "1-A-P", "1 A P"; nullopt when any part is invalid.
std::optional<Grading> parse_grading(std::string_view text);
// "1/A/P", with "?" for unknown parts.
std::string format_grading(const Grading& g);

// Weight in (0, 1]: source factor x assessment factor.
//   source 1: 1.0, 2: 0.6, 3: 0.3, unknown: 0.5
//   assessment A: 1.0, B: 0.8, C: 0.6, D: 0.4, E: 0.1, unknown: 0.5
// The handling code decides who may see a report, not how much it counts: no effect.
double grading_weight(int source_evaluation, char assessment);

inline constexpr double kReportHalfLifeS = 7 * 86400.0;
// 0.5 ^ (age / half_life) with age = now - observed, floored at 0 (a report "from the
// future" relative to `now` counts fully).
double recency_weight(UnixTime observed, UnixTime now, double half_life_s = kReportHalfLifeS);

}  // namespace tidemark::geo
