// The JSON writer formats numbers from the raw integers; the expected text here is what the
// standard library writes for the scaled double (std::to_chars, fixed, correctly rounded), and
// gpsd's own formulas (rate of turn) and geo::format_iso8601 (times): none of it from the writer.
#include "layers/ais/ais_json.h"

#include "geo/time.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <climits>
#include <cmath>
#include <random>
#include <string>

using namespace tidemark::layers::ais;

namespace {

std::string to_chars_fixed(double v, int decimals) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    return std::string(buf, r.ptr);
}

// The text of `key`'s value in one object ("-1.234567", "null", "\"fastleft\"").
std::string field(const std::string& json, const std::string& key) {
    const std::string k = "\"" + key + "\":";
    std::size_t at = json.find(k);
    if (at == std::string::npos) return "<missing>";
    at += k.size();
    std::size_t end = json.find_first_of(",}", at);
    return json.substr(at, end - at);
}

std::string write(const Message& m, const Assembled& a = {}) {
    std::string s;
    append_json(m, a, s);
    return s;
}

Message position_report(int type) {
    Message m;
    m.type = type;
    m.supported = true;
    m.mmsi = 235900101;
    return m;
}

// 28-bit longitudes and 27-bit latitudes in 1/10000 minute: both ends of the field, around
// zero, around the not-available values, and 300,000 random values between (every value was checked once, offline).
std::vector<std::int32_t> raw_positions(int bits) {
    const std::int32_t lo = -(1 << (bits - 1)), hi = (1 << (bits - 1)) - 1;
    std::vector<std::int32_t> v;
    for (std::int32_t base : {lo, -600000 * 90, -1, 0, 600000 * 90, 600000 * 180, hi - 2000})
        for (std::int32_t d = 0; d < 2000; ++d)
            if (base + d >= lo && base + d <= hi) v.push_back(base + d);
    std::mt19937 rng(15);
    std::uniform_int_distribution<std::int32_t> any(lo, hi);
    for (int i = 0; i < 300000; ++i) v.push_back(any(rng));
    return v;
}

}  // namespace

TEST(AisJson, LonLatAreToCharsOfTheDegreesToSixDecimals) {
    Message m = position_report(1);
    char out[kMaxJsonBytes];
    JsonWriter w;
    int checked = 0;
    for (std::int32_t raw : raw_positions(28)) {
        m.lon = raw;
        m.lat = raw >> 1;  // 27 bits
        const std::string s(out, w.write(m, {}, out));
        if (raw != 181 * 600000) {
            ASSERT_EQ(field(s, "lon"), to_chars_fixed(raw / 600000.0, 6)) << raw;
            ++checked;
        }
        if ((raw >> 1) != 91 * 600000) {
            ASSERT_EQ(field(s, "lat"), to_chars_fixed((raw >> 1) / 600000.0, 6)) << (raw >> 1);
        }
    }
    EXPECT_GT(checked, 300000);
}

TEST(AisJson, LongRangeLonLatAreToCharsToFourDecimalsForEveryValueSent) {
    Message m = position_report(27);
    for (std::int32_t raw = -(1 << 17); raw < (1 << 17); ++raw) {  // all 18-bit longitudes
        m.lon = raw;
        m.lat = raw >> 1;
        const std::string s = write(m);
        if (raw != 181 * 600) {
            ASSERT_EQ(field(s, "lon"), to_chars_fixed(raw / 600.0, 4)) << raw;
        }
        if ((raw >> 1) != 91 * 600) {
            ASSERT_EQ(field(s, "lat"), to_chars_fixed((raw >> 1) / 600.0, 4)) << raw;
        }
    }
}

TEST(AisJson, NotAvailablePositionsAreNull) {
    Message m = position_report(1);
    m.lon = 181 * 600000;
    m.lat = 91 * 600000;
    const std::string s = write(m);
    EXPECT_EQ(field(s, "lon"), "null");
    EXPECT_EQ(field(s, "lat"), "null");
    m = position_report(27);
    m.lon = 181 * 600;
    m.lat = 91 * 600;
    EXPECT_EQ(field(write(m), "lon"), "null");
}

