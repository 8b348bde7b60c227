// Decluttered labels for ports and forces: anchors are computed once per layer revision,
// then each frame labels are placed greedily in priority order, skipping any that would
// overlap one already placed. Few labels: drawn through ImDrawList.
#pragma once

#include "app/gui/map/view_transform.h"
#include "layers/layer.h"

#include <string>
#include <vector>

struct ImDrawList;

namespace tidemark::gui {

struct LabelAnchor {
    geo::XY world;
    std::string text;
    double priority = 0;  // larger first (force area, port size)
    bool area = false;    // centred area label rather than a point label offset from a symbol
};

// Anchors for `layer` labelled by `field`: a point's position, or the centre of the
// largest polygon part's box nudged inside it.
std::vector<LabelAnchor> label_anchors(const layers::Layer& layer, const std::string& field);

struct PlacedBox {
    float x0, y0, x1, y1;
};

// Draws the labels that fit; `placed` carries boxes already taken across layers.
void draw_labels(ImDrawList* list, const ViewTransform& view, const std::vector<LabelAnchor>& anchors,
                 unsigned text_colour, std::vector<PlacedBox>* placed);

}  // namespace tidemark::gui
