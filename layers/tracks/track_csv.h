// Position reports from a CSV table of fixes: columns found by their common names (or mapped
// with --columns), times as ISO 8601 or Unix seconds, positions as lat/lon (WGS 84) or x/y in
// a named CRS. Bad rows are problems naming file and line; the good rows beside them are kept.
#pragma once

#include "geo/crs.h"
#include "geo/problem.h"
#include "geo/track_builder.h"
#include "layers/io/csv_text.h"

#include <string>
#include <string_view>
#include <vector>

namespace tidemark::layers {

struct CsvPositions {
    std::vector<geo::PositionReport> reports;  // positions in the working CRS
    geo::Problems problems;
    bool ok = true;     // false: the table cannot be used at all (no time column, ...), see `error`
    std::string error;  // names the file
};

struct TrackCsvColumns {  // column indexes, -1 when absent
    int vessel = -1, mmsi = -1, time = -1, lat = -1, lon = -1, x = -1, y = -1, speed = -1, course = -1;
    std::string crs;  // of x/y, from --columns crs=
};

// The columns a table of fixes has under their common names (the header is what counts).
TrackCsvColumns detect_track_columns(const CsvTable& table);

// `columns`: "vessel=boat,time=ts,lat=y_deg,lon=x_deg" (keys: vessel, mmsi, time, lat, lon, x,
// y, crs, speed, course); empty to detect them from the header. `lonlat_to_working` takes
// WGS 84 into `working` (passed in: building one costs far more than reading a small table).
CsvPositions read_csv_positions(const std::string& path, std::string_view text, const geo::Crs& working,
                                const geo::Transformer& lonlat_to_working, const std::string& columns);

}  // namespace tidemark::layers
