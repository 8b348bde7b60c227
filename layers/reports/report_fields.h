// Internal to the reports readers: canonical report fields, the column names they are
// recognised under, and one source row as text. Not part of the public interface.
#pragma once

#include "geo/geometry.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers::report_fields {

// Canonical field names, as --columns takes them.
const std::vector<std::string>& canonical_names();

// "Observed At" -> "observedat": compare column names ignoring case, spaces and punctuation.
std::string normalised(const std::string& name);

// Maps each canonical field to a source column index, from `header` and the user's
// "canonical=Column,..." overrides. nullopt with `error` when an override is malformed or
// names a column the file does not have.
std::optional<std::map<std::string, int>> detect(const std::vector<std::string>& header, const std::string& overrides,
                                                 std::string* error);

// One input row: values by canonical field name, plus a point geometry when the source had one.
struct Row {
    long line = 0;             // 1-based text line, 0 for non-text sources
    std::string feature;       // feature id for non-text sources
    std::map<std::string, std::string> values;
    std::optional<geo::XY> geometry;  // already in the working CRS
    std::string geometry_problem;     // non-point geometry, described
};

// CSV text as records: RFC 4180 quoting (fields may hold commas, quotes and line breaks),
// delimiter , ; or TAB (whichever the first line has most of), a UTF-8 BOM skipped,
// blank lines skipped. `line` is the 1-based line each record starts on.
struct CsvRecord {
    long line = 0;
    std::vector<std::string> fields;
};
std::vector<CsvRecord> parse_csv(const std::string& text);

}  // namespace tidemark::layers::report_fields
