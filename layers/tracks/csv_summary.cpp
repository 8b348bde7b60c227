#include "layers/tracks/csv_summary.h"

#include "layers/ais/ais_sentence.h"
#include "layers/io/csv_text.h"
#include "layers/io/line_reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <unordered_set>

namespace tidemark::layers {
namespace {

constexpr std::size_t kListedPerReason = 20;

// The first record of `head` (comment and blank lines before it skipped, as the reader does).
CsvTable header_of(std::string_view head) {
    CsvTable t;
    scan_csv(head, [&](long, const std::vector<std::string>& cells) {
        if (t.header.empty())
            for (const auto& h : cells) t.header.push_back(trim(h));
    });
    return t;
}

}  // namespace

bool csv_summary_applies(const std::string& path) {
    namespace fs = std::filesystem;
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".csv") return false;
    std::error_code ec;
    for (const char* side : {".prj", ".csvt", ".PRJ", ".CSVT"})
        if (fs::exists(fs::path(path).replace_extension(side), ec)) return false;
    LineReader file;
    std::string error;
    if (!file.open(path, &error)) return false;
    const CsvTable t = header_of(file.head(1 << 16));
    const TrackCsvColumns c = detect_track_columns(t);
    return c.lat >= 0 && c.lon >= 0 && t.column({"wkt", "geom", "geometry", "the_geom"}) < 0;
}

std::optional<CsvSummary> summarise_csv(const std::string& path, std::string* error) {
    std::string fault;
    const std::optional<std::string> text = read_text_file(path, error, &fault);
    if (!text) return std::nullopt;
    CsvSummary s;
    std::size_t no_position = 0, no_time = 0;
    auto problem = [&](long line, std::string reason, std::size_t& count) {
        if (count++ >= kListedPerReason) return;
        geo::Problem p;
        p.source = path;
        p.line = line;
        p.reason = std::move(reason);
        s.problems.push_back(std::move(p));
    };
    std::unordered_set<std::string> vessels;
    std::string last_vessel;
    bool header = true;
    int vessel_column = -1;
    scan_csv(*text, [&](long line, const std::vector<std::string>& cells) {
        if (header) {
            CsvTable t;
            for (const auto& h : cells) t.header.push_back(trim(h));
            s.header = t.header;
            s.columns = detect_track_columns(t);
            vessel_column = s.columns.vessel >= 0 ? s.columns.vessel : s.columns.mmsi;
            header = false;
            return;
        }
        ++s.rows;
        auto cell = [&](int i) -> std::string_view {
            return i >= 0 && i < static_cast<int>(cells.size()) ? std::string_view(cells[i]) : std::string_view();
        };
        if (s.columns.lat >= 0 && s.columns.lon >= 0) {
            const auto lat = parse_number(cell(s.columns.lat)), lon = parse_number(cell(s.columns.lon));
            if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180) {
                s.lonlat_extent.expand(geo::XY{*lon, *lat});
                ++s.positioned;
            } else {
                problem(line, "lat/lon '" + clip_for_message(cell(s.columns.lat), 40) + "', '" +
                                  clip_for_message(cell(s.columns.lon), 40) + "' not decimal degrees in range",
                        no_position);
            }
        }
        if (s.columns.time >= 0) {
            const std::string ts = trim(cell(s.columns.time));
            const double t = ais::parse_time_prefix(ts);
            if (!std::isnan(t)) {
                s.first = s.first ? std::min(*s.first, t) : t;
                s.last = s.last ? std::max(*s.last, t) : t;
                ++s.timed;
            } else {
                problem(line, "time '" + clip_for_message(ts, 40) + "' is not ISO 8601 or Unix seconds", no_time);
            }
        }
        if (vessel_column >= 0) {
            const std::string_view v = cell(vessel_column);
            if (!v.empty() && v != last_vessel) {  // fixes come in runs of one vessel: skip the set lookup
                last_vessel.assign(v);
                vessels.insert(last_vessel);
            }
        }
    });
    s.vessels = vessels.size();
    for (auto [count, what] : {std::pair{no_position, "rows without a usable lat/lon"}, std::pair{no_time, "rows without a readable time"}})
        if (count > kListedPerReason) {
            geo::Problem p;
            p.source = path;
            p.reason = std::to_string(count) + " " + what + " in all (first " + std::to_string(kListedPerReason) + " listed)";
            s.problems.push_back(std::move(p));
        }
    if (!fault.empty()) {
        geo::Problem p;
        p.severity = geo::Problem::Severity::Error;
        p.source = path;
        p.reason = fault;
        s.problems.push_back(std::move(p));
    }
    return s;
}

}  // namespace tidemark::layers
