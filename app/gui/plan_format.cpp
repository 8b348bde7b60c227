#include "app/gui/plan_format.h"

#include "geo/duration.h"
#include "geo/length_text.h"

#include <cmath>
#include <cstdio>

namespace tidemark::gui {
namespace {

struct Parts {
    geo::CivilDate date;
    int weekday, hour, minute;  // weekday 0 = Sunday
};

Parts parts_of(geo::UnixTime t) {
    const auto s = static_cast<long long>(std::floor(t));
    long long days = s / 86400, rem = s % 86400;
    if (rem < 0) rem += 86400, --days;
    // 1970-01-01 was a Thursday (4 with Sunday = 0).
    const int weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);
    return {geo::civil_from_days(days), weekday, static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60)};
}

constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string utc_text(geo::UnixTime t) {
    const Parts p = parts_of(t);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %u %s %lld %02d:%02d", kDays[p.weekday], p.date.day, kMonths[p.date.month - 1],
                  p.date.year, p.hour, p.minute);
    return buf;
}

std::string utc_short(geo::UnixTime t) {
    const Parts p = parts_of(t);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s %u %s %02d:%02d", kDays[p.weekday], p.date.day, kMonths[p.date.month - 1], p.hour,
                  p.minute);
    return buf;
}

std::string period_text(geo::UnixTime from, geo::UnixTime to) {
    return utc_text(from) + " to " + utc_text(to) + " UTC (" + geo::format_duration(to - from) + ")";
}

std::string window_text(geo::UnixTime from, geo::UnixTime to) {
    // Within one day the date is said once: "Mon 2 Mar 06:00 to 14:00".
    if (std::floor(from / 86400) == std::floor(to / 86400)) return utc_short(from) + " to " + utc_short(to).substr(utc_short(to).size() - 5);
    return utc_short(from) + " to " + utc_short(to);
}

std::string revisit_text(double seconds) {
    // Revisit targets are spoken in hours up to two days ("24 h", "6 h"), then as durations.
    if (seconds < 48 * 3600 && std::fmod(seconds, 3600) == 0) return std::to_string(static_cast<int>(seconds / 3600)) + " h";
    return geo::format_duration(seconds);
}

std::string km_text(double metres) { return geo::format_km(metres); }

std::string words(const char* name) {
    std::string s = name;
    for (char& c : s)
        if (c == '_') c = ' ';
    return s;
}

std::string iso_minutes(geo::UnixTime t) {
    std::string s = geo::format_iso8601(t);  // 2026-03-02T08:00:00Z
    if (s.size() == 20 && s.compare(16, 4, ":00Z") == 0) s = s.substr(0, 16) + "Z";
    return s;
}

std::optional<geo::UnixTime> parse_typed_time(const char* field, const std::string& text, std::string* error) {
    auto t = geo::parse_iso8601(text);
    if (!t)
        *error = std::string(field) + " '" + text + "' is not a time: type ISO 8601 in UTC, such as 2026-03-02T08:00Z";
    return t;
}

}  // namespace tidemark::gui
