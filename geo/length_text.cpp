#include "geo/length_text.h"

#include <cstdio>

namespace tidemark::geo {

std::string format_km(double metres) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f km", metres / 1000);
    return buf;
}

}  // namespace tidemark::geo
