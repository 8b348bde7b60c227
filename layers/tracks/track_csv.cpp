#include "layers/tracks/track_csv.h"
#include "layers/tracks/track_problem.h"

#include "geo/time.h"
#include "layers/ais/ais_sentence.h"
#include "layers/io/csv_text.h"

#include <cctype>
#include <cmath>
#include <optional>

namespace tidemark::layers {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

using CsvColumns = TrackCsvColumns;

bool map_columns(const CsvTable& t, const std::string& spec, CsvColumns& c, std::string& error) {
    c = detect_track_columns(t);
    std::string_view rest = spec;
    while (!rest.empty()) {
        std::size_t comma = rest.find(',');
        std::string item = trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (item.empty()) continue;
        std::size_t eq = item.find('=');
        if (eq == std::string::npos) {
            error = "--columns item '" + item + "' is not KEY=COLUMN (e.g. time=ts,lat=y_deg)";
            return false;
        }
        std::string key = lower(trim(item.substr(0, eq))), col = trim(item.substr(eq + 1));
        if (key == "crs") {
            c.crs = col;
            continue;
        }
        int idx = t.column({col});
        if (idx < 0) {
            error = "--columns: column '" + col + "' (for " + key + ") is not in the header";
            return false;
        }
        if (key == "vessel") c.vessel = idx;
        else if (key == "mmsi") c.mmsi = idx;
        else if (key == "time") c.time = idx;
        else if (key == "lat") c.lat = idx;
        else if (key == "lon") c.lon = idx;
        else if (key == "x") c.x = idx;
        else if (key == "y") c.y = idx;
        else if (key == "speed") c.speed = idx;
        else if (key == "course") c.course = idx;
        else {
            error = "--columns key '" + key + "' unknown; expected vessel, mmsi, time, lat, lon, x, y, crs, speed, course";
            return false;
        }
    }
    if (c.time < 0) {
        error = "no time column (looked for time, timestamp, datetime, basedatetime, utc); map one with --columns time=NAME";
        return false;
    }
    if ((c.lat < 0 || c.lon < 0) && (c.x < 0 || c.y < 0)) {
        error = "no position columns (lat/lon or x/y); map them with --columns lat=NAME,lon=NAME or x=..,y=..,crs=EPSG:27700";
        return false;
    }
    if (c.vessel < 0 && c.mmsi < 0) {
        error = "no vessel column (vessel, name, mmsi, ...); map one with --columns vessel=NAME";
        return false;
    }
    return true;
}

}  // namespace

TrackCsvColumns detect_track_columns(const CsvTable& t) {
    TrackCsvColumns c;
    c.vessel = t.column({"vessel", "name", "vessel_name", "ship", "shipname", "boat", "callsign", "track"});
    c.mmsi = t.column({"mmsi", "MMSI"});
    c.time = t.column({"time", "timestamp", "datetime", "date_time", "basedatetime", "utc", "t", "unix_time"});
    c.lat = t.column({"lat", "latitude", "lat_deg"});
    c.lon = t.column({"lon", "lng", "long", "longitude", "lon_deg"});
    c.x = t.column({"x", "easting"});
    c.y = t.column({"y", "northing"});
    c.speed = t.column({"speed_kn", "speed", "sog"});
    c.course = t.column({"course_deg", "course", "cog"});
    return c;
}