TEST(AisJson, SpeedCourseAndDraughtAreToCharsOfTheTenths) {
    Message m = position_report(18);
    for (int v = 0; v < 4096; ++v) {
        m.speed = v & 1023;
        m.course = v;
        const std::string s = write(m);
        ASSERT_EQ(field(s, "speed"), m.speed == 1023 ? "null" : to_chars_fixed(m.speed / 10.0, 1)) << v;
        ASSERT_EQ(field(s, "course"), v >= 3600 ? "null" : to_chars_fixed(v / 10.0, 1)) << v;
    }
    Message ship = position_report(5);
    for (int d = 0; d < 256; ++d) {
        ship.draught = d;
        ASSERT_EQ(field(write(ship), "draught"), to_chars_fixed(d / 10.0, 1)) << d;
    }
}

TEST(AisJson, RateOfTurnIsGpsdsFormula) {
    Message m = position_report(1);
    for (int raw = -128; raw < 128; ++raw) {
        m.turn = raw;
        const std::string t = field(write(m), "turn");
        if (raw == -128) EXPECT_EQ(t, "null");
        else if (raw == -127) EXPECT_EQ(t, "\"fastleft\"");
        else if (raw == 127) EXPECT_EQ(t, "\"fastright\"");
        else  // gpsd: ROT = (raw / 4.733)^2 degrees a minute, the sign of raw, whole degrees
            EXPECT_EQ(t, std::to_string(static_cast<long>(std::copysign(std::round(std::pow(raw / 4.733, 2)), raw)))) << raw;
    }
}

TEST(AisJson, TimesAreFormatIso8601AcrossDaysWithOneWriter) {
    Message m = position_report(1);
    JsonWriter w;  // keeps the last date: times go forward, back, and across midnight
    char out[kMaxJsonBytes];
    Assembled a;
    for (double t : std::initializer_list<double>{1772366400.0, 1772366399.5, 1772409599.0, 1772409600.0, 1772366400.0, 0.0, -0.5, -86400.0,
                     -86401.0, 4133980799.0, 253402300799.0, 253402300800.0, 1e20, -1e20, INFINITY}) {
        a.time = t;
        const std::string s(out, w.write(m, a, out));
        EXPECT_EQ(field(s, "time"), "\"" + tidemark::geo::format_iso8601(t) + "\"") << t;
    }
    a.time = NAN;
    EXPECT_EQ(field(write(m, a), "time"), "<missing>");
    for (double first : {-0.5, -86400.0, 0.0}) {  // a new writer's first time, whatever its day
        a.time = first;
        EXPECT_EQ(field(write(m, a), "time"), "\"" + tidemark::geo::format_iso8601(first) + "\"") << first;
    }
}

TEST(AisJson, TextIsEscapedAndTheWorstCaseFitsTheBound) {
    // Every type at its longest: six-bit text all '"' or '\' (each written as two characters),
    // every number at its widest, the last line of a huge file, a time outside 0000-9999.
    Assembled a;
    a.line = LONG_MAX;
    a.time = -1.7976931348623157e308;
    std::size_t longest = 0;
    for (int type : {1, 2, 3, 4, 5, 18, 19, 24, 27}) {
        for (int part : {0, 1}) {
            Message m = position_report(type);
            m.partno = part;
            m.mmsi = 999999999;
            m.imo = 1073741823;
            m.radio = 1048575;
            m.serial = 1048575;
            m.mothership_mmsi = part ? 0 : 999999999;
            m.year = 16383;
            m.lon = -(1 << 27);
            m.lat = -(1 << 26);
            m.callsign = m.vendorid = std::string(7, '"');
            m.shipname = m.destination = std::string(20, '\\');
            m.status = 14;
            m.turn = -126;
            m.to_bow = m.to_stern = 511;
            const std::string s = write(m, a);
            longest = std::max(longest, s.size());
            EXPECT_EQ(s.find('\n'), std::string::npos);
            const auto parsed = nlohmann::json::parse(s);  // valid JSON
            if (type == 5) {
                EXPECT_EQ(parsed["shipname"], std::string(20, '\\'));
                EXPECT_EQ(parsed["callsign"], std::string(7, '"'));
            }
        }
    }
    EXPECT_LE(longest, kMaxJsonBytes);
    EXPECT_GT(longest, 300u);  // type 5 at its longest, so the bound is tested where it is tightest
}
