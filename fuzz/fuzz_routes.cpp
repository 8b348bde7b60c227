// Any bytes as a planned-route CSV (vessel, start, lat, lon, loiter_min, speed_kn, patrol),
// then each patrol made into its timed track. Tracks must run forward in time with finite
// positions, and a hostile route (a crawl across the sea, days of loiter) must not make the
// track builder allocate without bound.
#include "fuzz/fuzz_file.h"
#include "layers/tracks/planned_patrol.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>

using namespace tidemark;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const geo::Crs bng = geo::Crs::british_national_grid();
    const std::string& path = fuzz::write_fuzz_file(data, size, ".csv");
    layers::PlanReadOptions options;
    options.vessel = "fuzz";
    options.speed_kn = 10;
    layers::PlanReadResult r = layers::read_planned_patrols(path, bng, options);
    if (!r.ok) {
        if (r.error.empty()) std::abort();
        return 0;
    }
    for (const auto& patrol : r.patrols) {
        const geo::Track t = layers::plan_track(patrol);
        if (!t.planned) std::abort();
        for (const auto& leg : t.legs)
            for (std::size_t i = 0; i < leg.fixes.size(); ++i) {
                const geo::Fix& f = leg.fixes[i];
                if (!std::isfinite(f.p.x) || !std::isfinite(f.p.y) || !std::isfinite(f.t)) std::abort();
                if (i > 0 && f.t < leg.fixes[i - 1].t) std::abort();
            }
    }
    return 0;
}
