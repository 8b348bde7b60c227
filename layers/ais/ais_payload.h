// AIS six-bit payload decoding (ITU-R M.1371-5) for the message types Tidemark uses:
// 1/2/3 class A position, 4 base station (UTC), 5 static and voyage, 18 class B position,
// 19 extended class B, 24 class B static (parts A and B), 27 long-range position.
// Values are kept raw (as transmitted); the accessors scale them and say when the
// standard marks them "not available". Other types decode only type/repeat/mmsi.
#pragma once

#include "layers/ais/ais_sentence.h"

#include <cstdint>
#include <optional>
#include <string>

namespace tidemark::layers::ais {

struct Message {
    int type = 0;
    int repeat = 0;
    std::uint32_t mmsi = 0;
    bool supported = false;  // one of the types above, long enough to decode
    // Position reports (1,2,3,4,18,19,27). lon/lat raw: 1/10000 minute (1/10 minute for type 27).
    int status = 15, turn = -128, speed = 1023, course = 3600, heading = 511, second = 60;
    int maneuver = 0, reserved = 0, regional = 0;
    std::int32_t lon = 0, lat = 0;
    bool accuracy = false, raim = false, gnss = false, assigned = false, dte = false;
    bool cs = false, display = false, dsc = false, band = false, msg22 = false;
    std::uint32_t radio = 0;
    // Type 4.
    int year = 0, month = 0, day = 0, hour = 24, minute = 60, utc_second = 60;
    int epfd = 0;
    // Static data (5, 19, 24). Text with trailing '@' and spaces trimmed.
    std::uint32_t imo = 0;
    int ais_version = 0, shiptype = 0;
    int to_bow = 0, to_stern = 0, to_port = 0, to_starboard = 0;
    std::uint32_t mothership_mmsi = 0;  // type 24 B of an auxiliary craft (MMSI 98xxxxxxx)
    int eta_month = 0, eta_day = 0, eta_hour = 24, eta_minute = 60;
    int draught = 0;  // 1/10 m
    int partno = -1;  // type 24: 0 = part A, 1 = part B
    int model = 0;
    std::uint32_t serial = 0;
    std::string callsign, shipname, destination, vendorid;

    bool has_position() const;  // types 1,2,3,4,18,19,27
    bool lon_available() const;  // false for exactly 181 degrees
    bool lat_available() const;  // false for exactly 91 degrees
    double lon_raw_deg() const;  // as transmitted, even when out of range
    double lat_raw_deg() const;
    // Degrees; nullopt when not available (lon 181, lat 91) or out of range.
    std::optional<double> lon_deg() const;
    std::optional<double> lat_deg() const;
    std::optional<double> speed_kn() const;    // nullopt for 1023 (102.3 kn) or 63 (type 27)
    std::optional<double> course_deg() const;  // nullopt for 3600 (360.0) or 511 (type 27)
};

// Decodes `payload` into `out` (fields not in the type keep their defaults). Returns false
// when the payload is too short for its type's fixed part (`out.supported` is then false too).
// Clears and reuses `out`'s strings: reuse one Message across calls to avoid allocating.
bool decode_payload(const Assembled& payload, Message& out);

const char* status_text(int status);
constexpr bool is_supported_type(int t) {
    return t == 1 || t == 2 || t == 3 || t == 4 || t == 5 || t == 18 || t == 19 || t == 24 || t == 27;
}

}  // namespace tidemark::layers::ais
