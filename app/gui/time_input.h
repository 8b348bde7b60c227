// What the timeline accepts for T: a typed ISO 8601 time (checked, never a silent 1970), and
// steps and jumps that stay inside the window. Pure, so the rules are tested without a display.
#pragma once

#include "geo/time.h"

#include <optional>
#include <string>

namespace tidemark::gui {

// The time `text` names when it is ISO 8601 (geo::parse_iso8601; no zone means UTC) and lies
// in the window [from, to]; otherwise nullopt with `error` saying what was expected.
std::optional<geo::UnixTime> parse_timeline_time(const std::string& text, geo::UnixTime from, geo::UnixTime to,
                                                 std::string* error);

// t + delta_s held inside [from, to] (a step past the end stops at the end).
geo::UnixTime step_time(geo::UnixTime t, double delta_s, geo::UnixTime from, geo::UnixTime to);

// "2026-03-04 12:00:00" as the time field shows it (UTC, no zone letter to type over).
std::string timeline_text(geo::UnixTime t);

}  // namespace tidemark::gui
