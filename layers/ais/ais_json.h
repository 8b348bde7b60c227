// gpsd-style AIS JSON (as `gpsdecode -j` writes it, "AIVDM/AIVDO protocol decoding"): same
// field names, units and scaling (speed knots, lon/lat degrees, course degrees, draught m).
// Differences, on purpose: values the standard marks "not available" (lon 181, lat 91,
// speed 102.3, course 360, heading 511, turn -128, second 60) are null; type 24 parts A and
// B are separate objects with `partno` (gpsd merges them); every object has `line` and,
// when known, `time` (ISO 8601 UTC); gpsd's `class`, `device`, `scaled` and the
// `*_text` labels other than `status_text` are not written.
//
// Numbers are written from the raw integers (lon 1/600000 degree to 6 decimals, speed 1/10 knot
// to 1 decimal...): the same text std::to_chars gives for the scaled double, at a fraction of
// the cost, which matters because writing JSON is most of `tidemark ais decode`'s time.
#pragma once

#include "layers/ais/ais_payload.h"

#include <cstddef>
#include <string>

namespace tidemark::layers::ais {

// Bytes one object can take at most (the longest type is 5: about 450 bytes with every text
// character escaped; tests check the bound on worst-case messages).
inline constexpr std::size_t kMaxJsonBytes = 1024;

// Writes JSON objects into a caller's buffer. Keeps the last day's "YYYY-MM-DD" (consecutive
// messages of a log nearly always share it), so reuse one writer across a log. Not thread-safe:
// one per thread.
class JsonWriter {
public:
    // Writes one JSON object (no newline) for a supported message at `out`, which must have
    // room for kMaxJsonBytes; returns the end of what was written.
    char* write(const Message& m, const Assembled& source, char* out);

private:
    long long day_ = kNoDay;  // days since 1970 of date_ (day -1 is 1969-12-31: a real day)
    static constexpr long long kNoDay = -(1LL << 62);
    char date_[10] = {};
};

// Appends one JSON object (no newline) for a supported message to `out`.
void append_json(const Message& m, const Assembled& source, std::string& out);

}  // namespace tidemark::layers::ais
