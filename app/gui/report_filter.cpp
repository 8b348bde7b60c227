#include "app/gui/report_filter.h"

#include "geo/report_grading.h"
#include "layers/vessel_positions.h"

#include <algorithm>
#include <cctype>

namespace tidemark::gui {
namespace {

bool contains_nocase(std::string hay, std::string needle) {
    auto lower = [](std::string& s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    };
    lower(hay);
    lower(needle);
    return hay.find(needle) != std::string::npos;
}

}  // namespace

std::optional<GradingQuery> parse_grading_query(const std::string& text, std::string* error) {
    GradingQuery q;
    for (char raw : text) {
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
        if (c == ' ' || c == '/' || c == '-' || c == ',') continue;
        if (c >= '1' && c <= '3' && !q.source) { q.source = c - '0'; continue; }
        if (c >= 'A' && c <= 'E' && !q.assessment) { q.assessment = c; continue; }
        if ((c == 'P' || c == 'C') && q.assessment && !q.handling) { q.handling = c; continue; }
        *error = "grading '" + text + "': expected a source evaluation 1–3 and an assessment A–E, in either order "
                 "(e.g. B2 or 2B), optionally a handling code P or C";
        return std::nullopt;
    }
    return q;
}

bool report_matches(const layers::Layer& reports, std::size_t row, const ReportFilter& f) {
    if (row >= reports.features.size()) return false;
    const layers::Feature& feat = reports.features[row];
    if (f.from || f.to) {
        const int tf = reports.field_index("reported_at");
        const auto t = tf >= 0 ? layers::feature_time(reports, feat, tf) : std::nullopt;
        if (tf >= 0 && (!t || (f.from && *t < *f.from) || (f.to && *t >= *f.to))) return false;
    }
    if (!f.category.empty() && reports.field_index("category") >= 0 &&
        !contains_nocase(layers::to_string(reports.value(feat, "category")), f.category))
        return false;
    const GradingQuery& g = f.grading;
    if (g.source && reports.field_index("source_evaluation") >= 0 &&
        geo::parse_source_evaluation(layers::to_string(reports.value(feat, "source_evaluation"))) != g.source)
        return false;
    if (g.assessment && reports.field_index("assessment") >= 0 &&
        geo::parse_assessment(layers::to_string(reports.value(feat, "assessment"))) != g.assessment)
        return false;
    if (g.handling && reports.field_index("handling") >= 0 &&
        geo::parse_handling(layers::to_string(reports.value(feat, "handling"))) != g.handling)
        return false;
    return true;
}

}  // namespace tidemark::gui
