// What `tidemark info` says about a CSV table of positions, read by the project's own CSV reader
// in one streamed pass (layers/io/csv_text.h) rather than through GDAL's CSV driver, which builds an
// OGR feature per row (17 s for a million rows against well under 1 s here).
#pragma once

#include "geo/geometry.h"
#include "geo/problem.h"
#include "geo/time.h"
#include "layers/tracks/track_csv.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

struct CsvSummary {
    std::vector<std::string> header;
    std::size_t rows = 0;          // records after the header (blank and '#' lines not counted)
    TrackCsvColumns columns;       // detected by name (track_csv.h)
    geo::Box lonlat_extent;        // of rows with a lat/lon in range
    std::size_t positioned = 0;    // rows with such a position
    std::optional<geo::UnixTime> first, last;  // over rows whose time reads (ISO 8601 or Unix seconds)
    std::size_t timed = 0;
    std::size_t vessels = 0;       // distinct values of the vessel column, else the mmsi column
    geo::Problems problems;        // rows with no usable position or time: the first 20 of each, then a count
};

// Whether `path` is a CSV the summary can stand in for GDAL on: a .csv with lat/lon columns
// under their common names and no sidecar GDAL would read (.prj, .csvt) nor a WKT column.
bool csv_summary_applies(const std::string& path);

// nullopt with `error` naming the file when it cannot be read.
std::optional<CsvSummary> summarise_csv(const std::string& path, std::string* error);

}  // namespace tidemark::layers
