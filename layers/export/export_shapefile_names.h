// dBase (Shapefile) field names hold at most 10 characters, and tools only agree on plain
// ASCII letters, digits and '_'. Names are laundered, cut, and those that then clash
// (case-insensitively, as dBase compares them) get a numbered tail: the names a user sees
// in QGIS are predictable and every column survives.
#pragma once

#include <string>
#include <vector>

namespace tidemark::layers {

// One output name per input name, in order: any character other than A-Z, a-z, 0-9 and '_'
// becomes '_' (each byte of a UTF-8 character too), then the first 10 are kept; unique
// ignoring case. Names that already fit keep priority; a later clashing name ends in
// _1, _2, ... ("observation_count_valid" -> "observat_1" after "observatio").
std::vector<std::string> shapefile_field_names(const std::vector<std::string>& names);

}  // namespace tidemark::layers
