// What the Inspector says about a coverage segment's watch: when it was last seen before T and
// by which vessel (or that it is in sight at T), and when last in the stored run's window.
// Times in UTC with the weekday, ages as durations people read ("6 d 13 h"). No ImGui here.
#pragma once

#include "geo/time.h"
#include "layers/coverage/coverage_as_of.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::gui {

// Empty when the history has no sightings (results stored before they were kept).
// `window_to`: the end of the run's window (the "in the window" line), when known.
std::vector<std::string> last_seen_lines(const layers::CoverageHistory& history, std::size_t segment, geo::UnixTime t,
                                         std::optional<geo::UnixTime> window_to);

}  // namespace tidemark::gui
