#include "geo/duration.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace tidemark::geo {

std::string format_duration(double seconds) {
    if (!std::isfinite(seconds)) return "—";
    const bool negative = seconds < 0;
    auto s = static_cast<long long>(std::floor(std::fabs(seconds)));
    const long long d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, sec = s % 60;
    std::string out;
    auto part = [&](long long v, const char* unit) { out += (out.empty() ? "" : " ") + std::to_string(v) + " " + unit; };
    if (d > 0) {
        part(d, "d");
        if (h > 0) part(h, "h");
    } else if (h > 0) {
        part(h, "h");
        if (m > 0) part(m, "min");
    } else if (m > 0) {
        part(m, "min");
    } else {
        part(sec, "s");
    }
    return negative ? "−" + out : out;
}

std::optional<double> parse_duration(std::string_view text) {
    double total = 0;
    bool any = false;
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    };
    skip_space();
    while (i < text.size()) {
        double v = 0;
        auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), v);
        if (ec != std::errc{} || !std::isfinite(v) || v < 0) return std::nullopt;
        i = end - text.data();
        skip_space();
        std::size_t u = i;
        while (u < text.size() && std::isalpha(static_cast<unsigned char>(text[u]))) ++u;
        const std::string_view unit = text.substr(i, u - i);
        i = u;
        double scale = 0;
        if (unit.empty() && !any && (skip_space(), i == text.size())) scale = 3600;  // a plain number: hours
        else if (unit == "d" || unit == "day" || unit == "days") scale = 86400;
        else if (unit == "h" || unit == "hr" || unit == "hours" || unit == "hour") scale = 3600;
        else if (unit == "m" || unit == "min" || unit == "mins" || unit == "minutes") scale = 60;
        else if (unit == "s" || unit == "sec" || unit == "seconds") scale = 1;
        else return std::nullopt;
        total += v * scale;
        any = true;
        skip_space();
    }
    if (!any) return std::nullopt;
    return total;
}

}  // namespace tidemark::geo
