// Lengths as people read them: kilometres with one decimal ("12.3 km"), the unit planners
// and the exports use for stretches of coast.
#pragma once

#include <string>

namespace tidemark::geo {

// 12345 m -> "12.3 km"; 0 -> "0.0 km".
std::string format_km(double metres);

}  // namespace tidemark::geo
