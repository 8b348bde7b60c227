#include "layers/io/ports_csv.h"

#include "layers/io/csv_text.h"

namespace tidemark::layers {

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

}  // namespace tidemark::layers
