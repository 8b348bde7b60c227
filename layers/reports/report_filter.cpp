#include "layers/reports/report_filter.h"

#include "geo/report_grading.h"
#include "layers/tracks/vessel_positions.h"

#include <algorithm>
#include <cctype>

namespace tidemark::layers {
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

std::string ReportFilterText::key() const {
    // The unit separator cannot be typed into the fields, so different filters never share a key.
    return from + '\x1f' + to + '\x1f' + category + '\x1f' + grading + '\x1f' + (hide_duplicates ? "D" : "d");
}

std::string describe(const ReportFilter& f) {
    std::vector<std::string> parts;
    const GradingQuery& g = f.grading;
    if (!g.empty()) {
        std::string grading = "grading ";
        if (g.assessment) grading += *g.assessment;
        if (g.source) grading += std::to_string(*g.source);
        if (g.handling) grading += std::string(" ") + *g.handling;
        parts.push_back(grading);
    }
    if (!f.category.empty()) parts.push_back("category contains '" + f.category + "'");
    auto minute = [](geo::UnixTime t) {  // "2026-03-02 10:00"
        std::string text = geo::format_iso8601(t).substr(0, 16);
        if (text.size() > 10) text[10] = ' ';
        return text;
    };
    if (f.from && f.to) parts.push_back("reported " + minute(*f.from) + " – " + minute(*f.to) + " UTC");
    else if (f.from) parts.push_back("reported from " + minute(*f.from) + " UTC");
    else if (f.to) parts.push_back("reported before " + minute(*f.to) + " UTC");
    if (f.hide_duplicates) parts.push_back("possible duplicates left out");
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

ReportFilter parse_report_filter(const ReportFilterText& text, std::vector<std::string>* errors) {
    ReportFilter f;
    auto time = [&](const std::string& typed, const char* what) -> std::optional<geo::UnixTime> {
        if (typed.empty()) return std::nullopt;
        auto t = geo::parse_iso8601(typed);
        if (!t && errors) errors->push_back(std::string(what) + " '" + typed + "': expected an ISO 8601 time such as 2026-03-04T12:00Z");
        return t;
    };
    f.from = time(text.from, "From");
    f.to = time(text.to, "To");
    f.category = text.category;
    std::string error;
    if (auto g = parse_grading_query(text.grading, &error)) f.grading = *g;
    else if (errors) errors->push_back(error);
    f.hide_duplicates = text.hide_duplicates;
    return f;
}

bool report_matches(const Layer& reports, std::size_t row, const ReportFilter& f) {
    if (row >= reports.features().size()) return false;
    const Feature& feat = reports.features()[row];
    if (f.from || f.to) {
        const int tf = reports.field_index("reported_at");
        const auto t = tf >= 0 ? feature_time(reports, feat, tf) : std::nullopt;
        if (tf >= 0 && (!t || (f.from && *t < *f.from) || (f.to && *t >= *f.to))) return false;
    }
    if (!f.category.empty() && reports.field_index("category") >= 0 &&
        !contains_nocase(to_string(reports.value(feat, "category")), f.category))
        return false;
    const GradingQuery& g = f.grading;
    if (g.source && reports.field_index("source_evaluation") >= 0 &&
        geo::parse_source_evaluation(to_string(reports.value(feat, "source_evaluation"))) != g.source)
        return false;
    if (g.assessment && reports.field_index("assessment") >= 0 &&
        geo::parse_assessment(to_string(reports.value(feat, "assessment"))) != g.assessment)
        return false;
    if (g.handling && reports.field_index("handling") >= 0 &&
        geo::parse_handling(to_string(reports.value(feat, "handling"))) != g.handling)
        return false;
    if (f.hide_duplicates && to_number(reports.value(feat, "possible_duplicate")).value_or(0) != 0) return false;
    return true;
}

}  // namespace tidemark::layers
