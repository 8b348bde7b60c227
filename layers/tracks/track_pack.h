// The per-fix values of a stored leg (times, speeds, courses), packed into one text field each:
// numbers in the shortest decimal that reads back as the same double (std::to_chars), separated
// by single spaces, "-" for a value not known. Text rather than a BLOB so the column is an
// ordinary String field for every store and exporter (GeoPackage, the team PostGIS store's COPY,
// CSV) and readable in QGIS's attribute table; exact all the same (docs/tracks.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidemark::layers {

// `values[i] < 0` is written as "-" when `negative_unknown` (speeds, courses); times are written as they are.
std::string pack_numbers(const std::vector<double>& values, bool negative_unknown);

// Reads what pack_numbers wrote: exactly `count` numbers ("-" reads as -1). nullopt with `why`
// ("value 7 'x1' is not a number", "holds 5 values, expected 6") on anything else.
std::optional<std::vector<double>> unpack_numbers(std::string_view text, std::size_t count, std::string* why);

}  // namespace tidemark::layers
