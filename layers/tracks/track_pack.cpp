#include "layers/tracks/track_pack.h"

#include <charconv>
#include <cmath>

namespace tidemark::layers {

std::string pack_numbers(const std::vector<double>& values, bool negative_unknown) {
    std::string out;
    out.reserve(values.size() * 12);
    char buf[32];
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out.push_back(' ');
        if (negative_unknown && values[i] < 0) {
            out.push_back('-');
            continue;
        }
        const auto r = std::to_chars(buf, buf + sizeof buf, values[i]);  // shortest exact form
        out.append(buf, r.ptr);
    }
    return out;
}

std::optional<std::vector<double>> unpack_numbers(std::string_view text, std::size_t count, std::string* why) {
    std::vector<double> out;
    out.reserve(count);
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        const char* stop = p;
        while (stop < end && *stop != ' ') ++stop;
        const std::string_view token(p, static_cast<std::size_t>(stop - p));
        if (token == "-") {
            out.push_back(-1);
        } else {
            double v = 0;
            const auto r = std::from_chars(token.data(), token.data() + token.size(), v);
            if (token.empty() || r.ec != std::errc() || r.ptr != token.data() + token.size() || !std::isfinite(v)) {
                *why = "value " + std::to_string(out.size() + 1) + " '" + std::string(token.substr(0, 40)) + "' is not a number";
                return std::nullopt;
            }
            out.push_back(v);
        }
        if (out.size() > count) break;
        p = stop < end ? stop + 1 : end;
        if (stop < end && p == end) {  // a trailing space: an empty last value
            *why = "value " + std::to_string(out.size() + 1) + " '' is not a number";
            return std::nullopt;
        }
    }
    if (out.size() != count) {
        *why = "holds " + std::string(out.size() > count ? "more than " + std::to_string(count) : std::to_string(out.size())) +
               " value(s), expected " + std::to_string(count) + " (the leg's fixes)";
        return std::nullopt;
    }
    return out;
}

}  // namespace tidemark::layers
