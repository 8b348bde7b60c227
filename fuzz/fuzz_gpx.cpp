// Any bytes as a GPX file, read through GDAL's GPX driver (from memory: /vsimem/) and turned
// into timed position reports in British National Grid. Every report must have a plausible time
// and a finite position; every problem must name the file.
#include "geo/time.h"
#include "layers/tracks/track_gpx.h"

#include <cpl_vsi.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>

using namespace tidemark;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const geo::Transformer to_bng(geo::Crs::wgs84(), geo::Crs::british_national_grid());
    const char* path = "/vsimem/fuzz.gpx";
    VSILFILE* f = VSIFileFromMemBuffer(path, const_cast<GByte*>(data), static_cast<vsi_l_offset>(size), FALSE);
    if (!f) return 0;
    VSIFCloseL(f);
    std::vector<geo::PositionReport> reports;
    geo::Problems problems;
    std::string error;
    if (layers::read_gpx_positions(path, to_bng, reports, problems, &error)) {
        for (const auto& r : reports)
            if (!geo::plausible_time(r.fix.t) || !std::isfinite(r.fix.p.x) || !std::isfinite(r.fix.p.y) || r.vessel.empty())
                std::abort();
        for (const auto& p : problems)
            if (p.source != path) std::abort();
    } else if (error.empty()) {
        std::abort();  // a refusal must say why
    }
    VSIUnlink(path);
    return 0;
}