CsvPositions read_csv_positions(const std::string& path, std::string_view text, const geo::Crs& working,
                                const geo::Transformer& to_working, const std::string& columns) {
    CsvPositions r;
    std::vector<geo::PositionReport>& out = r.reports;
    auto ok = [](geo::XY p) { return std::isfinite(p.x) && std::isfinite(p.y); };
    // Streamed (scan_csv): a million-row table is never held as cells, only as the reports made of it.
    CsvTable t;
    CsvColumns c;
    bool use_latlon = false;
    std::optional<geo::Transformer> xy_proj;
    // Maps the columns once the header is known; false (r.ok false) when the table cannot be used.
    auto set_up = [&]() -> bool {
        std::string error;
        if (!map_columns(t, columns, c, error)) {
            r.ok = false;
            r.error = path + ": " + error + " (header: " + [&] {
                std::string h;
                for (auto& s : t.header) {
                    h += (h.empty() ? "" : ",") + s;
                    if (h.size() > 200) break;  // a header of a million columns is not echoed whole
                }
                return clip_for_message(h);
            }() + ")";
            return false;
        }
        use_latlon = c.lat >= 0 && c.lon >= 0;
        if (!use_latlon) {
            if (c.crs.empty()) {
                r.problems.push_back(track_problem(path, 0, "x/y columns without a CRS: taken as the working CRS " + working.name() +
                                                          "; give --columns crs=EPSG:NNNN if they are not",
                                             geo::Problem::Severity::Info));
            } else {
                std::string crs_error;
                auto crs = geo::Crs::parse(c.crs, &crs_error);
                if (!crs) {
                    r.ok = false;
                    r.error = path + ": --columns crs=" + c.crs + ": " + crs_error;
                    return false;
                }
                xy_proj.emplace(*crs, working);
            }
        }
        return true;
    };
    std::size_t bad = 0;
    bool header = true, usable = true;
    scan_csv(text, [&](long line, const std::vector<std::string>& cells) {
        if (header) {
            for (const auto& h : cells) t.header.push_back(trim(h));
            header = false;
            usable = set_up();
            return;
        }
        if (!usable) return;
        auto cell = [&](int i) { return i >= 0 && i < static_cast<int>(cells.size()) ? trim(cells[i]) : std::string(); };
        // Numbers and times are read from views (parse_number trims its own): no copy per cell.
        auto raw = [&](int i) { return i >= 0 && i < static_cast<int>(cells.size()) ? std::string_view(cells[i]) : std::string_view(); };
        auto fail = [&](std::string why) {
            if (bad++ < 100) r.problems.push_back(track_problem(path, line, std::move(why)));
        };
        geo::PositionReport rep;
        rep.line = line;
        if (auto n = parse_number(raw(c.mmsi)); n && *n >= 1 && *n <= 999999999) rep.mmsi = static_cast<std::uint32_t>(*n);
        rep.vessel = cell(c.vessel);
        if (rep.vessel.empty()) rep.vessel = rep.mmsi ? "MMSI " + std::to_string(rep.mmsi) : "";
        if (rep.vessel.empty()) {
            fail("row has no vessel name or MMSI");
            return;
        }
        std::string_view ts = raw(c.time);
        while (!ts.empty() && std::isspace(static_cast<unsigned char>(ts.front()))) ts.remove_prefix(1);
        while (!ts.empty() && std::isspace(static_cast<unsigned char>(ts.back()))) ts.remove_suffix(1);
        double tv = ais::parse_time_prefix(ts);
        if (std::isnan(tv)) {
            fail("time '" + std::string(ts) + "' is not ISO 8601 (2026-03-01T12:00:00Z) or Unix seconds");
            return;
        }
        if (!geo::plausible_time(tv)) {
            fail("time '" + std::string(ts) + "' is " + geo::format_iso8601(tv) + "; " + geo::kPlausibleTimeText);
            return;
        }
        rep.fix.t = tv;
        if (use_latlon) {
            auto lat = parse_number(raw(c.lat)), lon = parse_number(raw(c.lon));
            if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
                fail("lat/lon '" + cell(c.lat) + "', '" + cell(c.lon) + "' not decimal degrees in range (lat -90..90, lon -180..180)");
                return;
            }
            rep.fix.p = to_working.forward(geo::XY{*lon, *lat});
        } else {
            auto x = parse_number(raw(c.x)), y = parse_number(raw(c.y));
            if (!x || !y) {
                fail("x/y '" + cell(c.x) + "', '" + cell(c.y) + "' are not numbers");
                return;
            }
            rep.fix.p = xy_proj ? xy_proj->forward(geo::XY{*x, *y}) : geo::XY{*x, *y};
            if (!geo::plausible_projected(rep.fix.p)) {
                fail("x/y '" + cell(c.x) + "', '" + cell(c.y) + "' are not on the Earth; " + geo::kPlausibleProjectedText);
                return;
            }
        }
        if (!ok(rep.fix.p)) {
            fail("position cannot be transformed into the working CRS");
            return;
        }
        if (auto s = parse_number(raw(c.speed))) rep.fix.speed_kn = *s;
        if (auto k = parse_number(raw(c.course))) rep.fix.course_deg = *k;
        out.push_back(std::move(rep));
    });
    if (header && !set_up()) return r;  // no header at all: say what is missing
    if (!usable) return r;
    if (bad > 100) r.problems.push_back(track_problem(path, 0, std::to_string(bad) + " bad rows in all (first 100 listed)"));
    return r;
}


}  // namespace tidemark::layers
