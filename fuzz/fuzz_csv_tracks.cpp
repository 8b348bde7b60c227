// Any bytes as a CSV table of fixes: header detection, time and number parsing, lat/lon into
// British National Grid, then track building. Every kept fix must have a plausible time and
// a finite position; every problem must name a line.
#include "geo/time.h"
#include "geo/track_builder.h"
#include "layers/tracks/track_csv.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace tidemark;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const geo::Crs bng = geo::Crs::british_national_grid();
    static const geo::Transformer to_bng(geo::Crs::wgs84(), bng);
    std::string_view text(reinterpret_cast<const char*>(data), size);
    // The first line may carry a --columns mapping ("#cols time=ts,lat=y"), so mapped columns are fuzzed too.
    std::string columns;
    if (text.rfind("#cols ", 0) == 0) {
        const std::size_t nl = text.find('\n');
        columns = std::string(text.substr(6, nl == std::string_view::npos ? std::string_view::npos : nl - 6));
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    }
    layers::CsvPositions csv = layers::read_csv_positions("fuzz.csv", text, bng, to_bng, columns);
    for (const auto& r : csv.reports) {
        if (!geo::plausible_time(r.fix.t) || !std::isfinite(r.fix.p.x) || !std::isfinite(r.fix.p.y)) std::abort();
        if (r.line <= 0) std::abort();
    }
    geo::TrackBuildOptions options;
    options.source = "fuzz.csv";
    geo::Problems problems;
    const auto tracks = geo::build_tracks(std::move(csv.reports), options, problems);
    for (const auto& t : tracks)
        for (const auto& leg : t.legs)
            for (std::size_t i = 1; i < leg.fixes.size(); ++i)
                if (leg.fixes[i].t < leg.fixes[i - 1].t) std::abort();  // legs run forward in time
    return 0;
}
