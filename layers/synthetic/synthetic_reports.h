// Seeded synthetic Kraken reports for the demo: realistic categories clustered near plausible
// landing places (slipways, landing places, quiet beaches), times over the demo window, plus
// a separate set of bad rows, one per rejection reason. Every row says it is synthetic.
#pragma once

#include "geo/time.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tidemark::layers {

struct SyntheticOptions {
    geo::UnixTime from = 0, to = 0;  // observed_at in [from, to)
    std::uint64_t seed = 42;
    int count = 300;
};

// A landing place: name, kind (slipway, landing_place, beach, harbour ...), WGS 84 position,
// free notes ("quiet", "remote" make a place likelier).
struct Place {
    std::string name, kind, notes;
    double lat = 0, lon = 0;
};

// Reads ports.csv (name,kind,lat,lon,country,notes). Rows that cannot be read are skipped and
// described in `problems` lines ("ports.csv:12: ..."). Empty with `error` when unreadable.
std::vector<Place> read_places(const std::string& path, std::vector<std::string>* problems, std::string* error);

// CSV text (header + rows) of good synthetic reports; same seed, same text.
std::string synthetic_reports_csv(const std::vector<Place>& places, const SyntheticOptions& options);
// CSV text of bad rows, one per rejection reason, each saying in its description what is wrong.
std::string synthetic_bad_reports_csv(const std::vector<Place>& places, const SyntheticOptions& options);

// Writes text to a temporary file beside `path`, then renames it over `path`.
bool write_text_atomically(const std::string& path, const std::string& text, std::string* error);

}  // namespace tidemark::layers
