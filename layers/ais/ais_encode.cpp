#include "layers/ais/ais_encode.h"

#include <cmath>

namespace tidemark::layers::ais {

void BitWriter::put(std::uint32_t value, int bits) {
    for (int i = bits - 1; i >= 0; --i) bits_.push_back((value >> i) & 1u);
}

void BitWriter::put_signed(std::int32_t value, int bits) { put(static_cast<std::uint32_t>(value), bits); }

void BitWriter::put_text(std::string_view text, int chars) {
    for (int i = 0; i < chars; ++i) {
        unsigned c = i < static_cast<int>(text.size()) ? static_cast<unsigned char>(text[i]) : '@';
        if (c >= 'a' && c <= 'z') c -= 32;
        if (c < 32 || c > 95) c = ' ';
        put(c >= 64 ? c - 64 : c, 6);
    }
}

std::string BitWriter::armour(int* fill_bits) const {
    std::size_t chars = (bits_.size() + 5) / 6;
    *fill_bits = static_cast<int>(chars * 6 - bits_.size());
    std::string out;
    out.reserve(chars);
    for (std::size_t c = 0; c < chars; ++c) {
        unsigned v = 0;
        for (std::size_t b = 0; b < 6; ++b) {
            std::size_t i = c * 6 + b;
            v = (v << 1) | (i < bits_.size() && bits_[i] ? 1u : 0u);
        }
        v += 48;
        if (v > 87) v += 8;
        out += static_cast<char>(v);
    }
    return out;
}

std::string encode_position_a(const PositionA& p, int* fill_bits) {
    BitWriter w;
    w.put(1, 6);
    w.put(0, 2);
    w.put(p.mmsi, 30);
    w.put(static_cast<std::uint32_t>(p.status), 4);
    w.put_signed(-128, 8);  // rate of turn not available
    w.put(static_cast<std::uint32_t>(std::lround(p.speed_kn * 10)), 10);
    w.put(1, 1);  // position accuracy high (DGNSS-grade demo data)
    w.put_signed(static_cast<std::int32_t>(std::lround(p.lon * 600000.0)), 28);
    w.put_signed(static_cast<std::int32_t>(std::lround(p.lat * 600000.0)), 27);
    w.put(static_cast<std::uint32_t>(std::lround(p.course_deg * 10)), 12);
    w.put(static_cast<std::uint32_t>(p.heading), 9);
    w.put(static_cast<std::uint32_t>(p.second), 6);
    w.put(0, 2);   // manoeuvre indicator
    w.put(0, 3);   // spare
    w.put(0, 1);   // RAIM
    w.put(0, 19);  // radio status
    return w.armour(fill_bits);
}

std::string encode_static_a(const StaticA& s, int* fill_bits) {
    BitWriter w;
    w.put(5, 6);
    w.put(0, 2);
    w.put(s.mmsi, 30);
    w.put(0, 2);   // AIS version
    w.put(0, 30);  // IMO number
    w.put_text(s.callsign, 7);
    w.put_text(s.shipname, 20);
    w.put(static_cast<std::uint32_t>(s.shiptype), 8);
    w.put(static_cast<std::uint32_t>(s.to_bow), 9);
    w.put(static_cast<std::uint32_t>(s.to_stern), 9);
    w.put(static_cast<std::uint32_t>(s.to_port), 6);
    w.put(static_cast<std::uint32_t>(s.to_starboard), 6);
    w.put(1, 4);  // EPFD GPS
    w.put(0, 4);  // ETA month n/a
    w.put(0, 5);
    w.put(24, 5);
    w.put(60, 6);
    w.put(static_cast<std::uint32_t>(std::lround(s.draught_m * 10)), 8);
    w.put_text(s.destination, 20);
    w.put(0, 1);  // DTE available
    w.put(0, 1);  // spare
    return w.armour(fill_bits);
}

std::string nmea_checksum(std::string_view text) {
    unsigned x = 0;
    for (char c : text) x ^= static_cast<unsigned char>(c);
    static const char* hex = "0123456789ABCDEF";
    return std::string("*") + hex[(x >> 4) & 15] + hex[x & 15];
}

std::vector<std::string> nmea_sentences(const std::string& payload, int fill_bits, char channel, int sequence_id,
                                        std::string_view station, long long unix_seconds) {
    constexpr std::size_t kChunk = 60;
    std::size_t parts = std::max<std::size_t>(1, (payload.size() + kChunk - 1) / kChunk);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < parts; ++i) {
        std::string body = "AIVDM," + std::to_string(parts) + "," + std::to_string(i + 1) + ",";
        if (parts > 1) body += std::to_string(sequence_id);
        body += ",";
        body += channel;
        body += ",";
        body += payload.substr(i * kChunk, kChunk);
        body += ",";
        body += std::to_string(i + 1 == parts ? fill_bits : 0);
        std::string line;
        if (!station.empty() || unix_seconds >= 0) {
            std::string tag;
            if (!station.empty()) tag += "s:" + std::string(station);
            if (unix_seconds >= 0) tag += (tag.empty() ? "c:" : ",c:") + std::to_string(unix_seconds);
            line += "\\" + tag + nmea_checksum(tag) + "\\";
        }
        line += "!" + body + nmea_checksum(body);
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace tidemark::layers::ais
