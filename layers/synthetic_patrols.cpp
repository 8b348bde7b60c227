#include "layers/synthetic_patrols.h"

#include "geo/crs.h"
#include "layers/ais_encode.h"
#include "layers/csv_text.h"
#include "layers/sea_grid.h"
#include "layers/temp_files.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

namespace tidemark::layers {
namespace {

constexpr double kKnot = 1852.0 / 3600.0;  // m/s

geo::Problem problem(const std::string& feature, std::string reason) {
    geo::Problem p;
    p.source = "tracks synthesize";
    p.layer = kFleetLayer;
    p.feature = feature;
    p.reason = std::move(reason);
    return p;
}

// How far out and how big a class patrols (metres); small craft stay inshore.
struct PatrolShape {
    double offshore_min, offshore_max, box_radius, grid_half, cell, fix_interval_s, sortie_h_max;
};

PatrolShape shape_for(const Vessel& v) {
    const std::string& c = v.vessel_class;
    if (c == "cutter") return {12000, 30000, 9000, 60000, 400, 60, 72};
    if (c == "coastal_patrol_vessel") return {6000, 18000, 5000, 40000, 250, 30, 12};
    return {2000, 8000, 2500, 25000, 150, 30, 8};  // police launch, RHIB, other small craft
}

struct Writer {
    std::ofstream& out;
    std::string station;
    std::uint32_t mmsi;
    std::size_t sentences = 0;
    int sequence = 0;
    long long last_second = -1;
    void position(geo::UnixTime t, geo::XY lonlat, double speed_kn, double course_deg, int status) {
        ais::PositionA p;
        p.mmsi = mmsi;
        p.status = status;
        p.lon = lonlat.x;
        p.lat = lonlat.y;
        p.speed_kn = std::min(102.2, std::max(0.0, speed_kn));
        p.course_deg = std::fmod(course_deg + 360.0, 360.0);
        if (p.course_deg >= 359.95) p.course_deg = 0;
        p.heading = static_cast<int>(std::lround(p.course_deg)) % 360;
        long long secs = static_cast<long long>(std::floor(t));
        if (secs <= last_second) return;  // one report per second at most, as a transponder
        last_second = secs;
        p.second = static_cast<int>(secs % 60);
        int fill = 0;
        std::string payload = ais::encode_position_a(p, &fill);
        for (const auto& l : ais::nmea_sentences(payload, fill, 'A', 0, station, secs)) out << l << '\n', ++sentences;
    }
    void statics(geo::UnixTime t, const ais::StaticA& s) {
        int fill = 0;
        std::string payload = ais::encode_static_a(s, &fill);
        for (const auto& l : ais::nmea_sentences(payload, fill, 'B', sequence, station, static_cast<long long>(t)))
            out << l << '\n', ++sentences;
        sequence = (sequence + 1) % 10;
    }
};

std::string slug(const std::string& name) {
    std::string s;
    for (char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c))) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!s.empty() && s.back() != '_') s += '_';
    }
    while (!s.empty() && s.back() == '_') s.pop_back();
    return s;
}

}  // namespace

PortsReadResult read_ports_csv(const std::string& path) {
    PortsReadResult r;
    auto text = read_text_file(path, &r.error);
    if (!text) return r;
    CsvTable t = parse_csv(*text);
    int c_name = t.column({"name"}), c_kind = t.column({"kind", "type"}), c_lat = t.column({"lat", "latitude"}),
        c_lon = t.column({"lon", "longitude", "lng"});
    if (c_name < 0 || c_lat < 0 || c_lon < 0) {
        r.error = path + ": expected columns name,kind,lat,lon (decimal degrees)";
        return r;
    }
    r.ok = true;
    for (const CsvRow& row : t.rows) {
        auto cell = [&](int i) { return i >= 0 && i < static_cast<int>(row.cells.size()) ? trim(row.cells[i]) : std::string(); };
        Port p;
        p.name = cell(c_name);
        p.kind = cell(c_kind);
        auto lat = parse_number(cell(c_lat)), lon = parse_number(cell(c_lon));
        if (p.name.empty() || !lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
            geo::Problem pr;
            pr.source = path;
            pr.line = row.line;
            pr.feature = p.name;
            pr.reason = "expected a name and lat/lon in decimal degrees";
            r.problems.push_back(std::move(pr));
            continue;
        }
        p.lat = *lat;
        p.lon = *lon;
        r.ports.push_back(std::move(p));
    }
    return r;
}

