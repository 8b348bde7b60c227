#include "app/gui/last_seen_text.h"

#include "app/gui/plan_format.h"
#include "geo/duration.h"

namespace tidemark::gui {

std::vector<std::string> last_seen_lines(const layers::CoverageHistory& history, std::size_t segment, geo::UnixTime t,
                                         std::optional<geo::UnixTime> window_to) {
    if (!history.has_sightings() || segment >= history.segments()) return {};
    std::vector<std::string> lines;
    const std::string at_t = "T = " + utc_text(t) + " UTC";
    if (const auto seen = history.last_seen(segment, t)) {
        if (seen->in_sight)
            lines.push_back("In sight at " + at_t + ", of " + seen->vessel);
        else
            lines.push_back("Last seen before T: " + utc_text(seen->at) + " UTC, " + geo::format_duration(t - seen->at) +
                            " before T, by " + seen->vessel);
    } else {
        lines.push_back("Not seen before " + at_t + " (in the run's window)");
    }
    if (window_to) {
        if (const auto seen = history.last_seen(segment, *window_to))
            lines.push_back("Last seen in the window: " + utc_text(seen->at) + " UTC, by " + seen->vessel);
        else
            lines.push_back("Never seen in the window");
    }
    return lines;
}

}  // namespace tidemark::gui
