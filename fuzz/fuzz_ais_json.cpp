// Any bytes as one AIS six-bit payload (each byte taken as a six-bit character, the first
// choosing the fill bits), then two properties of the JSON writer on what was decoded:
//  1. The JSON line parses, and its values are the decoded message's, as the writer's
//     documented scaling says (degrees to 6 decimals, 4 for type 27; knots and degrees to 1; null for "not
//     available", text unchanged by escaping).
//  2. For the types the encoder writes (1 position, 5 static and voyage): decode -> encode ->
//     decode gives the same message, and the same JSON values for every field the encoder
//     carries (the others it writes as constants: rate of turn, accuracy, IMO, ETA...).
#include "layers/ais/ais_encode.h"
#include "layers/ais/ais_json.h"
#include "layers/ais/ais_payload.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <string>

using namespace tidemark::layers::ais;
using nlohmann::json;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

json written(const Message& m) {
    Assembled source;
    source.line = 1;
    std::string text;
    append_json(m, source, text);
    check(!text.empty() && text.find('\n') == std::string::npos);
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    check(j.is_object());
    return j;
}

// A scaled value as written: null exactly when the accessor says "not available", else the
// value to within half of the last decimal written.
void check_scaled(const json& j, const char* key, const std::optional<double>& value, double half_step) {
    check(j.contains(key));
    if (!value) return check(j[key].is_null());
    check(j[key].is_number() && std::fabs(j[key].get<double>() - *value) <= half_step * 1.0001);
}

void check_values(const Message& m, const json& j) {
    check(j["type"] == m.type && j["mmsi"] == m.mmsi);
    if (m.has_position()) {
        const double half_step = m.type == 27 ? 0.5e-4 : 0.5e-6;  // type 27 is sent to 1/10 minute
        check_scaled(j, "lon", m.lon_available() ? std::optional(m.lon_raw_deg()) : std::nullopt, half_step);
        check_scaled(j, "lat", m.lat_available() ? std::optional(m.lat_raw_deg()) : std::nullopt, half_step);
    }
    if (m.type == 1 || m.type == 2 || m.type == 3 || m.type == 18 || m.type == 19) {
        check_scaled(j, "speed", m.speed_kn(), 0.05);
        check_scaled(j, "course", m.course_deg(), 0.05);
    }
    if (m.type == 5) {
        check(j["callsign"] == m.callsign && j["shipname"] == m.shipname && j["destination"] == m.destination);
        check_scaled(j, "draught", m.draught / 10.0, 0.05);
    }
}

Message decoded(const std::string& armored, int fill_bits) {
    Assembled a;
    a.armored = armored;
    a.fill_bits = fill_bits;
    a.line = 1;
    Message m;
    check(decode_payload(a, m) && m.supported);
    return m;
}

void check_same(const json& a, const json& b, std::initializer_list<const char*> keys) {
    for (const char* k : keys) check(a.contains(k) && b.contains(k) && a[k] == b[k]);
}

void round_trip_position(const Message& m, const json& j) {
    PositionA p;
    p.mmsi = m.mmsi;
    p.status = m.status;
    p.lon = m.lon_raw_deg();
    p.lat = m.lat_raw_deg();
    p.speed_kn = m.speed / 10.0;
    p.course_deg = m.course / 10.0;
    p.heading = m.heading;
    p.second = m.second;
    int fill = 0;
    const std::string armored = encode_position_a(p, &fill);
    const Message back = decoded(armored, fill);
    check(back.type == 1 && back.mmsi == m.mmsi && back.status == m.status && back.lon == m.lon &&
          back.lat == m.lat && back.speed == m.speed && back.course == m.course && back.heading == m.heading &&
          back.second == m.second);
    check_same(j, written(back), {"mmsi", "status", "status_text", "speed", "lon", "lat", "course", "heading", "second"});
}

void round_trip_static(const Message& m, const json& j) {
    StaticA s;
    s.mmsi = m.mmsi;
    s.callsign = m.callsign;
    s.shipname = m.shipname;
    s.destination = m.destination;
    s.shiptype = m.shiptype;
    s.to_bow = m.to_bow;
    s.to_stern = m.to_stern;
    s.to_port = m.to_port;
    s.to_starboard = m.to_starboard;
    s.draught_m = m.draught / 10.0;
    int fill = 0;
    const std::string armored = encode_static_a(s, &fill);
    const Message back = decoded(armored, fill);
    check(back.type == 5 && back.mmsi == m.mmsi && back.callsign == m.callsign && back.shipname == m.shipname &&
          back.destination == m.destination && back.shiptype == m.shiptype && back.to_bow == m.to_bow &&
          back.to_stern == m.to_stern && back.to_port == m.to_port && back.to_starboard == m.to_starboard &&
          back.draught == m.draught);
    check_same(j, written(back), {"mmsi", "callsign", "shipname", "shiptype", "to_bow", "to_stern", "to_port",
                                  "to_starboard", "draught", "destination"});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string armored;
    armored.reserve(size - 1);
    for (std::size_t i = 1; i < size; ++i) {
        unsigned v = data[i] % 64 + 48;  // six-bit ASCII armouring: 0-39 -> '0'-'W', 40-63 -> '`'-'w'
        armored += static_cast<char>(v > 87 ? v + 8 : v);
    }
    Assembled a;
    a.armored = armored;
    a.fill_bits = data[0] % 6;
    a.line = 1;
    Message m;
    if (!decode_payload(a, m) || !m.supported) return 0;
    const json j = written(m);
    check_values(m, j);
    if (m.type == 1 || m.type == 2 || m.type == 3) round_trip_position(m, j);
    if (m.type == 5) round_trip_static(m, j);
    return 0;
}
