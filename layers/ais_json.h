// gpsd-style AIS JSON (as `gpsdecode -j` writes it, "AIVDM/AIVDO protocol decoding"): same
// field names, units and scaling (speed knots, lon/lat degrees, course degrees, draught m).
// Differences, on purpose: values the standard marks "not available" (lon 181, lat 91,
// speed 102.3, course 360, heading 511, turn -128, second 60) are null; type 24 parts A and
// B are separate objects with `partno` (gpsd merges them); every object has `line` and,
// when known, `time` (ISO 8601 UTC); gpsd's `class`, `device`, `scaled` and the
// `*_text` labels other than `status_text` are not written.
#pragma once

#include "layers/ais_payload.h"

#include <string>

namespace tidemark::layers::ais {

// Appends one JSON object (no newline) for a supported message to `out`.
void append_json(const Message& m, const Assembled& source, std::string& out);

}  // namespace tidemark::layers::ais
