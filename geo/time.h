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
// "2026-03-01T12:00:05Z" (fractions are dropped; rounding toward negative infinity).
std::string format_iso8601(UnixTime t);
// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long long days_from_civil(int year, unsigned month, unsigned day);

}  // namespace tidemark::geo
