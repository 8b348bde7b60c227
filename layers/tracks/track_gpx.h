// GPX tracks through GDAL's GPX driver: timed <trkpt>s as position reports in the working CRS.
// On its own so that a fuzz target can link it without the workspace.
#pragma once

#include "geo/crs.h"
#include "geo/problem.h"
#include "geo/track_builder.h"

#include <string>
#include <vector>

namespace tidemark::layers {

// Appends one report per timed track point to `out`; the vessel is the <trk><name>, else the
// file's stem. Points without a time or with one outside 1970-2100 are problems, not reports.
// False with `error` when GDAL cannot open `path` as GPX (any GDAL path, /vsimem/ included).
bool read_gpx_positions(const std::string& path, const geo::Transformer& to_working, std::vector<geo::PositionReport>& out,
                        geo::Problems& problems, std::string* error);

}  // namespace tidemark::layers
