// data/ports.csv, the project's own table of ports, harbours and landing places by name and
// WGS 84 position (the demo's ports layer and the benchmarks' bases).
#pragma once

#include "geo/problem.h"

#include <string>
#include <vector>

namespace tidemark::layers {

struct Port {
    std::string name, kind;
    double lat = 0, lon = 0;
};

// Columns name,kind,lat,lon (decimal degrees). Bad rows are problems naming the line; ok = false
// with `error` when the file cannot be read or lacks the columns.
struct PortsReadResult {
    std::vector<Port> ports;
    geo::Problems problems;
    bool ok = false;
    std::string error;
};
PortsReadResult read_ports_csv(const std::string& path);

}  // namespace tidemark::layers
