// Seeded generator of SYNTHETIC demo patrols for the fleet register: each vessel leaves its
// home port, patrols a box offshore (routed through sea cells when land polygons are given),
// and returns; one AIS NMEA log per vessel with IEC 61162-450 tag blocks, written through
// Tidemark's own encoder so the demo is read back through the real decoder. Every file is
// named synthetic_*.nmea and starts with a comment saying the data are synthetic.
#pragma once

#include "geo/geometry.h"
#include "geo/problem.h"
#include "geo/time.h"
#include "layers/fleet.h"

#include <string>
#include <vector>

namespace tidemark::layers {

struct Port {
    std::string name, kind;
    double lat = 0, lon = 0;
};

// data/ports.csv: name,kind,lat,lon,... Bad rows are problems; nullopt-like ok=false on an unreadable file.
struct PortsReadResult {
    std::vector<Port> ports;
    geo::Problems problems;
    bool ok = false;
    std::string error;
};
PortsReadResult read_ports_csv(const std::string& path);

struct SynthesisOptions {
    geo::UnixTime from = 0, to = 0;
    unsigned seed = 42;
    std::vector<geo::Polygon> land_bng;  // land polygons in EPSG:27700; empty = no sea check
};

struct SynthesisResult {
    std::vector<std::string> files;  // written logs
    std::size_t sentences = 0;
    geo::Problems problems;  // vessels skipped (no MMSI, unknown home port), unroutable ports
    bool ok = false;
    std::string error;
};

SynthesisResult synthesize_patrols(const std::vector<Vessel>& fleet, const std::vector<Port>& ports,
                                   const SynthesisOptions& options, const std::string& out_dir);

}  // namespace tidemark::layers
