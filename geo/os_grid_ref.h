// Ordnance Survey National Grid references ("TG 51409 13177") <-> British National Grid
// easting/northing (EPSG:27700, metres). Pure arithmetic on the 100 km square letters:
// no datum transformation is involved.
#pragma once

#include "geo/geometry.h"

#include <optional>
#include <string>
#include <string_view>

namespace tidemark::geo {

struct GridRef {
    XY south_west;          // BNG easting/northing of the square's south-west corner, metres
    double precision_m = 0; // side of the square the reference denotes: 10 digits -> 1 m, 2 -> 10 km
    XY centre() const { return {south_west.x + precision_m / 2, south_west.y + precision_m / 2}; }
};

// Two letters then 0-10 digits (an even count; 0 means the whole 100 km square), with or
// without spaces ("TR 3238 4030", "TR32384030", "tr 32384 40300"). nullopt with `error`
// saying what was expected: letters of a 100 km square inside the National Grid
// (0-700 km east, 0-1300 km north; no "I"), an even number of digits.
std::optional<GridRef> parse_os_grid_ref(std::string_view text, std::string* error = nullptr);

// True when the text looks like a grid reference attempt (starts with two letters then
// digits/spaces), so the reader can say "bad grid reference" rather than "no position".
bool looks_like_os_grid_ref(std::string_view text);

// The reference of the `digits`-digit square (2..10, even) holding easting/northing `en`,
// "TG 51409 13177" (spaces between letters and halves when `spaces`). nullopt outside the grid.
std::optional<std::string> format_os_grid_ref(XY en, int digits = 10, bool spaces = true);

}  // namespace tidemark::geo
