#include "layers/reports/report_fields.h"

#include <algorithm>
#include <cctype>

namespace tidemark::layers::report_fields {
namespace {

struct Alias {
    const char* canonical;
    std::vector<const char*> names;  // in order of preference, compared normalised
};

const std::vector<Alias>& aliases() {
    static const std::vector<Alias> list = {
        {"report_id", {"report_id", "reportid", "id", "ref", "reference", "report_ref", "kraken_ref", "name"}},
        {"reported_at", {"reported_at", "reported", "report_time", "time_reported", "date_reported", "reported_time",
                         "timestamp", "datetime", "date_time", "time"}},
        {"observed_at", {"observed_at", "observed", "observed_time", "time_observed", "seen_at", "event_time",
                         "incident_time", "activity_time"}},
        {"lat", {"lat", "latitude", "lat_wgs84"}},
        {"lon", {"lon", "long", "lng", "longitude", "lon_wgs84"}},
        {"easting", {"easting", "bng_easting", "bng_e", "east", "x"}},
        {"northing", {"northing", "bng_northing", "bng_n", "north", "y"}},
        {"grid_ref", {"grid_ref", "gridref", "grid_reference", "os_grid_ref", "osgr", "ngr", "os_grid_reference"}},
        {"category", {"category", "type", "report_type", "activity", "activity_type"}},
        {"description", {"description", "desc", "details", "detail", "narrative", "text", "notes"}},
        {"source", {"source", "source_type"}},
        // Who reported and how to reach them: personal data, kept to the owning agency on a team
        // workspace (docs/team.md).
        {"reporter", {"reporter", "reporter_name", "reported_by", "informant", "caller", "caller_name"}},
        {"reporter_contact", {"reporter_contact", "contact", "contact_details", "phone", "telephone", "email",
                              "reporter_phone", "reporter_email"}},
        {"source_evaluation", {"source_evaluation", "source_eval", "evaluation", "source_grade", "source_grading"}},
        {"assessment", {"assessment", "intelligence_assessment", "intel_assessment", "int_assessment", "intelligence_grade"}},
        {"handling", {"handling", "handling_code", "handling_condition"}},
        {"grading", {"grading", "grade", "grading_3x5x2", "x352", "intelligence_grading"}},
        {"synthetic", {"synthetic", "is_synthetic", "demo"}},
    };
    return list;
}

}  // namespace

const std::vector<std::string>& canonical_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const Alias& a : aliases()) v.push_back(a.canonical);
        return v;
    }();
    return names;
}

std::string normalised(const std::string& name) {
    std::string s;
    for (char c : name)
        if (std::isalnum(static_cast<unsigned char>(c))) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::optional<std::map<std::string, int>> detect(const std::vector<std::string>& header, const std::string& overrides,
                                                 std::string* error) {
    std::map<std::string, int> by_normalised_column;
    for (int i = static_cast<int>(header.size()) - 1; i >= 0; --i) by_normalised_column[normalised(header[i])] = i;
    // The aliases normalised once: every file's header is compared with the same ~90 names.
    static const std::vector<std::pair<const char*, std::vector<std::string>>> normalised_aliases = [] {
        std::vector<std::pair<const char*, std::vector<std::string>>> v;
        for (const Alias& a : aliases()) {
            v.push_back({a.canonical, {}});
            for (const char* n : a.names) v.back().second.push_back(normalised(n));
        }
        return v;
    }();
    std::map<std::string, int> found;
    for (const auto& [canonical, names] : normalised_aliases)
        for (const std::string& n : names)
            if (auto it = by_normalised_column.find(n); it != by_normalised_column.end()) {
                found[canonical] = it->second;
                break;
            }
    // Overrides: "canonical=Column" pairs separated by commas.
    std::size_t start = 0;
    while (start < overrides.size()) {
        std::size_t end = overrides.find(',', start);
        if (end == std::string::npos) end = overrides.size();
        const std::string pair = overrides.substr(start, end - start);
        start = end + 1;
        if (pair.find_first_not_of(' ') == std::string::npos) continue;
        const auto eq = pair.find('=');
        auto trim = [](std::string s) {
            const auto a = s.find_first_not_of(' ');
            return a == std::string::npos ? std::string{} : s.substr(a, s.find_last_not_of(' ') - a + 1);
        };
        if (eq == std::string::npos) {
            *error = "--columns: \"" + pair + "\" is not FIELD=COLUMN (e.g. observed_at=When)";
            return std::nullopt;
        }
        const std::string field = trim(pair.substr(0, eq)), column = trim(pair.substr(eq + 1));
        bool known = false;
        for (const auto& c : canonical_names()) known = known || c == field;
        if (!known) {
            std::string all;
            for (const auto& c : canonical_names()) all += (all.empty() ? "" : ", ") + c;
            *error = "--columns: unknown field \"" + field + "\"; expected one of " + all;
            return std::nullopt;
        }
        int index = -1;
        for (int i = 0; i < static_cast<int>(header.size()); ++i)
            if (header[i] == column || (index < 0 && normalised(header[i]) == normalised(column))) index = i;
        if (index < 0) {
            std::string cols;
            for (const auto& h : header) {
                cols += (cols.empty() ? "" : ", ") + h;
                if (cols.size() > 200) {  // a header of millions of columns is not echoed whole
                    cols = cols.substr(0, 200) + "... (" + std::to_string(header.size()) + " columns in all)";
                    break;
                }
            }
            *error = "--columns: the file has no column \"" + column + "\" for " + field + " (columns: " + cols + ")";
            return std::nullopt;
        }
        // A column mapped explicitly is no longer auto-assigned to another field.
        for (auto it = found.begin(); it != found.end();)
            it = it->second == index ? found.erase(it) : std::next(it);
        found[field] = index;
    }
    return found;
}

// --- CSV: RFC 4180 quoting (fields may hold commas, quotes and line breaks); the delimiter
// is whichever of , ; TAB occurs most in the header line.
std::vector<CsvRecord> parse_csv(const std::string& text) {
    std::size_t pos = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    const std::string first_line = text.substr(pos, text.find('\n', pos) - pos);
    char delim = ',';
    std::size_t best = std::count(first_line.begin(), first_line.end(), ',');
    for (char d : {';', '\t'})
        if (auto n = static_cast<std::size_t>(std::count(first_line.begin(), first_line.end(), d)); n > best) {
            best = n;
            delim = d;
        }
    std::vector<CsvRecord> records;
    long line = 1;
    while (pos < text.size()) {
        CsvRecord rec;
        rec.line = line;
        std::string field;
        bool quoted = false, any = false;
        while (pos < text.size()) {
            const char c = text[pos++];
            if (quoted) {
                if (c == '"' && pos < text.size() && text[pos] == '"') { field += '"'; ++pos; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') ++line; field += c; }
            } else if (c == '"') { quoted = true; any = true; }
            else if (c == delim) { rec.fields.push_back(field); field.clear(); any = true; }
            else if (c == '\n') { ++line; break; }
            else if (c != '\r') { field += c; any = true; }
        }
        rec.fields.push_back(field);
        if (any) records.push_back(std::move(rec));
    }
    return records;
}

}  // namespace tidemark::layers::report_fields
