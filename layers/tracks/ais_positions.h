// Position reports from decoded AIS messages, ready for track building: projected to the
// working CRS, timed from the line's time source, vessels named from their static messages.
// Shared by reading a whole log (track_io) and following a live one (tracks import --follow).
#pragma once

#include "geo/crs.h"
#include "geo/problem.h"
#include "geo/track_builder.h"
#include "layers/ais/ais_payload.h"
#include "layers/ais/ais_sentence.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tidemark::layers {

class AisPositions {
public:
    // `to_working`: WGS 84 to the working CRS; must outlive this object. `source` names the
    // file in problems.
    AisPositions(const geo::Transformer& to_working, std::string source);

    // The scan_log callbacks.
    void message(const ais::Message& m, const ais::Assembled& a);
    void reject(long line, ais::LineOutcome outcome, const char* reason);

    // Sets each report's vessel: the name the vessel broadcasts (types 5, 19, 24 A), else
    // "MMSI n"; two MMSIs broadcasting one name stay two vessels ("NAME (MMSI n)"). Can be
    // called again as more names arrive.
    void name_vessels();

    // Rejected lines (the first 20 per reason, then counts) and untimed position reports.
    geo::Problems problems() const;

    std::vector<geo::PositionReport> reports;  // in the order read

private:
    const geo::Transformer& to_working_;
    std::string source_;
    std::map<std::uint32_t, std::string> names_;  // by MMSI, the latest broadcast name
    std::map<std::string, std::size_t> rejected_;  // by reason
    geo::Problems listed_;
    std::size_t untimed_ = 0;
    long first_untimed_ = 0;
};

}  // namespace tidemark::layers
