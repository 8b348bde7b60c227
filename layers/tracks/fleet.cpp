#include "layers/tracks/fleet.h"
#include "geo/sensor_range.h"
#include "layers/io/csv_text.h"

#include <algorithm>
#include <cmath>

namespace tidemark::layers {
namespace {

geo::Problem row_problem(const std::string& path, const CsvRow& row, const std::string& name, std::string reason) {
    geo::Problem p;
    p.severity = geo::Problem::Severity::Warning;
    p.source = path;
    p.layer = kFleetLayer;
    p.feature = name;
    p.line = row.line;
    p.reason = std::move(reason);
    return p;
}

struct Columns {
    int name, mmsi, mmsi_synthetic, agency, cls, antenna, antenna_est, visual, cruise, max_speed, endurance, home,
        radar, unavailable;
};

}  // namespace

FleetReadResult read_fleet_csv(const std::string& path) {
    FleetReadResult r;
    auto text = read_text_file(path, &r.error);
    if (!text) return r;
    CsvTable t = parse_csv(*text);
    Columns c{t.column({"name", "vessel", "vessel_name"}),
              t.column({"mmsi"}),
              t.column({"mmsi_is_synthetic", "mmsi_synthetic"}),
              t.column({"agency"}),
              t.column({"class", "vessel_class"}),
              t.column({"antenna_height_m", "antenna_height"}),
              t.column({"antenna_height_estimated"}),
              t.column({"visual_range_nm"}),
              t.column({"cruise_speed_kn", "cruising_speed_kn"}),
              t.column({"max_speed_kn"}),
              t.column({"endurance_h"}),
              t.column({"home_port"}),
              t.column({"radar_range_nm"}),
              t.column({"unavailable", "unavailability"})};
    if (c.name < 0) {
        r.error = path + ": no 'name' column in the header; expected a fleet register with columns "
                         "name,mmsi,agency,class,antenna_height_m,...";
        return r;
    }
    r.ok = true;
    for (const CsvRow& row : t.rows) {
        auto cell = [&](int i) { return i >= 0 && i < static_cast<int>(row.cells.size()) ? trim(row.cells[i]) : std::string(); };
        Vessel v;
        v.name = cell(c.name);
        if (v.name.empty()) {
            r.problems.push_back(row_problem(path, row, "", "row has no vessel name; expected a name in column 'name'"));
            continue;
        }
        bool bad = false;
        auto number = [&](int col, const char* what, double& out, bool allow_empty, double max = 1e9) {
            std::string s = cell(col);
            if (s.empty()) {
                if (!allow_empty && col >= 0)
                    r.problems.push_back(row_problem(path, row, v.name, std::string("empty ") + what + "; expected a number"));
                return;
            }
            auto n = parse_number(s);
            if (!n || *n < 0) {
                r.problems.push_back(row_problem(path, row, v.name,
                                                 std::string(what) + " '" + s + "' is not a non-negative number"));
                bad = true;
                return;
            }
            if (*n > max) {
                r.problems.push_back(row_problem(path, row, v.name,
                                                 std::string(what) + " '" + s + "' is above " + std::to_string(static_cast<int>(max)) +
                                                     "; expected a figure a patrol vessel can have (figure left unset)"));
                bad = true;
                return;
            }
            out = *n;
        };
        std::string mmsi = cell(c.mmsi);
        if (!mmsi.empty()) {
            auto n = parse_number(mmsi);
            if (!n || *n < 1 || *n > 999999999 || std::floor(*n) != *n) {
                r.problems.push_back(row_problem(path, row, v.name, "MMSI '" + mmsi + "' is not a 9-digit number; vessel kept without MMSI"));
            } else {
                v.mmsi = static_cast<std::uint32_t>(*n);
            }
        }
        v.mmsi_synthetic = parse_yes_no(cell(c.mmsi_synthetic)).value_or(false);
        v.agency = cell(c.agency);
        v.vessel_class = cell(c.cls);
        number(c.antenna, "antenna_height_m", v.antenna_height_m, false);
        v.antenna_height_estimated = parse_yes_no(cell(c.antenna_est)).value_or(true);
        number(c.visual, "visual_range_nm", v.visual_range_nm, true, geo::kMaxSensorRangeNm);
        number(c.cruise, "cruise_speed_kn", v.cruise_speed_kn, true);
        number(c.max_speed, "max_speed_kn", v.max_speed_kn, true);
        number(c.endurance, "endurance_h", v.endurance_h, true);
        number(c.radar, "radar_range_nm", v.radar_range_nm, true, geo::kMaxSensorRangeNm);
        v.home_port = cell(c.home);
        std::string why;
        if (auto spans = parse_intervals(cell(c.unavailable), &why))
            v.unavailable = std::move(*spans);
        else
            r.problems.push_back(row_problem(path, row, v.name, "unavailable: " + why + "; the vessel is kept as always available"));
        (void)bad;  // a bad number keeps the vessel with that figure unset (0): reported above
        r.vessels.push_back(std::move(v));
    }
    return r;
}

void store_fleet(Workspace& ws, const std::vector<Vessel>& vessels) {
    Layer t;
    t.name = kFleetLayer;
    t.role = LayerRole::Table;
    t.source = "fleet register";
    t.fields = {{"name", FieldType::String},           {"mmsi", FieldType::Integer},
                {"mmsi_synthetic", FieldType::Integer}, {"agency", FieldType::String},
                {"class", FieldType::String},           {"antenna_height_m", FieldType::Real},
                {"antenna_height_estimated", FieldType::Integer}, {"visual_range_nm", FieldType::Real},
                {"cruise_speed_kn", FieldType::Real},   {"max_speed_kn", FieldType::Real},
                {"endurance_h", FieldType::Real},       {"radar_range_nm", FieldType::Real},
                {"home_port", FieldType::String},       {"unavailable", FieldType::String}};
    std::int64_t fid = 1;
    for (const Vessel& v : vessels) {
        Feature f;
        f.fid = fid++;
        f.values = {v.name,
                    v.mmsi ? Value(static_cast<std::int64_t>(v.mmsi)) : Value(),
                    static_cast<std::int64_t>(v.mmsi_synthetic),
                    v.agency,
                    v.vessel_class,
                    v.antenna_height_m,
                    static_cast<std::int64_t>(v.antenna_height_estimated),
                    v.visual_range_nm,
                    v.cruise_speed_kn,
                    v.max_speed_kn,
                    v.endurance_h,
                    v.radar_range_nm,
                    v.home_port,
                    format_intervals(v.unavailable)};
        t.features().push_back(std::move(f));
    }
    ws.put(std::move(t));
}

std::vector<Vessel> load_fleet(const Workspace& ws) {
    std::vector<Vessel> out;
    const Layer* t = ws.find(kFleetLayer);
    if (!t) return out;
    for (const Feature& f : t->features()) {
        auto num = [&](const char* name) { return to_number(t->value(f, name)).value_or(0.0); };
        Vessel v;
        v.name = to_string(t->value(f, "name"));
        v.mmsi = static_cast<std::uint32_t>(num("mmsi"));
        v.mmsi_synthetic = num("mmsi_synthetic") != 0;
        v.agency = to_string(t->value(f, "agency"));
        v.vessel_class = to_string(t->value(f, "class"));
        v.antenna_height_m = num("antenna_height_m");
        v.antenna_height_estimated = num("antenna_height_estimated") != 0;
        v.visual_range_nm = num("visual_range_nm");
        v.cruise_speed_kn = num("cruise_speed_kn");
        v.max_speed_kn = num("max_speed_kn");
        v.endurance_h = num("endurance_h");
        v.radar_range_nm = num("radar_range_nm");
        v.home_port = to_string(t->value(f, "home_port"));
        std::string ignored;  // checked when the register was read
        v.unavailable = parse_intervals(to_string(t->value(f, "unavailable")), &ignored).value_or(std::vector<geo::Interval>{});
        out.push_back(std::move(v));
    }
    return out;
}

std::optional<std::vector<geo::Interval>> parse_intervals(const std::string& text, std::string* error) {
    std::vector<geo::Interval> spans;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos) end = text.size();
        const std::string part = trim(text.substr(start, end - start));
        start = end + 1;
        if (part.empty()) continue;
        const auto slash = part.find('/');
        auto from = slash == std::string::npos ? std::nullopt : geo::parse_iso8601(part.substr(0, slash));
        auto to = slash == std::string::npos ? std::nullopt : geo::parse_iso8601(part.substr(slash + 1));
        if (!from || !to || *to <= *from) {
            *error = "'" + part + "' is not FROM/TO with ISO 8601 times and TO after FROM (e.g. 2026-03-01/2026-03-20)";
            return std::nullopt;
        }
        spans.push_back({*from, *to});
    }
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
    return spans;
}

std::string format_intervals(const std::vector<geo::Interval>& spans) {
    std::string s;
    for (const auto& i : spans) s += (s.empty() ? "" : "; ") + geo::format_iso8601(i.from) + "/" + geo::format_iso8601(i.to);
    return s;
}

double sensor_range_m(const Vessel& v, double target_height_m) {
    return geo::sensor_range_m(v.antenna_height_m, target_height_m, v.radar_range_nm);
}

const Vessel* find_vessel(const std::vector<Vessel>& fleet, std::uint32_t mmsi, const std::string& name) {
    if (mmsi != 0)
        for (const Vessel& v : fleet)
            if (v.mmsi == mmsi) return &v;
    if (!name.empty())
        for (const Vessel& v : fleet)
            if (iequals(v.name, name)) return &v;
    return nullptr;
}

}  // namespace tidemark::layers
