// AIS encoding, the inverse of ais_payload: used by the synthetic patrol generator so demo
// data goes through the real decoder, and by tests to build edge-case sentences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tidemark::layers::ais {

// Bits written big-endian, then armoured as six-bit ASCII.
class BitWriter {
public:
    void put(std::uint32_t value, int bits);           // low `bits` bits of value
    void put_signed(std::int32_t value, int bits);     // two's complement
    void put_text(std::string_view text, int chars);   // six-bit text, '@'-padded
    std::size_t size() const { return bits_.size(); }
    // Armoured payload and the fill bits needed to reach a whole character.
    std::string armour(int* fill_bits) const;

private:
    std::vector<bool> bits_;
};

struct PositionA {  // message 1 (class A scheduled position report)
    std::uint32_t mmsi = 0;
    int status = 0;       // 0 under way using engine, 5 moored
    double lon = 181, lat = 91;   // degrees
    double speed_kn = 102.3;      // 102.3 = not available
    double course_deg = 360;      // 360 = not available
    int heading = 511;
    int second = 60;
};

struct StaticA {  // message 5
    std::uint32_t mmsi = 0;
    std::string callsign, shipname, destination;
    int shiptype = 0;  // 55 = law enforcement
    int to_bow = 0, to_stern = 0, to_port = 0, to_starboard = 0;
    double draught_m = 0;
};

std::string encode_position_a(const PositionA& p, int* fill_bits);
std::string encode_static_a(const StaticA& s, int* fill_bits);

// NMEA sentences (without line ends) carrying `payload`, split into fragments of at most
// 60 characters, each with an IEC 61162-450 tag block `\s:station,c:unix*hh\` (omitted when
// station is empty and unix_seconds < 0). `sequence_id` (0-9) is used for multipart messages.
std::vector<std::string> nmea_sentences(const std::string& payload, int fill_bits, char channel, int sequence_id,
                                        std::string_view station, long long unix_seconds);

// "*hh": the NMEA checksum of `text` (the characters between '!' or '\' and '*').
std::string nmea_checksum(std::string_view text);

}  // namespace tidemark::layers::ais
