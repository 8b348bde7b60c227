#include "layers/reports/reports.h"

#include "geo/observation.h"
#include "geo/os_grid_ref.h"
#include "geo/report_grading.h"
#include "layers/io/csv_text.h"
#include "layers/io/ogr_reader.h"
#include "layers/reports/report_fields.h"
#include "layers/coast_index.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>


namespace tidemark::layers {
namespace {

using report_fields::Row;
using Sev = geo::Problem::Severity;

std::string lower_words(const std::string& text) {
    std::string s;
    for (char c : text) {
        const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const bool sep = l == '_' || l == '-' || l == '/' || l == ' ' || l == '\t';
        if (sep) {
            if (!s.empty() && s.back() != ' ') s += ' ';
        } else {
            s += l;
        }
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

std::string trimmed(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r\n");
    return a == std::string::npos ? std::string{} : s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

std::optional<std::string> canonical_category(const std::string& text) {
    const std::string s = lower_words(text);
    for (const auto& c : report_categories())
        if (s == c) return c;
    static const std::vector<std::pair<const char*, const char*>> synonyms = {
        {"small boat", "small craft"}, {"rib", "small craft"}, {"dinghy", "small craft"},
        {"loitering vessel", "vessel loitering"}, {"loitering", "vessel loitering"},
        {"landing", "landing or embarkation"}, {"embarkation", "landing or embarkation"},
        {"landing embarkation", "landing or embarkation"}, {"people", "people on shore"},
        {"persons on shore", "people on shore"}, {"goods", "goods on shore"}, {"packages", "goods on shore"},
        {"vehicle", "vehicle at coast"}, {"suspicious vehicle", "vehicle at coast"},
        {"drone", "aircraft or drone"}, {"aircraft", "aircraft or drone"}, {"uav", "aircraft or drone"}};
    for (const auto& [alias, canonical] : synonyms)
        if (s == alias) return std::string(canonical);
    return std::nullopt;
}

std::optional<std::string> canonical_source(const std::string& text) {
    const std::string s = lower_words(text);
    for (const auto& c : report_sources())
        if (s == lower_words(c)) return c;
    static const std::vector<std::pair<const char*, const char*>> synonyms = {
        {"member of public", "public"}, {"member of the public", "public"}, {"harbour master", "harbour or marina staff"},
        {"harbourmaster", "harbour or marina staff"}, {"marina staff", "harbour or marina staff"},
        {"harbour staff", "harbour or marina staff"}, {"harbour", "harbour or marina staff"},
        {"marina", "harbour or marina staff"}, {"fisherman", "fisher"}, {"fishermen", "fisher"}, {"fishing", "fisher"},
        {"hm coastguard", "coastguard"}, {"coastguard volunteer", "coastguard"}, {"bf", "Border Force"}};
    for (const auto& [alias, canonical] : synonyms)
        if (s == alias) return std::string(canonical);
    return std::nullopt;
}

std::optional<double> number(const std::string& text) {
    const std::string s = trimmed(text);
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

bool read_csv_rows(const std::string& path, const std::string& columns, std::vector<Row>& rows, ReportReadResult& out) {
    auto text = read_text_file(path, &out.error);
    if (!text) return false;
    std::vector<report_fields::CsvRecord> records = report_fields::parse_csv(*text);
    if (records.empty()) {
        out.error = path + ": empty file; expected a header line naming the columns (see docs/reports.md)";
        return false;
    }
    std::vector<std::string> header = records[0].fields;
    for (auto& h : header) h = trimmed(h);
    auto map = report_fields::detect(header, columns, &out.error);
    if (!map) {
        out.error = path + ": " + out.error;
        return false;
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        Row row;
        row.line = records[r].line;
        for (const auto& [field, index] : *map)
            if (index < static_cast<int>(records[r].fields.size())) row.values[field] = trimmed(records[r].fields[index]);
        rows.push_back(std::move(row));
    }
    return true;
}

// --- GeoJSON, GeoPackage, KML, ... through OGR (geometry already in the working CRS).
bool read_ogr_rows(const std::string& path, const std::string& only_layer, const geo::Crs& working, const std::string& columns,
                   std::vector<Row>& rows, ReportReadResult& out) {
    ReadOptions options;
    options.working_crs = working;
    options.validate_polygons = false;
    options.only_layer = only_layer;
    ReadResult read = read_vector(path, options);
    out.problems.insert(out.problems.end(), read.problems.begin(), read.problems.end());
    if (!read.ok) {
        out.error = read.error;
        return false;
    }
    for (const Layer& layer : read.layers) {
        std::vector<std::string> header;
        for (const Field& f : layer.fields) header.push_back(f.name);
        auto map = report_fields::detect(header, columns, &out.error);
        if (!map) {
            out.error = path + ": layer " + layer.name + ": " + out.error;
            return false;
        }
        for (const Feature& f : layer.features()) {
            Row row;
            row.feature = std::to_string(f.fid);
            for (const auto& [field, index] : *map) row.values[field] = trimmed(to_string(f.values[index]));
            if (f.geometry.kind == geo::GeometryKind::Point && f.geometry.points.size() == 1)
                row.geometry = f.geometry.points[0];
            else if (f.geometry.kind != geo::GeometryKind::None)
                row.geometry_problem = "geometry is not a single point; expected one point per report";
            rows.push_back(std::move(row));
        }
    }
    return true;
}

// Converts a row, or returns the reason it is rejected.
struct RowParser {
    const std::string& path;
    geo::Transformer from_wgs84;
    geo::Transformer from_bng;
    UnzonedTimes unzoned;
    std::size_t unzoned_rows = 0;  // rows with a time that names no zone
    long first_unzoned_line = 0;
    std::string first_unzoned_feature;

    std::string get(const Row& row, const char* field) const {
        auto it = row.values.find(field);
        return it == row.values.end() ? std::string{} : it->second;
    }

    std::optional<std::string> parse(const Row& row, Report& r, geo::Problems& warnings) {
        const std::string category = get(row, "category");
        if (category.empty()) return "no category; expected one of: " + joined(report_categories());
        auto cat = canonical_category(category);
        if (!cat) return "unknown category \"" + category + "\"; expected one of: " + joined(report_categories());
        r.category = *cat;

        const std::string reported = get(row, "reported_at"), observed = get(row, "observed_at");
        const char* example = " is not an ISO 8601 time; expected e.g. 2026-03-01T21:40:00Z or 2026-07-01T22:40:00+01:00";
        if (reported.empty() && observed.empty()) return "no time: expected reported_at or observed_at (ISO 8601)";
        std::optional<geo::UnixTime> rep, obs;
        if (!reported.empty() && !(rep = geo::parse_iso8601(reported))) return "reported_at \"" + reported + "\"" + example;
        if (!observed.empty() && !(obs = geo::parse_iso8601(observed))) return "observed_at \"" + observed + "\"" + example;
        bool zoneless = false;
        for (auto [text, time] : {std::pair{&reported, &rep}, std::pair{&observed, &obs}})
            if (*time && !geo::has_utc_offset(*text)) {
                zoneless = true;
                if (unzoned == UnzonedTimes::UkClock) *time = geo::uk_clock_to_utc(**time);
            }
        if (zoneless && unzoned_rows++ == 0) first_unzoned_line = row.line, first_unzoned_feature = row.feature;
        for (auto [text, time] : {std::pair{&reported, &rep}, std::pair{&observed, &obs}})
            if (*time && !geo::plausible_time(**time))
                return "time \"" + *text + "\" refused; " + geo::kPlausibleTimeText;
        r.reported_at = rep ? *rep : *obs;
        r.observed_at = obs ? *obs : *rep;

        if (auto why = position(row, r.position)) return why;

        r.report_id = get(row, "report_id");
        if (r.report_id.empty())
            r.report_id = std::filesystem::path(path).stem().string() + "-" + (row.line ? std::to_string(row.line) : row.feature);
        r.description = get(row, "description");
        r.reporter = get(row, "reporter");
        r.reporter_contact = get(row, "reporter_contact");
        const std::string source = get(row, "source");
        if (auto s = canonical_source(source)) {
            r.source = *s;
        } else {
            r.source = "other";
            if (!source.empty())
                warnings.push_back(warning(row, r, "unknown source \"" + source + "\" stored as \"other\"; expected one of: " +
                                                       joined(report_sources())));
        }
        grading(row, r, warnings);
        const std::string synthetic = lower_words(get(row, "synthetic"));
        r.synthetic = synthetic == "yes" || synthetic == "true" || synthetic == "1" || synthetic == "y";
        if (r.observed_at > r.reported_at + 60)
            warnings.push_back(warning(row, r, "observed_at is after reported_at; kept as given (check the clocks or the columns)"));
        return std::nullopt;
    }

    geo::Problem warning(const Row& row, const Report& r, std::string reason) const {
        geo::Problem p;
        p.severity = Sev::Warning;
        p.source = path;
        p.line = row.line;
        p.feature = r.report_id.empty() ? row.feature : r.report_id;
        p.reason = std::move(reason);
        return p;
    }

    void grading(const Row& row, Report& r, geo::Problems& warnings) const {
        if (const std::string g = get(row, "grading"); !g.empty()) {
            if (auto parsed = geo::parse_grading(g)) {
                r.source_evaluation = parsed->source_evaluation;
                r.assessment = parsed->assessment;
                r.handling = parsed->handling;
                return;
            }
            warnings.push_back(warning(row, r, "grading \"" + g + "\" is not a 3x5x2 code like 1/A/P; individual columns used if any"));
        }
        if (const std::string s = get(row, "source_evaluation"); !s.empty()) {
            if (auto v = geo::parse_source_evaluation(s)) r.source_evaluation = *v;
            else warnings.push_back(warning(row, r, "source_evaluation \"" + s + "\" is not 1, 2 or 3: stored as unknown"));
        }
        if (const std::string s = get(row, "assessment"); !s.empty()) {
            if (auto v = geo::parse_assessment(s)) r.assessment = *v;
            else warnings.push_back(warning(row, r, "assessment \"" + s + "\" is not A-E: stored as unknown"));
        }
        if (const std::string s = get(row, "handling"); !s.empty()) {
            if (auto v = geo::parse_handling(s)) r.handling = *v;
            else warnings.push_back(warning(row, r, "handling \"" + s + "\" is not P or C: stored as unknown"));
        }
    }

    std::optional<std::string> position(const Row& row, geo::XY& out) const {
        const std::string ref = get(row, "grid_ref");
        const std::string e = get(row, "easting"), n = get(row, "northing");
        const std::string lat = get(row, "lat"), lon = get(row, "lon");
        geo::XY p{};
        if (!ref.empty()) {
            std::string why;
            auto g = geo::parse_os_grid_ref(ref, &why);
            if (!g) return why;
            p = from_bng.forward(g->centre());  // centre of the square the reference names
        } else if (!e.empty() || !n.empty()) {
            auto ev = number(e), nv = number(n);
            if (!ev || !nv) return "easting/northing \"" + e + "\", \"" + n + "\" are not both numbers (metres, EPSG:27700)";
            if (*ev < 0 || *ev >= 700000 || *nv < 0 || *nv >= 1300000)
                return "easting/northing " + e + ", " + n + " outside the British National Grid (0-700000, 0-1300000 m)";
            p = from_bng.forward({*ev, *nv});
        } else if (!lat.empty() || !lon.empty()) {
            auto la = number(lat), lo = number(lon);
            if (!la || !lo) return "lat/lon \"" + lat + "\", \"" + lon + "\" are not both numbers (decimal degrees, WGS 84)";
            if (std::abs(*la) > 90 || std::abs(*lo) > 180)
                return "lat/lon " + lat + ", " + lon + " out of range (latitude -90..90, longitude -180..180)";
            p = from_wgs84.forward({*lo, *la});
        } else if (row.geometry) {
            p = *row.geometry;
        } else {
            return row.geometry_problem.empty()
                       ? "no position: expected lat/lon, easting/northing (BNG) or an OS grid reference (grid_ref)"
                       : row.geometry_problem;
        }
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return std::string("position cannot be transformed to the working CRS");
        out = p;
        return std::nullopt;
    }
};

bool is_csv(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv" || ext == ".tsv" || ext == ".txt";
}

}  // namespace

const std::vector<std::string>& report_categories() {
    static const std::vector<std::string> list = {"small craft", "vessel loitering", "landing or embarkation",
                                                  "people on shore", "goods on shore", "vehicle at coast",
                                                  "aircraft or drone", "other"};
    return list;
}

const std::vector<std::string>& report_sources() {
    static const std::vector<std::string> list = {"public", "harbour or marina staff", "fisher", "coastguard",
                                                  "police", "Border Force", "other"};
    return list;
}

ReportReadResult read_reports(const std::string& spec, const geo::Crs& working, const std::string& columns,
                              UnzonedTimes unzoned) {
    ReportReadResult out;
    std::vector<Row> rows;
    std::error_code ec;
    // "file.gpkg:layer" names one layer of a multi-layer file.
    std::string path = spec, only_layer;
    if (const auto colon = spec.rfind(':'); colon != std::string::npos && colon > 1 && !std::filesystem::exists(spec, ec) &&
                                            std::filesystem::exists(spec.substr(0, colon), ec)) {
        path = spec.substr(0, colon);
        only_layer = spec.substr(colon + 1);
    }
    if (!std::filesystem::exists(path, ec)) {
        out.error = path + ": no such file";
        return out;
    }
    const bool read = is_csv(path) ? read_csv_rows(path, columns, rows, out)
                                   : read_ogr_rows(path, only_layer, working, columns, rows, out);
    if (read && !only_layer.empty() && rows.empty() && out.problems.empty()) {
        out.error = path + ": no layer named \"" + only_layer + "\" (or it is empty)";
        return out;
    }
    if (!read) return out;
    RowParser parser{path, geo::Transformer(geo::Crs::wgs84(), working),
                     geo::Transformer(geo::Crs::british_national_grid(), working), unzoned};
    for (const Row& row : rows) {
        Report r;
        r.file = path;
        r.line = row.line;
        geo::Problems warnings;
        if (auto why = parser.parse(row, r, warnings)) {
            geo::Problem p;
            p.severity = Sev::Error;
            p.source = path;
            p.line = row.line;
            p.feature = parser.get(row, "report_id").empty() ? row.feature : parser.get(row, "report_id");
            p.reason = *why + ": row rejected";
            out.problems.push_back(std::move(p));
            ++out.rejected;
            continue;
        }
        out.problems.insert(out.problems.end(), warnings.begin(), warnings.end());
        out.reports.push_back(std::move(r));
    }
    if (parser.unzoned_rows > 0 && unzoned == UnzonedTimes::Utc) {
        geo::Problem p;
        p.severity = Sev::Warning;
        p.source = path;
        p.line = parser.first_unzoned_line;
        p.feature = parser.first_unzoned_feature;
        p.reason = std::to_string(parser.unzoned_rows) +
                   " row(s) give times with no UTC offset (the first here), read as UTC. If they are UK clock times, "
                   "read them with --uk-time: in British Summer Time (last Sunday of March to last Sunday of "
                   "October) UTC is an hour behind the clock";
        out.problems.push_back(std::move(p));
    }
    out.ok = true;
    return out;
}

void reject_far_from_coast(ReportReadResult& result, const Layer& coast, const CoastLimits& limits) {
    const CoastIndex index(coast);
    if (index.empty()) return;
    std::vector<Report> kept;
    for (Report& r : result.reports) {
        const double d = index.distance(r.position);
        const std::optional<bool> land = index.on_land(r.position);
        std::string why;
        char buf[160];
        if (land && *land && d > limits.max_inland_m) {
            std::snprintf(buf, sizeof buf, "position is %.1f km inland (more than %.1f km)", d / 1000, limits.max_inland_m / 1000);
            why = buf;
        } else if (land && !*land && d > limits.max_offshore_m) {
            std::snprintf(buf, sizeof buf, "position is %.1f km offshore (more than %.1f km)", d / 1000, limits.max_offshore_m / 1000);
            why = buf;
        } else if (!land && d > std::max(limits.max_inland_m, limits.max_offshore_m)) {
            std::snprintf(buf, sizeof buf, "position is %.1f km from the coastline", d / 1000);
            why = buf;
        }
        if (why.empty()) {
            kept.push_back(std::move(r));
            continue;
        }
        geo::Problem p;
        p.severity = Sev::Error;
        p.source = r.file;
        p.line = r.line;
        p.feature = r.report_id;
        p.reason = why + "; expected a report at the coast: check lat/lon order, the grid letters or the columns: row rejected";
        result.problems.push_back(std::move(p));
        ++result.rejected;
    }
    result.reports = std::move(kept);
}

void flag_duplicates(std::vector<Report>& reports, geo::Problems* problems, double max_distance_m, double max_dt_s) {
    std::vector<std::size_t> order(reports.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return reports[a].observed_at < reports[b].observed_at; });
    std::size_t window_start = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        Report& r = reports[order[k]];
        while (reports[order[window_start]].observed_at < r.observed_at - max_dt_s) ++window_start;
        for (std::size_t j = window_start; j < k; ++j) {
            const Report& earlier = reports[order[j]];
            if (earlier.category != r.category) continue;
            const double d = std::hypot(earlier.position.x - r.position.x, earlier.position.y - r.position.y);
            if (d > max_distance_m) continue;
            r.possible_duplicate = true;
            r.duplicate_of = earlier.possible_duplicate && !earlier.duplicate_of.empty() ? earlier.duplicate_of : earlier.report_id;
            if (problems) {
                char buf[200];
                std::snprintf(buf, sizeof buf, "possible duplicate of report %s (same category, %.0f m and %.0f min apart): flagged, kept",
                              earlier.report_id.c_str(), d, std::abs(r.observed_at - earlier.observed_at) / 60);
                geo::Problem p;
                p.severity = Sev::Info;
                p.source = r.file;
                p.line = r.line;
                p.feature = r.report_id;
                p.reason = buf;
                problems->push_back(std::move(p));
            }
            break;
        }
    }
}

std::vector<geo::WeightedEvent> report_events(const std::vector<Report>& reports, geo::UnixTime now) {
    std::vector<geo::WeightedEvent> events;
    for (const Report& r : reports) {
        if (r.possible_duplicate) continue;
        geo::WeightedEvent e;
        e.p = r.position;
        e.t = r.observed_at;
        e.weight = geo::grading_weight(r.source_evaluation, r.assessment) * geo::recency_weight(r.observed_at, now);
        events.push_back(e);
    }
    return events;
}

}  // namespace tidemark::layers
