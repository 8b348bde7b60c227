#include "app/gui/time_input.h"

#include <algorithm>

namespace tidemark::gui {

std::optional<geo::UnixTime> parse_timeline_time(const std::string& text, geo::UnixTime from, geo::UnixTime to,
                                                 std::string* error) {
    std::string trimmed = text;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
    const auto t = geo::parse_iso8601(trimmed);
    if (!t || !geo::plausible_time(*t)) {
        *error = "'" + text + "' is not a time: expected ISO 8601 UTC such as " + timeline_text(from) + " or " +
                 geo::format_iso8601(from);
        return std::nullopt;
    }
    if (*t < from || *t > to) {
        *error = geo::format_iso8601(*t) + " is outside the window " + geo::format_iso8601(from) + " – " + geo::format_iso8601(to);
        return std::nullopt;
    }
    error->clear();
    return t;
}

geo::UnixTime step_time(geo::UnixTime t, double delta_s, geo::UnixTime from, geo::UnixTime to) {
    return std::clamp(t + delta_s, from, std::max(from, to));
}

std::string timeline_text(geo::UnixTime t) {
    std::string s = geo::format_iso8601(t);  // 2026-03-04T12:00:00Z
    if (s.size() == 20) s = s.substr(0, 10) + " " + s.substr(11, 8);
    return s;
}

}  // namespace tidemark::gui
