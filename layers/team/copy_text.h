// Values in PostgreSQL's COPY text format (one row a line, tab-separated, \N for NULL,
// backslash escapes): what bulk loads send instead of one INSERT per row.
#pragma once

#include "layers/layer.h"

#include <ogr_geometry.h>

#include <string>

namespace tidemark::layers::team {

// Appends `text` escaped for COPY text format.
void append_copy_escaped(std::string& out, const std::string& text);

// Appends `v` as a value of a `type` column (converted as GDAL converts when writing a
// GeoPackage field of that type), \N for null and for an empty DateTime.
void append_copy_value(std::string& out, const Value& v, FieldType type);

// Appends `g` as hex EWKB carrying `srid` (PostGIS's text input for geometry), little-endian.
void append_ewkb_hex(std::string& out, const OGRGeometry& g, int srid);

}  // namespace tidemark::layers::team
