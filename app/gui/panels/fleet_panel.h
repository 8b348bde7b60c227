// Fleet and tracks: the fleet register (agency, class, sensor range) and the vessels seen
// in the tracks, each shown or hidden on the map, with planned vs observed fix counts.
#pragma once

#include "app/gui/panels/panel.h"

#include <cstdint>
#include <map>
#include <string>

namespace tidemark::gui {

class FleetPanel : public Panel {
public:
    FleetPanel() : Panel("Fleet") {}

protected:
    void drawContent(AppState& app) override;

private:
    struct Counts { std::size_t observed = 0, planned = 0; };
    std::map<std::string, Counts> counts_;
    std::uint64_t counted_revision_ = 0;
};

}  // namespace tidemark::gui
