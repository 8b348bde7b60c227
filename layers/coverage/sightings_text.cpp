#include "layers/coverage/sightings_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace tidemark::layers {
namespace {

// A whole number at text[i...]; advances i past it.
std::optional<long long> whole_number(std::string_view text, std::size_t& i) {
    long long v = 0;
    const char* begin = text.data() + i;
    auto [end, ec] = std::from_chars(begin, text.data() + text.size(), v);
    if (ec != std::errc() || end == begin) return std::nullopt;
    i += static_cast<std::size_t>(end - begin);
    return v;
}

}  // namespace

std::string format_sightings(const std::vector<geo::Sighting>& sightings,
                             const std::vector<std::uint32_t>& observer_of_track) {
    std::string out;
    for (const geo::Sighting& s : sightings) {
        if (s.track >= observer_of_track.size()) continue;
        const long long from = std::llround(s.when.from), to = std::llround(s.when.to);
        if (!out.empty()) out += ';';
        out += std::to_string(from) + '+' + std::to_string(std::max(0LL, to - from)) + '@' +
               std::to_string(observer_of_track[s.track]);
    }
    return out;
}

std::optional<std::vector<SightingEntry>> parse_sightings(std::string_view text, std::size_t observers,
                                                          std::string* error) {
    std::vector<SightingEntry> out;
    std::size_t i = 0, entry = 0;
    auto fail = [&](const std::string& what) -> std::optional<std::vector<SightingEntry>> {
        if (error)
            *error = "sighting " + std::to_string(entry + 1) + " at character " + std::to_string(i + 1) + ": " + what +
                     " (expected start+seconds@vessel, e.g. 1772409600+3600@0, separated by ';')";
        return std::nullopt;
    };
    if (text.empty()) return out;
    while (true) {
        const auto from = whole_number(text, i);
        if (!from) return fail("no start time");
        if (i >= text.size() || text[i] != '+') return fail("no '+' after the start");
        ++i;
        const auto duration = whole_number(text, i);
        if (!duration || *duration < 0) return fail("no duration in whole seconds");
        if (i >= text.size() || text[i] != '@') return fail("no '@' after the duration");
        ++i;
        const auto who = whole_number(text, i);
        if (!who || *who < 0) return fail("no vessel number");
        if (static_cast<std::size_t>(*who) >= observers)
            return fail("vessel " + std::to_string(*who) + " but the segment lists " + std::to_string(observers) +
                        " observers");
        out.push_back({static_cast<double>(*from), static_cast<double>(*from + *duration), static_cast<std::uint32_t>(*who)});
        if (out.size() >= 2 && out.back().from < out[out.size() - 2].from) return fail("not sorted by start");
        if (i == text.size()) break;
        if (text[i] != ';') return fail("unexpected character");
        ++i;
        ++entry;
    }
    return out;
}

std::vector<std::string> split_observers(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const std::size_t sep = text.find("; ", start);
        out.emplace_back(text.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
        if (sep == std::string_view::npos) break;
        start = sep + 2;
    }
    return out;
}

}  // namespace tidemark::layers
