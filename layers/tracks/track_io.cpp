#include "layers/tracks/track_io.h"
#include "layers/tracks/track_problem.h"

#include "geo/track_builder.h"
#include "layers/ais/ais_log.h"
#include "layers/tracks/ais_positions.h"
#include "layers/io/csv_text.h"
#include "layers/io/line_reader.h"
#include "layers/tracks/track_csv.h"
#include "layers/tracks/track_gpx.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

namespace tidemark::layers {
namespace {

constexpr std::size_t kProblemsPerReason = 20;  // individual reports per reason; the rest are counted

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string detect_format(const std::string& path, std::string_view head) {
    std::string ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".gpx") return "gpx";
    if (ext == ".nmea" || ext == ".ais" || ext == ".aivdm" || ext == ".log") return "ais";
    if (head.find("!AIVDM") != std::string_view::npos || head.find("!AIVDO") != std::string_view::npos ||
        head.find("VDM,") != std::string_view::npos)
        return "ais";
    if (head.find("<gpx") != std::string_view::npos) return "gpx";
    return "csv";
}

// Marked synthetic by name (synthetic_*) or by the word "synthetic" in a leading comment.
bool looks_synthetic(const std::string& path, std::string_view text) {
    if (lower(std::filesystem::path(path).filename().string()).rfind("synthetic", 0) == 0) return true;
    std::string_view first = text.substr(0, text.find('\n'));
    return !first.empty() && first[0] == '#' && lower(std::string(first)).find("synthetic") != std::string::npos;
}

struct Projector {
    geo::Transformer t;
    bool ok(geo::XY p) const { return std::isfinite(p.x) && std::isfinite(p.y); }
};

// ---- AIS ----------------------------------------------------------------------------------

void read_ais(const std::string& path, LineReader& text, Projector& proj, std::vector<geo::PositionReport>& out,
              TrackReadResult& r) {
    ais::LogStats stats;
    AisPositions positions(proj.t, path);
    ais::scan_log(
        text, stats, [&](const ais::Message& m, const ais::Assembled& a) { positions.message(m, a); },
        [&](long line, ais::LineOutcome o, const char* reason) { positions.reject(line, o, reason); });
    positions.name_vessels();
    geo::Problems problems = positions.problems();
    r.problems.insert(r.problems.end(), problems.begin(), problems.end());
    out = std::move(positions.reports);
}

}  // namespace

TrackReadResult read_tracks(const std::string& path, const geo::Crs& working, const TrackReadOptions& o) {
    TrackReadResult r;
    // AIS logs are streamed (any size, possibly changing while read); CSV is read whole; GDAL reads GPX.
    LineReader file;
    if (!file.open(path, &r.error)) return r;
    const std::string head = file.head(4096);
    std::string format = o.format.empty() ? detect_format(path, head) : lower(o.format);
    if (format != "ais" && format != "gpx" && format != "csv") {
        r.error = "unknown track format '" + o.format + "'; expected ais, gpx or csv";
        return r;
    }
    r.ok = true;
    Projector proj{geo::Transformer(geo::Crs::wgs84(), working)};
    std::vector<geo::PositionReport> reports;
    std::string fault;
    if (format == "ais") {
        read_ais(path, file, proj, reports, r);
        fault = file.fault();
    } else if (format == "gpx") {
        if (!read_gpx_positions(path, proj.t, reports, r.problems, &r.error)) r.ok = false;
    } else {
        auto text = read_text_file(path, &r.error, &fault);
        if (!text) {
            r.ok = false;
            return r;
        }
        CsvPositions csv = read_csv_positions(path, *text, working, proj.t, o.columns);
        r.problems.insert(r.problems.end(), csv.problems.begin(), csv.problems.end());
        if (!csv.ok) {
            r.ok = false;
            r.error = csv.error;
            return r;
        }
        reports = std::move(csv.reports);
    }
    if (!r.ok) return r;
    if (!fault.empty()) r.problems.push_back(track_problem(path, 0, fault, geo::Problem::Severity::Error));
    geo::TrackBuildOptions bo;
    bo.max_gap_s = o.max_gap_s;
    bo.max_speed_kn = o.max_speed_kn;
    bo.source = path;
    bo.synthetic = looks_synthetic(path, head);
    r.tracks = geo::build_tracks(std::move(reports), bo, r.problems);
    return r;
}

}  // namespace tidemark::layers
