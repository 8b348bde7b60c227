// The "Coverage as of T" switch, shown in the timeline and in the Coverage panel: on, the coast
// is coloured by the time since each segment was last seen before T; off, by the stored run's
// longest gap in its window. Disabled, with the reason, when the stored results have no
// sightings (made before they were kept: re-run coverage).
#pragma once

namespace tidemark::gui {

class AppState;

void coverage_as_of_toggle(AppState& app);

}  // namespace tidemark::gui
