// The Reports panel's filters as a value: a time range, a category substring and a grading.
// Gradings are typed as users write them, in either order: "B2", "2B", "2/B", "2-B-P", "b",
// "2" — under this project's 3x5x2 scheme (geo/report_grading.h) the digit is the source
// evaluation (1–3) and the letter the intelligence assessment (A–E); a third letter is the
// handling code. Pure, so filtering is tested without a display.
#pragma once

#include "geo/time.h"
#include "layers/layer.h"

#include <optional>
#include <string>

namespace tidemark::gui {

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
};

// Whether feature `row` of a reports layer passes (fields reported_at, category,
// source_evaluation, assessment, handling; a missing field never excludes).
bool report_matches(const layers::Layer& reports, std::size_t row, const ReportFilter& filter);

}  // namespace tidemark::gui
