#include "layers/ais/ais_json.h"

#include "geo/time.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace tidemark::layers::ais {
namespace {

// Appends to a raw buffer the caller sized with kMaxJsonBytes: no capacity checks per byte.
// Keys are string literals, so their lengths are compile-time constants and each key is a
// fixed-size copy.
class Out {
public:
    explicit Out(char* p) : p_(p) {}
    char* end() const { return p_; }

    template <std::size_t N>
    void raw(const char (&s)[N]) {
        std::memcpy(p_, s, N - 1);
        p_ += N - 1;
    }
    void ch(char c) { *p_++ = c; }
    void bytes(const char* s, std::size_t n) {
        std::memcpy(p_, s, n);
        p_ += n;
    }
    // ,"key":  (every key but the first, "type", which JsonWriter::write opens the object with)
    template <std::size_t N>
    void key(const char (&k)[N]) {
        raw(",\"");
        raw(k);
        raw("\":");
    }
    void number(long long v) { p_ = std::to_chars(p_, p_ + 24, v).ptr; }
    template <std::size_t N>
    void integer(const char (&k)[N], long long v) {
        key(k);
        number(v);
    }
    template <std::size_t N>
    void boolean(const char (&k)[N], bool v) {
        key(k);
        if (v) raw("true");
        else raw("false");
    }
    template <std::size_t N>
    void null(const char (&k)[N]) {
        key(k);
        raw("null");
    }
    // `units` of 10^-decimals as a fixed-point number: (-1234567, 6) -> "-1.234567".
    void decimal(long long units, int decimals) {
        static constexpr long long kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
        if (units < 0) ch('-');
        const unsigned long long u = units < 0 ? 0ULL - static_cast<unsigned long long>(units) : units;
        const auto scale = static_cast<unsigned long long>(kPow10[decimals]);
        p_ = std::to_chars(p_, p_ + 24, u / scale).ptr;
        ch('.');
        unsigned long long frac = u % scale;
        for (int i = decimals - 1; i >= 0; --i) {
            p_[i] = static_cast<char>('0' + frac % 10);
            frac /= 10;
        }
        p_ += decimals;
    }
    // At least four digits, zero-padded in front (as std::to_string padded: 14 bits, up to 16383).
    void year(long long y) {
        char digits[24];
        const auto n = static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, y).ptr - digits);
        for (std::size_t i = n; i < 4; ++i) ch('0');
        bytes(digits, n);
    }
    // Two digits, zero-padded (values 0..99).
    void two(int v) {
        ch(static_cast<char>('0' + (v / 10) % 10));
        ch(static_cast<char>('0' + v % 10));
    }
    // AIS text is six-bit ASCII (0x20-0x5F): of JSON's escapes only '"' and '\\' can occur.
    void string(std::string_view s) {
        ch('"');
        for (char c : s) {
            if (c == '"' || c == '\\') ch('\\');
            ch(c);
        }
        ch('"');
    }
    template <std::size_t N>
    void text(const char (&k)[N], std::string_view s) {
        key(k);
        string(s);
    }

private:
    char* p_;
};

// Rounds n/3 to the nearest integer. A value of raw/600000 degrees to 6 decimals is raw*5/3
// millionths, and raw/600 to 4 decimals raw*50/3 ten-thousandths: a third is never halfway, and
// the double raw/600000.0 is within 3e-14 of the exact value, so this is the text
// std::to_chars(fixed) gives for the double (compared once on all 2^28 longitudes; the tests
// compare all 18-bit long-range values and 300,000 others).
long long nearest_third(long long n) { return n >= 0 ? (n + 1) / 3 : -((-n + 1) / 3); }

// gpsd's scaling of rate of turn: ROT[deg/min] = (raw / 4.733)^2 with the sign of raw, whole
// degrees (raw -126..126; -128 is not available, -127/127 turning fast with no value).
int gpsd_turn(int raw) {
    const double r = raw / 4.733;
    const double rot = std::round(r * r);
    return static_cast<int>(raw < 0 ? -rot : rot);
}

