// dBase (Shapefile) field names hold at most 10 bytes. Long names are cut, and names that
// then clash (case-insensitively, as dBase compares them) get a numbered tail: the names
// a user sees in QGIS are predictable and every column survives.
#pragma once

#include <string>
#include <vector>

namespace tidemark::layers {

// One output name per input name, in order: at most 10 bytes, cut on a UTF-8 character
// boundary, unique ignoring case. The first of clashing names keeps the plain cut
// ("max_gap_se"); later ones end in _1, _2, ... ("max_gap__1").
std::vector<std::string> shapefile_field_names(const std::vector<std::string>& names);

}  // namespace tidemark::layers
