// The report filter as a value: a time range, a category substring and a grading — the Reports
// panel's, applied alike to its table, the map's symbols, the heat layer and map exports
// (`tidemark render --grading B2 ...`).
// Gradings are typed as users write them, in either order: "B2", "2B", "2/B", "2-B-P", "b",
// "2" — under this project's 3x5x2 scheme (geo/report_grading.h) the digit is the source
// evaluation (1–3) and the letter the intelligence assessment (A–E); a third letter is the
// handling code. Pure, so filtering is tested without a display.
#pragma once

#include "geo/time.h"
#include "layers/layer.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

struct GradingQuery {
    std::optional<int> source;       // 1..3
    std::optional<char> assessment;  // 'A'..'E'
    std::optional<char> handling;    // 'P' or 'C'
    bool empty() const { return !source && !assessment && !handling; }
};

// nullopt with `error` for anything that is not a grading; an empty query for blank text.
std::optional<GradingQuery> parse_grading_query(const std::string& text, std::string* error);

struct ReportFilter {
    std::optional<geo::UnixTime> from, to;  // reported_at in [from, to)
    std::string category;                   // case-insensitive substring; "" for any
    GradingQuery grading;
    bool hide_duplicates = false;           // leave out possible duplicates (possible_duplicate = 1)
    bool empty() const { return !from && !to && category.empty() && grading.empty() && !hide_duplicates; }
};

// What the filter keeps, as a legend says it: "grading B2, category contains 'small boat',
// reported 2026-03-02 10:00 – 2026-03-03 00:00 UTC, possible duplicates left out".
std::string describe(const ReportFilter& filter);

// The filter as typed in the Reports panel; kept in AppState (and the workspace's view
// settings) so the map, the heat layer and the table apply the same one.
struct ReportFilterText {
    std::string from, to, category, grading;
    bool hide_duplicates = false;
    bool empty() const { return from.empty() && to.empty() && category.empty() && grading.empty() && !hide_duplicates; }
    // One string that changes whenever the filter does (the map's cache key).
    std::string key() const;
};

// The typed filter read; each part that cannot be read is named in `errors` (with what was
// expected) and left out of the filter.
ReportFilter parse_report_filter(const ReportFilterText& text, std::vector<std::string>* errors);

// Whether feature `row` of a reports layer passes (fields reported_at, category,
// source_evaluation, assessment, handling, possible_duplicate; a missing field never excludes).
bool report_matches(const layers::Layer& reports, std::size_t row, const ReportFilter& filter);

}  // namespace tidemark::layers