void turn(Out& w, int t) {
    if (t == -128) return w.null("turn");
    if (t == -127) return w.text("turn", "fastleft");
    if (t == 127) return w.text("turn", "fastright");
    static const std::array<int, 256> table = [] {  // every 8-bit value, computed once
        std::array<int, 256> v{};
        for (int raw = -128; raw < 128; ++raw) v[static_cast<std::size_t>(raw + 128)] = gpsd_turn(raw);
        return v;
    }();
    w.integer("turn", t >= -128 && t < 128 ? table[static_cast<std::size_t>(t + 128)] : gpsd_turn(t));
}

// null only for the standard's "not available"; other out-of-range values are shown as sent.
void position(Out& w, const Message& m) {
    // type 27: 1/10 minute to 4 decimals; others 1/10000 minute to 6.
    const long long per_third = m.type == 27 ? 50 : 5;
    const int decimals = m.type == 27 ? 4 : 6;
    if (m.lon_available()) {
        w.key("lon");
        w.decimal(nearest_third(m.lon * per_third), decimals);
    } else {
        w.null("lon");
    }
    if (m.lat_available()) {
        w.key("lat");
        w.decimal(nearest_third(m.lat * per_third), decimals);
    } else {
        w.null("lat");
    }
}

// Speed in 1/10 knot and course in 1/10 degree, 1 decimal; null when not available.
template <std::size_t N>
void tenths(Out& w, const char (&k)[N], int value, bool available) {
    if (!available) return w.null(k);
    w.key(k);
    w.decimal(value, 1);
}

// speed, accuracy, lon, lat, course: the order gpsd writes them in for types 1-3, 18 and 19.
void motion(Out& w, const Message& m) {
    tenths(w, "speed", m.speed, m.speed != 1023);
    w.boolean("accuracy", m.accuracy);
    position(w, m);
    tenths(w, "course", m.course, m.course < 3600);
}

void heading(Out& w, int h) {
    if (h == 511) w.null("heading");
    else w.integer("heading", h);
}

void second(Out& w, int s) {
    if (s == 60) w.null("second");
    else w.integer("second", s);
}

void dims(Out& w, const Message& m) {
    w.integer("to_bow", m.to_bow);
    w.integer("to_stern", m.to_stern);
    w.integer("to_port", m.to_port);
    w.integer("to_starboard", m.to_starboard);
}

// "YYYY-MM-DDTHH:MM:SSZ" in quotes: the text geo::format_iso8601 gives (fractions dropped toward
// negative infinity; its own wording beyond years 0000-9999 and for infinities). `day`/`date`
// keep the last date written, as JsonWriter holds them.
void write_time(Out& w, double t, long long& day, char (&date)[10]) {
    if (!(std::abs(t) < 1e15)) return w.string(geo::format_iso8601(t));  // far outside 0000-9999
    const auto secs = static_cast<long long>(std::floor(t));
    const long long days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    if (days != day) {
        const auto [y, mo, d] = geo::civil_from_days(days);
        if (y < 0 || y > 9999) return w.string(geo::format_iso8601(t));
        Out text(date);
        text.two(static_cast<int>(y / 100)); text.two(static_cast<int>(y % 100));
        text.ch('-'); text.two(static_cast<int>(mo)); text.ch('-'); text.two(static_cast<int>(d));
        day = days;
    }
    const long long sod = secs - days * 86400;
    w.ch('"');
    w.bytes(date, sizeof date);
    w.ch('T');
    w.two(static_cast<int>(sod / 3600)); w.ch(':'); w.two(static_cast<int>(sod / 60 % 60)); w.ch(':');
    w.two(static_cast<int>(sod % 60));
    w.raw("Z\"");
}

}  // namespace

