#include "geo/time.h"

#include <cmath>
#include <cstdio>

namespace tidemark::geo {

long long days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

CivilDate civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<long long>(yoe) + era * 400 + (m <= 2), m, d};
}

namespace {

struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    bool done() const { return i >= s.size(); }
    bool peek(char c) const { return i < s.size() && s[i] == c; }
    bool digits(int n, int& out) {
        if (i + n > s.size()) return false;
        out = 0;
        for (int k = 0; k < n; ++k) {
            char c = s[i + k];
            if (c < '0' || c > '9') return false;
            out = out * 10 + (c - '0');
        }
        i += n;
        return true;
    }
};

}  // namespace

std::optional<UnixTime> parse_iso8601(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    Cursor c{text};
    int year, month, day, hour = 0, minute = 0, second = 0;
    double fraction = 0;
    if (!c.digits(4, year)) return std::nullopt;
    const bool basic = !c.peek('-');
    if (!basic) ++c.i;
    if (!c.digits(2, month)) return std::nullopt;
    if (!basic) { if (!c.peek('-')) return std::nullopt; ++c.i; }
    if (!c.digits(2, day)) return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    if (!c.done()) {
        if (!c.peek('T') && !c.peek(' ') && !c.peek('t')) return std::nullopt;
        ++c.i;
        if (!c.digits(2, hour)) return std::nullopt;
        if (c.peek(':')) ++c.i;
        if (!c.digits(2, minute)) return std::nullopt;
        if (c.peek(':') || (basic && !c.done() && c.s[c.i] >= '0' && c.s[c.i] <= '9')) {
            if (c.peek(':')) ++c.i;
            if (!c.digits(2, second)) return std::nullopt;
            if (c.peek('.') || c.peek(',')) {
                ++c.i;
                double scale = 0.1;
                bool any = false;
                while (!c.done() && c.s[c.i] >= '0' && c.s[c.i] <= '9') {
                    fraction += (c.s[c.i] - '0') * scale;
                    scale /= 10;
                    ++c.i;
                    any = true;
                }
                if (!any) return std::nullopt;
            }
        }
    }
    if (hour > 24 || minute > 59 || second > 60) return std::nullopt;
    int offset_s = 0;
    if (!c.done()) {
        if (c.peek('Z') || c.peek('z')) {
            ++c.i;
        } else if (c.peek('+') || c.peek('-')) {
            const int sign = c.peek('-') ? -1 : 1;
            ++c.i;
            int oh, om = 0;
            if (!c.digits(2, oh)) return std::nullopt;
            if (c.peek(':')) ++c.i;
            if (!c.done() && !c.digits(2, om)) return std::nullopt;
            offset_s = sign * (oh * 3600 + om * 60);
        } else {
            return std::nullopt;
        }
        if (!c.done()) return std::nullopt;
    }
    const double days = static_cast<double>(days_from_civil(year, month, day));
    return days * 86400.0 + hour * 3600.0 + minute * 60.0 + second + fraction - offset_s;
}

std::string format_iso8601(UnixTime t) {
    // 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: beyond them the text would not be ISO 8601.
    if (!(t >= -62167219200.0 && t < 253402300800.0)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "(time out of range: %g s)", t);
        return buf;
    }
    const long long secs = static_cast<long long>(std::floor(t));
    const long long days = (secs >= 0 ? secs : secs - 86399) / 86400;
    const long long sod = secs - days * 86400;
    const auto [y, m, d] = civil_from_days(days);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", y, m, d, sod / 3600,
                  (sod / 60) % 60, sod % 60);
    return buf;
}

namespace {

// 01:00 UTC on the last Sunday of `month` (1970-01-01 was a Thursday).
UnixTime last_sunday_0100(int year, unsigned month) {
    const long long last_day = days_from_civil(year, month, 31);  // March and October have 31 days
    const long long weekday = ((last_day % 7) + 7 + 4) % 7;       // 0 = Sunday
    return static_cast<double>(last_day - weekday) * 86400.0 + 3600.0;
}

}  // namespace

bool has_utc_offset(std::string_view text) {
    const std::size_t t = text.find_first_of("Tt ");
    if (t == std::string_view::npos) return false;
    const std::string_view time = text.substr(t + 1);
    return (!time.empty() && (time.back() == 'Z' || time.back() == 'z')) || time.find_first_of("+-") != std::string_view::npos;
}

bool in_british_summer_time(UnixTime utc) {
    if (!(std::abs(utc) < 1e14)) return false;  // ~3 million years: the casts below stay defined
    const auto year = static_cast<int>(civil_from_days(static_cast<long long>(std::floor(utc / 86400))).year);
    return utc >= last_sunday_0100(year, 3) && utc < last_sunday_0100(year, 10);
}

UnixTime uk_clock_to_utc(UnixTime clock) {
    return in_british_summer_time(clock - 3600) ? clock - 3600 : clock;
}

}  // namespace tidemark::geo