SynthesisResult synthesize_patrols(const std::vector<Vessel>& fleet, const std::vector<Port>& ports,
                                   const SynthesisOptions& o, const std::string& out_dir) {
    SynthesisResult r;
    if (!(o.to > o.from)) {
        r.error = "the time window is empty: --to must be after --from";
        return r;
    }
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        r.error = out_dir + ": cannot create the folder (" + ec.message() + ")";
        return r;
    }
    geo::Transformer to_bng(geo::Crs::wgs84(), geo::Crs::british_national_grid());
    r.ok = true;
    for (std::size_t vi = 0; vi < fleet.size(); ++vi) {
        const Vessel& v = fleet[vi];
        if (v.mmsi == 0) {
            r.problems.push_back(problem(v.name, "no MMSI in the register: no AIS log synthesized"));
            continue;
        }
        const Port* home = nullptr;
        for (const Port& p : ports)
            if (iequals(p.name, v.home_port)) home = &p;
        if (!home) {
            r.problems.push_back(problem(v.name, "home port '" + v.home_port + "' is not in the ports file: skipped"));
            continue;
        }
        PatrolShape shape = shape_for(v);
        geo::XY port_xy = to_bng.forward(geo::XY{home->lon, home->lat});
        SeaGrid grid(port_xy, shape.grid_half, shape.cell, o.land_bng);
        auto start_cell = grid.nearest_sea(port_xy);
        if (!start_cell) {  // a river or dock port: look wider for the sea
            shape.grid_half = std::max(shape.grid_half, 80000.0);
            shape.cell = std::max(shape.cell, 300.0);
            grid = SeaGrid(port_xy, shape.grid_half, shape.cell, o.land_bng);
            start_cell = grid.nearest_sea(port_xy);
        }
        if (!start_cell) {
            r.problems.push_back(problem(v.name, "no sea near home port " + home->name + ": skipped"));
            continue;
        }
        geo::XY start_xy = grid.centre_of(start_cell->first, start_cell->second);
        double port_to_sea = std::hypot(start_xy.x - port_xy.x, start_xy.y - port_xy.y);
        if (port_to_sea > 2000)
            r.problems.push_back(problem(v.name, "home port " + home->name + " is " + std::to_string(static_cast<int>(port_to_sea / 1000)) +
                                                     " km from open sea in the land polygons (river or dock): patrols start "
                                                     "and end at the nearest sea instead"));
        geo::XY origin = port_to_sea > 2000 ? start_xy : port_xy;

        std::mt19937 rng(o.seed * 7919u + static_cast<unsigned>(vi) * 104729u + 1u);
        std::uniform_real_distribution<double> u01(0, 1);
        std::string path = (std::filesystem::path(out_dir) / ("synthetic_" + slug(v.name) + ".nmea")).string();
        remove_stale_temporaries(path);
        const std::string tmp = temporary_beside(path, ".nmea").string();
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            r.ok = false;
            r.error = path + ": cannot write (check the folder is writable)";
            return r;
        }
        out << "# SYNTHETIC demo patrol generated by `tidemark tracks synthesize` (seed " << o.seed
            << "): NOT real vessel movements. Vessel " << v.name << ", MMSI " << v.mmsi
            << (v.mmsi_synthetic ? " (synthetic MMSI)" : "") << ", home port " << home->name << ".\n";
        Writer w{out, "tidemark-synthetic", v.mmsi};
        ais::StaticA st;
        st.mmsi = v.mmsi;
        st.shipname = v.name.substr(0, 20);
        st.callsign = "SYN" + std::to_string(v.mmsi % 10000);
        st.shiptype = 55;  // law enforcement
        st.destination = "PATROL";

        const double cruise = std::max(4.0, v.cruise_speed_kn > 0 ? v.cruise_speed_kn : 12.0);
        double sortie_h = std::clamp(v.endurance_h > 0 ? v.endurance_h * 0.6 : 8.0, 3.0, shape.sortie_h_max);
        geo::UnixTime t = o.from + u01(rng) * 6 * 3600.0;  // staggered first departures
        geo::Transformer to_ll(geo::Crs::british_national_grid(), geo::Crs::wgs84());
        while (t < o.to) {
            // Choose a patrol box centre: reachable sea at the class's distance from land.
            // Cells farther out than the class's band are the fallback when no land is near.
            std::vector<std::pair<int, int>> candidates, farther;
            for (int tries = 0; tries < 400 && candidates.size() < 40; ++tries) {
                int cx = static_cast<int>(u01(rng) * grid.width()), cy = static_cast<int>(u01(rng) * grid.width());
                if (!grid.sea(cx, cy)) continue;
                double d = grid.land_distance_m(cx, cy);
                if (o.land_bng.empty() || (d >= shape.offshore_min && d <= shape.offshore_max)) candidates.emplace_back(cx, cy);
                else if (d > shape.offshore_max && std::hypot(grid.centre_of(cx, cy).x - port_xy.x, grid.centre_of(cx, cy).y - port_xy.y) <
                                                       shape.offshore_max * 1.5)
                    farther.emplace_back(cx, cy);
            }
            if (candidates.empty()) candidates = farther;
            if (candidates.empty()) {
                r.problems.push_back(problem(v.name, "no sea " + std::to_string(static_cast<int>(shape.offshore_min / 1000)) +
                                                         " km or more from land within reach of " + home->name + ": skipped"));
                break;
            }
            auto centre = candidates[static_cast<std::size_t>(u01(rng) * candidates.size()) % candidates.size()];
            geo::XY c = grid.centre_of(centre.first, centre.second);
            double rot = u01(rng) * 2 * M_PI;
            std::vector<std::pair<int, int>> corners;
            for (int k = 0; k < 4; ++k) {
                double a = rot + k * M_PI / 2;
                geo::XY q{c.x + shape.box_radius * std::cos(a), c.y + shape.box_radius * std::sin(a)};
                if (auto s = grid.nearest_sea(q, std::min(1000.0, shape.offshore_min / 2))) corners.push_back(*s);
            }
            // The sortie as waypoints: out, loops round the box, back.
            std::vector<geo::XY> wps{origin};
            auto append = [&](std::pair<int, int> a, std::pair<int, int> b) {
                std::vector<geo::XY> leg = grid.route(a, b);
                for (std::size_t i = 1; i < leg.size(); ++i) wps.push_back(leg[i]);
                return !leg.empty();
            };
            auto here = *start_cell;
            if (port_to_sea > 1 && port_to_sea <= 2000) wps.push_back(start_xy);
            double budget_m = sortie_h * 3600.0 * cruise * kKnot * 0.8;
            double used = 0;
            bool routed = true;
            for (int loop = 0; routed && loop < 50; ++loop) {
                for (auto corner : corners) {
                    std::size_t before = wps.size();
                    routed = append(here, corner);
                    if (!routed) break;
                    for (std::size_t i = before; i < wps.size(); ++i)
                        used += std::hypot(wps[i].x - wps[i - 1].x, wps[i].y - wps[i - 1].y);
                    here = corner;
                }
                if (used > budget_m * 0.6) break;  // keep the rest for the way home
            }
            append(here, *start_cell);
            if (port_to_sea > 1 && port_to_sea <= 2000) wps.push_back(port_xy);

            // Sail it: a fix every interval at cruise speed (varied per sortie), statics every 2 h.
            double speed_kn = cruise * (0.75 + 0.25 * u01(rng));
            double speed = speed_kn * kKnot;
            w.statics(t, st);
            geo::UnixTime next_static = t + 7200;
            for (std::size_t i = 0; i + 1 < wps.size() && t < o.to; ++i) {
                geo::XY a = wps[i], b = wps[i + 1];
                double len = std::hypot(b.x - a.x, b.y - a.y);
                if (len < 1) continue;
                double course = std::fmod(90.0 - std::atan2(b.y - a.y, b.x - a.x) * 180.0 / M_PI + 360.0, 360.0);
                double dur = len / speed;
                for (double s = 0; s < dur && t + s < o.to; s += shape.fix_interval_s) {
                    double f = s / dur;
                    w.position(t + s, to_ll.forward(geo::XY{a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)}), speed_kn, course, 0);
                }
                t += dur;
                if (t >= next_static && t < o.to) {
                    w.statics(t, st);
                    next_static = t + 7200;
                }
            }
            if (t < o.to) w.position(t, to_ll.forward(wps.back()), 0, 0, 5);  // moored
            // In port before the next sortie.
            t += std::clamp(sortie_h * 0.5, 6.0, 36.0) * 3600.0 * (0.7 + 0.6 * u01(rng));
        }
        out.close();
        if (!out) {
            std::filesystem::remove(tmp);
            r.ok = false;
            r.error = path + ": write failed (disk full?)";
            return r;
        }
        std::filesystem::rename(tmp, path, ec);
        if (ec) {
            r.ok = false;
            r.error = path + ": cannot replace the file: " + ec.message();
            return r;
        }
        r.files.push_back(path);
        r.sentences += w.sentences;
    }
    return r;
}

}  // namespace tidemark::layers
