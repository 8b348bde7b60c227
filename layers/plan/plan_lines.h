// Plan tables whose rows are stretches of coast: a line layer (multi-lines, so a stretch across
// a ring's start stays one row) and its rows. Shared by the plan tables and the check findings.
#pragma once

#include "geo/geometry.h"
#include "layers/layer.h"

#include <cstdint>
#include <vector>

namespace tidemark::layers::plan {

Layer lines_layer(const char* name, std::vector<Field> fields);
// A row with `lines` as geometry (none when empty: a row whose stretch is not on this coast).
Feature line_feature(const std::vector<geo::Path>& lines, std::vector<Value> values, std::int64_t fid);

}  // namespace tidemark::layers::plan
