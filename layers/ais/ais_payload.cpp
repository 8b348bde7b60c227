#include "layers/ais/ais_payload.h"

#include <cstring>

namespace tidemark::layers::ais {
namespace {

// Payload bits packed big-endian into bytes; reads past the end see zeros.
class Bits {
public:
    Bits(std::string_view armored, int fill) {
        std::size_t n = std::min(armored.size(), kMaxChars);
        std::uint32_t acc = 0;
        int acc_bits = 0;
        std::size_t out = 0;
        for (std::size_t i = 0; i < n; ++i) {
            unsigned v = static_cast<unsigned char>(armored[i]) - 48;
            if (v > 40) v -= 8;
            acc = (acc << 6) | (v & 63);
            acc_bits += 6;
            if (acc_bits >= 8) {
                acc_bits -= 8;
                bytes_[out++] = static_cast<std::uint8_t>(acc >> acc_bits);
            }
        }
        std::memset(bytes_ + out, 0, 16);  // u() reads up to 8 bytes past the last data bit
        if (acc_bits > 0) bytes_[out] = static_cast<std::uint8_t>(acc << (8 - acc_bits));
        long bits = static_cast<long>(n) * 6 - fill;
        size_ = bits < 0 ? 0 : static_cast<std::size_t>(bits);
    }
    std::size_t size() const { return size_; }
    // Unsigned field of `len` (<= 32) bits at `start`; beyond size() reads zeros.
    std::uint32_t u(std::size_t start, int len) const {
        if (start >= size_) return 0;
        std::size_t byte = start >> 3;
        std::uint64_t w;
        std::memcpy(&w, bytes_ + byte, 8);
        w = __builtin_bswap64(w) << (start & 7);  // big-endian bit order
        std::uint32_t v = static_cast<std::uint32_t>(w >> (64 - len));
        // A field cut short by the end of the payload keeps the bits it has, right-aligned
        // (as gpsd reads a 163-bit type 1: radio = its 14 remaining bits). Fill bits are not data.
        if (start + len > size_) v >>= static_cast<int>(start + len - size_);
        return v;
    }
    std::int32_t s(std::size_t start, int len) const {
        std::uint32_t v = u(start, len);
        if (v & (1u << (len - 1))) return static_cast<std::int32_t>(v | ~((1u << len) - 1u));
        return static_cast<std::int32_t>(v);
    }
    bool b(std::size_t start) const { return u(start, 1) != 0; }
    // Six-bit text: `chars` characters at `start`; trailing '@' and spaces trimmed.
    void text(std::size_t start, int chars, std::string& out) const {
        out.clear();
        for (int i = 0; i < chars; ++i) {
            if (start + 6 * (i + 1) > size_) break;
            unsigned c = u(start + 6 * i, 6);
            out += static_cast<char>(c < 32 ? c + 64 : c);
        }
        // '@' (0) ends the text; then trailing spaces go too.
        std::size_t at = out.find('@');
        if (at != std::string::npos) out.resize(at);
        while (!out.empty() && out.back() == ' ') out.pop_back();
    }

private:
    static constexpr std::size_t kMaxChars = 400;  // 2400 bits: more than any five-slot message
    std::uint8_t bytes_[kMaxChars * 6 / 8 + 16];
    std::size_t size_ = 0;
};

void position_common(const Bits& b, Message& m) {
    m.status = static_cast<int>(b.u(38, 4));
    m.turn = b.s(42, 8);
    m.speed = static_cast<int>(b.u(50, 10));
    m.accuracy = b.b(60);
    m.lon = b.s(61, 28);
    m.lat = b.s(89, 27);
    m.course = static_cast<int>(b.u(116, 12));
    m.heading = static_cast<int>(b.u(128, 9));
    m.second = static_cast<int>(b.u(137, 6));
    m.maneuver = static_cast<int>(b.u(143, 2));
    m.raim = b.b(148);
    m.radio = b.u(149, 19);
}

// Class B position body shared by types 18 and 19 (bits 38..138).
void class_b_position(const Bits& b, Message& m) {
    m.reserved = static_cast<int>(b.u(38, 8));
    m.speed = static_cast<int>(b.u(46, 10));
    m.accuracy = b.b(56);
    m.lon = b.s(57, 28);
    m.lat = b.s(85, 27);
    m.course = static_cast<int>(b.u(112, 12));
    m.heading = static_cast<int>(b.u(124, 9));
    m.second = static_cast<int>(b.u(133, 6));
}

void dimensions(const Bits& b, std::size_t at, Message& m) {
    m.to_bow = static_cast<int>(b.u(at, 9));
    m.to_stern = static_cast<int>(b.u(at + 9, 9));
    m.to_port = static_cast<int>(b.u(at + 18, 6));
    m.to_starboard = static_cast<int>(b.u(at + 24, 6));
}

}  // namespace

bool Message::has_position() const {
    return type == 1 || type == 2 || type == 3 || type == 4 || type == 18 || type == 19 || type == 27;
}

bool Message::lon_available() const { return lon != (type == 27 ? 181 * 600 : 181 * 600000); }
bool Message::lat_available() const { return lat != (type == 27 ? 91 * 600 : 91 * 600000); }
double Message::lon_raw_deg() const { return type == 27 ? lon / 600.0 : lon / 600000.0; }
double Message::lat_raw_deg() const { return type == 27 ? lat / 600.0 : lat / 600000.0; }

std::optional<double> Message::lon_deg() const {
    double d = lon_raw_deg();
    if (d < -180.0 || d > 180.0) return std::nullopt;  // 181 = not available
    return d;
}

std::optional<double> Message::lat_deg() const {
    double d = lat_raw_deg();
    if (d < -90.0 || d > 90.0) return std::nullopt;  // 91 = not available
    return d;
}

std::optional<double> Message::speed_kn() const {
    if (type == 27) return speed == 63 ? std::nullopt : std::optional<double>(speed);
    if (speed == 1023) return std::nullopt;
    return speed / 10.0;
}

std::optional<double> Message::course_deg() const {
    if (type == 27) return course == 511 ? std::nullopt : std::optional<double>(course);
    if (course >= 3600) return std::nullopt;
    return course / 10.0;
}

bool decode_payload(const Assembled& p, Message& m) {
    Bits b(p.armored, p.fill_bits);
    m.supported = false;
    m.partno = -1;
    m.callsign.clear();
    m.shipname.clear();
    m.destination.clear();
    m.vendorid.clear();
    m.mothership_mmsi = 0;
    if (b.size() < 38) {
        m.type = b.size() >= 6 ? static_cast<int>(b.u(0, 6)) : 0;
        return false;
    }
    m.type = static_cast<int>(b.u(0, 6));
    m.repeat = static_cast<int>(b.u(6, 2));
    m.mmsi = b.u(8, 30);
    switch (m.type) {
        case 1: case 2: case 3:
            if (b.size() < 149) return false;  // radio status may be cut short
            position_common(b, m);
            break;
        case 4:
            if (b.size() < 148) return false;
            m.year = static_cast<int>(b.u(38, 14));
            m.month = static_cast<int>(b.u(52, 4));
            m.day = static_cast<int>(b.u(56, 5));
            m.hour = static_cast<int>(b.u(61, 5));
            m.minute = static_cast<int>(b.u(66, 6));
            m.utc_second = static_cast<int>(b.u(72, 6));
            m.accuracy = b.b(78);
            m.lon = b.s(79, 28);
            m.lat = b.s(107, 27);
            m.epfd = static_cast<int>(b.u(134, 4));
            m.raim = b.b(148);
            m.radio = b.u(149, 19);
            break;
        case 5:
            if (b.size() < 420) return false;  // 424 nominal; some senders drop the last 2 bits
            m.ais_version = static_cast<int>(b.u(38, 2));
            m.imo = b.u(40, 30);
            b.text(70, 7, m.callsign);
            b.text(112, 20, m.shipname);
            m.shiptype = static_cast<int>(b.u(232, 8));
            dimensions(b, 240, m);
            m.epfd = static_cast<int>(b.u(270, 4));
            m.eta_month = static_cast<int>(b.u(274, 4));
            m.eta_day = static_cast<int>(b.u(278, 5));
            m.eta_hour = static_cast<int>(b.u(283, 5));
            m.eta_minute = static_cast<int>(b.u(288, 6));
            m.draught = static_cast<int>(b.u(294, 8));
            b.text(302, 20, m.destination);
            m.dte = b.b(422);
            break;
        case 18:
            if (b.size() < 148) return false;
            class_b_position(b, m);
            m.regional = static_cast<int>(b.u(139, 2));
            m.cs = b.b(141);
            m.display = b.b(142);
            m.dsc = b.b(143);
            m.band = b.b(144);
            m.msg22 = b.b(145);
            m.assigned = b.b(146);
            m.raim = b.b(147);
            m.radio = b.u(148, 20);
            break;
        case 19:
            if (b.size() < 306) return false;
            class_b_position(b, m);
            m.regional = static_cast<int>(b.u(139, 4));
            b.text(143, 20, m.shipname);
            m.shiptype = static_cast<int>(b.u(263, 8));
            dimensions(b, 271, m);
            m.epfd = static_cast<int>(b.u(301, 4));
            m.raim = b.b(305);
            m.dte = b.b(306);
            m.assigned = b.b(307);
            break;
        case 24:
            if (b.size() < 40) return false;
            m.partno = static_cast<int>(b.u(38, 2));
            if (m.partno == 0) {
                if (b.size() < 160) return false;
                b.text(40, 20, m.shipname);
            } else if (m.partno == 1) {
                if (b.size() < 162) return false;
                m.shiptype = static_cast<int>(b.u(40, 8));
                b.text(48, 7, m.vendorid);  // 42 bits as gpsd shows them; model and serial overlap its end
                m.model = static_cast<int>(b.u(66, 4));
                m.serial = b.u(70, 20);
                b.text(90, 7, m.callsign);
                if (m.mmsi / 10000000 == 98) m.mothership_mmsi = b.u(132, 30);
                else dimensions(b, 132, m);
            } else {
                return false;
            }
            break;
        case 27:
            if (b.size() < 94) return false;
            m.accuracy = b.b(38);
            m.raim = b.b(39);
            m.status = static_cast<int>(b.u(40, 4));
            m.lon = b.s(44, 18);
            m.lat = b.s(62, 17);
            m.speed = static_cast<int>(b.u(79, 6));
            m.course = static_cast<int>(b.u(85, 9));
            m.gnss = b.b(94);
            break;
        default:
            return false;
    }
    m.supported = true;
    return true;
}

const char* status_text(int status) {
    static const char* const kText[16] = {"Under way using engine", "At anchor", "Not under command",
                                          "Restricted manoeuverability", "Constrained by her draught", "Moored",
                                          "Aground", "Engaged in fishing", "Under way sailing",
                                          "Reserved for HSC", "Reserved for WIG", "Reserved",
                                          "Reserved", "Reserved", "AIS-SART is active", "Not defined"};
    return status >= 0 && status < 16 ? kText[status] : "Not defined";
}

}  // namespace tidemark::layers::ais
