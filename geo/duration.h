// Durations as people read and type them: "6 d 13 h", "3 h 20 min", "45 min", "12 s".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tidemark::geo {

// Two largest units, rounded down: 565200 s -> "6 d 13 h"; 12000 s -> "3 h 20 min"; 0 -> "0 s".
std::string format_duration(double seconds);

// "12h", "12 h", "90min", "1d", "1d12h", "45m", "30s", or a plain number of hours ("12").
// nullopt for anything else or a negative duration.
std::optional<double> parse_duration(std::string_view text);

}  // namespace tidemark::geo
