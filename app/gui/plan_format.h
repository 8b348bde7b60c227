// Plan values as people read them in the Plan panel: times in UTC with the weekday, windows
// with their length ("6 d 13 h"), kilometres with one decimal, task kinds and statuses in
// words. Only Latin-1 characters: the app's font has no glyphs beyond them (no arrows or
// en dashes). No ImGui here: tested without a display.
#pragma once

#include "geo/time.h"
#include "layers/plan/plan.h"

#include <optional>
#include <string>

namespace tidemark::gui {

// "Mon 2 Mar 2026 08:00" (UTC; seconds dropped).
std::string utc_text(geo::UnixTime t);
// "Mon 2 Mar 08:00" (UTC), for table cells where the year is the plan's.
std::string utc_short(geo::UnixTime t);
// "Mon 2 Mar 2026 00:00 to Mon 9 Mar 2026 00:00 UTC (7 d)".
std::string period_text(geo::UnixTime from, geo::UnixTime to);
// "Mon 2 Mar 08:00 to Tue 3 Mar 20:00"; within one day "Mon 2 Mar 06:00 to 14:00".
std::string window_text(geo::UnixTime from, geo::UnixTime to);
// A revisit target: "24 h", "6 h"; two days and more as durations ("3 d").
std::string revisit_text(double seconds);
// "12.3 km".
std::string km_text(double metres);
// "sea patrol", "partly done": the enum names with spaces.
std::string words(const char* name);
// "2026-03-02T08:00Z": what the window fields show for editing (and parse back).
std::string iso_minutes(geo::UnixTime t);
// An ISO 8601 time typed into `field`, or nullopt with `error` naming the field, the text and
// an example of what is expected.
std::optional<geo::UnixTime> parse_typed_time(const char* field, const std::string& text, std::string* error);

}  // namespace tidemark::gui
