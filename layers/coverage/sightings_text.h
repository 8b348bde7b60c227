// The `sightings` field of the `segments` layer: every observed interval of a segment with the
// vessel that observed it, compactly as text so a GeoPackage (and QGIS) holds it in the layer
// itself: "1772409600+3600@0;1772496000+540@1" — start in Unix seconds, '+' duration in seconds,
// '@' the vessel's position (from 0) in the segment's `observers` list ("Valiant; Searcher").
// Entries are sorted by start; times are whole seconds (rounded to the nearest).
#pragma once

#include "geo/coverage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidemark::layers {

struct SightingEntry {
    double from = 0, to = 0;
    std::uint32_t observer = 0;  // index into the segment's observers list
};

// `observer_of_track[t]`: the position of track t's vessel in the segment's observers list.
std::string format_sightings(const std::vector<geo::Sighting>& sightings,
                             const std::vector<std::uint32_t>& observer_of_track);

// Parses the text back; nullopt with `error` saying which entry is wrong and what was expected.
// `observers`: how many names the segment's observers list has (every '@' must be below it).
std::optional<std::vector<SightingEntry>> parse_sightings(std::string_view text, std::size_t observers,
                                                          std::string* error);

// "Valiant; Searcher" -> {"Valiant", "Searcher"} (the `observers` field's separator).
std::vector<std::string> split_observers(std::string_view text);

}  // namespace tidemark::layers