char* JsonWriter::write(const Message& m, const Assembled& src, char* out) {
    Out w(out);
    w.raw("{\"type\":");
    w.number(m.type);
    w.integer("repeat", m.repeat);
    w.integer("mmsi", m.mmsi);
    switch (m.type) {
        case 1: case 2: case 3:
            w.integer("status", m.status);
            w.text("status_text", status_text(m.status));
            turn(w, m.turn);
            motion(w, m);
            heading(w, m.heading);
            second(w, m.second);
            w.integer("maneuver", m.maneuver);
            w.boolean("raim", m.raim);
            w.integer("radio", m.radio);
            break;
        case 4:
            w.key("timestamp");
            w.ch('"');
            w.year(m.year);
            w.ch('-'); w.two(m.month); w.ch('-'); w.two(m.day);
            w.ch('T'); w.two(m.hour); w.ch(':'); w.two(m.minute); w.ch(':'); w.two(m.utc_second);
            w.raw("Z\"");
            w.boolean("accuracy", m.accuracy);
            position(w, m);
            w.integer("epfd", m.epfd);
            w.boolean("raim", m.raim);
            w.integer("radio", m.radio);
            break;
        case 5:
            w.integer("imo", m.imo);
            w.integer("ais_version", m.ais_version);
            w.text("callsign", m.callsign);
            w.text("shipname", m.shipname);
            w.integer("shiptype", m.shiptype);
            dims(w, m);
            w.integer("epfd", m.epfd);
            w.key("eta");
            w.ch('"');
            w.two(m.eta_month); w.ch('-'); w.two(m.eta_day); w.ch('T');
            w.two(m.eta_hour); w.ch(':'); w.two(m.eta_minute);
            w.raw("Z\"");
            w.key("draught");
            w.decimal(m.draught, 1);
            w.text("destination", m.destination);
            w.integer("dte", m.dte);
            break;
        case 18: case 19:
            w.integer("reserved", m.reserved);
            motion(w, m);
            heading(w, m.heading);
            second(w, m.second);
            w.integer("regional", m.regional);
            if (m.type == 18) {
                w.boolean("cs", m.cs);
                w.boolean("display", m.display);
                w.boolean("dsc", m.dsc);
                w.boolean("band", m.band);
                w.boolean("msg22", m.msg22);
                w.boolean("assigned", m.assigned);
                w.boolean("raim", m.raim);
                w.integer("radio", m.radio);
            } else {
                w.text("shipname", m.shipname);
                w.integer("shiptype", m.shiptype);
                dims(w, m);
                w.integer("epfd", m.epfd);
                w.boolean("raim", m.raim);
                w.integer("dte", m.dte);
                w.boolean("assigned", m.assigned);
            }
            break;
        case 24:
            w.integer("partno", m.partno);
            if (m.partno == 0) {
                w.text("shipname", m.shipname);
            } else {
                w.integer("shiptype", m.shiptype);
                w.text("vendorid", m.vendorid);
                w.integer("model", m.model);
                w.integer("serial", m.serial);
                w.text("callsign", m.callsign);
                if (m.mothership_mmsi) w.integer("mothership_mmsi", m.mothership_mmsi);
                else dims(w, m);
            }
            break;
        case 27:
            w.integer("status", m.status);
            w.text("status_text", status_text(m.status));
            w.boolean("accuracy", m.accuracy);
            position(w, m);
            if (m.speed != 63) w.integer("speed", m.speed);  // whole knots
            else w.null("speed");
            if (m.course != 511) w.integer("course", m.course);  // whole degrees
            else w.null("course");
            w.boolean("raim", m.raim);
            w.boolean("gnss", m.gnss);
            break;
        default: break;
    }
    w.integer("line", src.line);
    if (!std::isnan(src.time)) {
        w.key("time");
        write_time(w, src.time, day_, date_);
    }
    w.ch('}');
    return w.end();
}

void append_json(const Message& m, const Assembled& source, std::string& out) {
    const std::size_t at = out.size();
    out.resize(at + kMaxJsonBytes);
    JsonWriter writer;
    char* end = writer.write(m, source, out.data() + at);
    out.resize(static_cast<std::size_t>(end - out.data()));
}

}  // namespace tidemark::layers::ais
