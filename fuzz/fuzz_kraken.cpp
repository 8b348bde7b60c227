// Any bytes as a Kraken reports CSV: delimiter and header detection, column mapping, then each
// row through the row parser (categories, sources, ISO 8601 times with and without offsets,
// lat/lon, easting/northing, OS grid references, 3x5x2 gradings). Every kept report must have
// plausible times and a finite position; every rejected row an Error naming its line.
#include "fuzz/fuzz_file.h"
#include "geo/time.h"
#include "layers/reports/reports.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>

using namespace tidemark;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const geo::Crs bng = geo::Crs::british_national_grid();
    const std::string& path = fuzz::write_fuzz_file(data, size, ".csv");
    // The first byte picks how zoneless times are read, so both paths are fuzzed.
    const auto unzoned = size > 0 && (data[0] & 1) ? layers::UnzonedTimes::UkClock : layers::UnzonedTimes::Utc;
    layers::ReportReadResult r = layers::read_reports(path, bng, {}, unzoned);
    if (!r.ok) {
        if (r.error.empty()) std::abort();
        return 0;
    }
    for (const auto& rep : r.reports) {
        if (!geo::plausible_time(rep.reported_at) || !geo::plausible_time(rep.observed_at)) std::abort();
        if (!std::isfinite(rep.position.x) || !std::isfinite(rep.position.y)) std::abort();
        if (rep.line <= 0 || rep.category.empty()) std::abort();
    }
    std::size_t errors = 0;
    for (const auto& p : r.problems) errors += p.severity == geo::Problem::Severity::Error && p.line > 0;
    if (errors < r.rejected) std::abort();  // each rejected row is named
    return 0;
}
