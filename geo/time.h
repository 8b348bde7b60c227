// Instants are seconds since 1970-01-01T00:00:00Z as double (UTC, no leap seconds):
// fractional seconds survive interpolation; doubles hold whole seconds exactly for ~285 My.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tidemark::geo {

using UnixTime = double;

// Accepts "2026-03-01", "2026-03-01T12:00", "2026-03-01T12:00:05Z", "2026-03-01 12:00:05.25+01:00",
// "20260301T120005Z". Without a zone the time is taken as UTC. nullopt on anything else.
std::optional<UnixTime> parse_iso8601(std::string_view text);
// Whether ISO 8601 text says its zone: a time ending in Z or a UTC offset (+01:00, -0500, +01).
// A date alone, or a time without either, is a clock reading in some unstated zone.
bool has_utc_offset(std::string_view text);

// British Summer Time (UTC+1) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on
// the last Sunday of October; GMT (UTC) the rest of the year.
bool in_british_summer_time(UnixTime utc);
// A UK clock reading, parsed as if it were UTC, to the instant it names. In the October hour
// the clocks show twice the first (BST) instant is taken; a reading in the March hour the
// clocks skip is taken as GMT.
UnixTime uk_clock_to_utc(UnixTime clock);

// "2026-03-01T12:00:05Z" (fractions are dropped; rounding toward negative infinity).
// Years 0000-9999 only: anything else (1e20, NaN, inf) gives "(time out of range: 1e+20 s)"
// rather than a cast of an out-of-range double, which is undefined behaviour.
std::string format_iso8601(UnixTime t);

// The instants data may hold: 1970-01-01T00:00:00Z up to, not including, 2101-01-01T00:00:00Z.
// Anything outside is a corrupt or mistyped time (milliseconds taken as seconds, 1e20), refused
// with kPlausibleTimeText in the message.
inline constexpr UnixTime kEarliestPlausibleTime = 0;
inline constexpr UnixTime kEndOfPlausibleTimes = 4133980800;  // date -u -d 2101-01-01 +%s
inline constexpr const char* kPlausibleTimeText = "expected a time between 1970-01-01 and 2100-12-31";
inline bool plausible_time(UnixTime t) { return t >= kEarliestPlausibleTime && t < kEndOfPlausibleTimes; }
// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long long days_from_civil(int year, unsigned month, unsigned day);
// The inverse: the date `days` after 1970-01-01 (Hinnant's civil_from_days).
struct CivilDate {
    long long year;
    unsigned month, day;
};
CivilDate civil_from_days(long long days);

}  // namespace tidemark::geo
