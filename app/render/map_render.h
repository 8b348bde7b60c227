// Renders a workspace as a map for briefings: PNG (requested pixel size, DPI recorded in
// the file), vector PDF (cairo PDF surface: lines stay sharp when zoomed) or GeoTIFF (the
// map content only, georeferenced in the working CRS so QGIS places it). Every file is
// written beside its target and renamed into place when complete.
#pragma once

#include "geo/time.h"
#include "layers/coverage/coverage_as_of.h"
#include "layers/reports/report_filter.h"
#include "layers/workspace.h"

#include <optional>
#include <string>

namespace tidemark::render {

enum class MapFormat { Png, Pdf, GeoTiff };

// From the file extension: .png, .pdf, .tif/.tiff; nullopt otherwise.
std::optional<MapFormat> map_format_for(const std::string& path);

struct RenderOptions {
    int width_px = 1754;   // A4 landscape at 150 dpi; a PDF page is width_px / dpi inches wide
    int height_px = 1240;
    double dpi = 150;
    bool fit_orientation = false;  // swap width and height when the map extent is taller than wide
    std::optional<geo::Box> bbox;  // working CRS metres; default: coastline and force areas
    std::optional<geo::UnixTime> time;  // vessel positions at, reports up to this time
    // With `time`: the coast coloured as of that time from this history of the segments layer
    // (layers/coverage/coverage_as_of.h) instead of by the window's longest gap.
    const layers::CoverageHistory* coverage_as_of = nullptr;
    // Only the reports this keeps are drawn, and the legend says so (the Reports panel's filter).
    std::optional<layers::ReportFilter> reports;
    std::string title = "Coastal monitoring coverage";
    std::string marking;           // e.g. "OFFICIAL-SENSITIVE", printed top and bottom
    std::optional<geo::UnixTime> generated_at;  // default: now
    // The team workspace read as it was known then (--as-of): the footer says so instead of when
    // the map was made, so the same map made again later is the same file, byte for byte.
    std::optional<geo::UnixTime> known_at;
};

bool render_map(const layers::Workspace& ws, const RenderOptions& options, const std::string& path, std::string* error);

// A bbox given as "minx,miny,maxx,maxy": in the working CRS, or in WGS 84 degrees
// (lon, lat) when every value lies within ±180/±90 — converted to the working CRS.
std::optional<geo::Box> parse_bbox(const std::string& text, const geo::Crs& working, std::string* error);

}  // namespace tidemark::render
