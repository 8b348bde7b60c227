// `tidemark info PATH...`: layers, counts, geometry types, CRS, extent and problems.
#include "app/cli/commands.h"
#include "app/cli/problem_printer.h"
#include "geo/time.h"
#include "layers/ais/ais_log.h"
#include "layers/tracks/csv_summary.h"
#include "layers/io/ogr_reader.h"
#include "layers/workspace.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <iostream>

namespace tidemark::cli {
namespace {

struct InfoOptions {
    std::vector<std::string> paths;
    bool all_problems = false;
};

// AIS NMEA logs are not GDAL sources: describe them with the project's own decoder.
bool looks_like_ais(const std::string& path) {
    layers::LineReader file;
    std::string error;
    if (!file.open(path, &error)) return false;
    const std::string head = file.head(65536);
    return head.find("VDM,") != std::string_view::npos || head.find("VDO,") != std::string_view::npos;
}

int info_ais(const std::string& path, const InfoOptions& opt) {
    layers::LineReader file;
    std::string error;
    if (!file.open(path, &error)) return fail(error);
    layers::ais::LogStats stats;
    std::set<std::uint32_t> vessels;
    double first = 0, last = 0;
    bool timed = false;
    geo::Problems problems;
    layers::ais::scan_log(file, stats,
        [&](const layers::ais::Message& m, const layers::ais::Assembled& a) {
            vessels.insert(m.mmsi);
            if (!std::isnan(a.time)) {
                first = timed ? std::min(first, a.time) : a.time;
                last = timed ? std::max(last, a.time) : a.time;
                timed = true;
            }
        },
        [&](long line, layers::ais::LineOutcome, const char* reason) {
            geo::Problem p;
            p.source = path;
            p.line = line;
            p.reason = reason;
            problems.push_back(p);
        });
    std::cout << path << " (AIS NMEA log)\n  " << stats.summary() << "\n  vessels (MMSI): " << vessels.size() << "\n";
    if (timed) std::cout << "  time: " << geo::format_iso8601(first) << " .. " << geo::format_iso8601(last) << "\n";
    else std::cout << "  time: no time source on any line (tag blocks or a leading timestamp are needed for tracks)\n";
    if (!file.fault().empty()) {
        geo::Problem p;
        p.severity = geo::Problem::Severity::Error;
        p.source = path;
        p.reason = file.fault();
        problems.push_back(p);
    }
    print_problems(std::cout, problems, opt.all_problems ? 0 : 20);
    if (problems.empty()) std::cout << "problems: none\n";
    return kOk;
}

// A CSV of positions: one streamed pass of the project's own reader (layers/tracks/csv_summary.h).
int info_csv(const std::string& path, const InfoOptions& opt) {
    std::string error;
    const auto s = layers::summarise_csv(path, &error);
    if (!s) return fail(error);
    const auto column = [&](int i) { return i >= 0 && i < static_cast<int>(s->header.size()) ? s->header[i] : std::string(); };
    std::cout << path << " (CSV, read by Tidemark's CSV reader)\n";
    std::cout << "  layer " << std::filesystem::path(path).stem().string() << ": " << s->rows << " feature(s), Point from columns "
              << column(s->columns.lon) << "/" << column(s->columns.lat) << ", CRS WGS 84 (lon/lat by convention)\n";
    if (!s->lonlat_extent.empty()) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "    extent (WGS 84 lon/lat): %.5f, %.5f - %.5f, %.5f\n", s->lonlat_extent.min_x,
                      s->lonlat_extent.min_y, s->lonlat_extent.max_x, s->lonlat_extent.max_y);
        std::cout << buf;
    }
    std::cout << "    fields:";
    for (const auto& f : s->header) std::cout << " " << f;
    std::cout << "\n    track columns:";
    const std::pair<const char*, int> roles[] = {{"vessel", s->columns.vessel}, {"mmsi", s->columns.mmsi},
                                                 {"time", s->columns.time},     {"lat", s->columns.lat},
                                                 {"lon", s->columns.lon},       {"speed", s->columns.speed},
                                                 {"course", s->columns.course}};
    for (const auto& [role, i] : roles)
        if (i >= 0) std::cout << " " << role << "=" << column(i);
    std::cout << "\n";
    if (s->first) std::cout << "    time: " << geo::format_iso8601(*s->first) << " .. " << geo::format_iso8601(*s->last) << " (" << s->timed << " row(s) timed)\n";
    if (s->columns.vessel >= 0 || s->columns.mmsi >= 0) std::cout << "    vessels: " << s->vessels << "\n";
    print_problems(std::cout, s->problems, opt.all_problems ? 0 : 20);
    if (s->problems.empty()) std::cout << "problems: none\n";
    return kOk;
}

int info_one(const std::string& path, const InfoOptions& opt) {
    if (layers::csv_summary_applies(path)) return info_csv(path, opt);
    layers::ReadOptions read_options;
    read_options.working_crs = geo::Crs::wgs84();
    layers::ReadResult r = layers::read_vector(path, read_options);
    if (!r.ok && looks_like_ais(path)) return info_ais(path, opt);
    if (!r.ok) return fail(r.error);
    std::cout << path << " (" << r.driver << ")\n";
    for (std::size_t i = 0; i < r.layers.size(); ++i) {
        const auto& s = r.summaries[i];
        const auto& l = r.layers[i];
        if (s.name == layers::kSettingsTable) {
            std::cout << "  Tidemark workspace settings:\n";
            for (const auto& f : l.features())
                if (f.values.size() >= 2 && layers::to_string(f.values[0]) != "settings" &&
                    layers::to_string(f.values[0]) != "layers" && layers::to_string(f.values[0]) != "commit" &&
                    layers::to_string(f.values[0]).rfind("revision:", 0) != 0)  // save bookkeeping
                    std::cout << "    " << layers::to_string(f.values[0]) << " = " << layers::to_string(f.values[1]) << "\n";
            continue;
        }
        std::cout << "  layer " << s.name << ": " << s.features << " feature(s), " << s.geometry_type;
        if (s.geometry_type != "None") std::cout << ", " << l.vertex_count() << " vertices, CRS " << s.source_crs;
        std::cout << "\n";
        if (!s.lonlat_extent.empty()) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "    extent (WGS 84 lon/lat): %.5f, %.5f - %.5f, %.5f\n", s.lonlat_extent.min_x,
                          s.lonlat_extent.min_y, s.lonlat_extent.max_x, s.lonlat_extent.max_y);
            std::cout << buf;
        }
        std::cout << "    fields:";
        for (const auto& f : l.fields) std::cout << " " << f.name;
        std::cout << "\n";
    }
    print_problems(std::cout, r.problems, opt.all_problems ? 0 : 20);
    if (r.problems.empty()) std::cout << "problems: none\n";
    return kOk;
}

}  // namespace

void add_info_command(CLI::App& app, Context& ctx) {
    auto opt = std::make_shared<InfoOptions>();
    CLI::App* cmd = app.add_subcommand("info", "Describe vector files or workspaces: layers, counts, CRS, extent, problems");
    cmd->add_option("path", opt->paths, "Any GDAL vector source or Tidemark workspace")->required();
    cmd->add_flag("--all-problems", opt->all_problems, "List every problem, not the first 20");
    cmd->callback([opt, &ctx] {
        for (const auto& p : opt->paths) {
            int code = info_one(p, *opt);
            if (code != kOk) ctx.exit_code = code;
        }
    });
}

}  // namespace tidemark::cli
