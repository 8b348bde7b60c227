// A sortable ImGui table of a layer's attributes, shared by the Gaps, Forces, Fleet and
// Reports panels. Cells read as people read them (value_text.h: durations, km, force names,
// times); the stored value on hover. Sorting is by the clicked column on the stored values
// (numbers numerically, text by text).
#pragma once

#include "app/gui/value_text.h"
#include "layers/layer.h"

#include <functional>
#include <string>
#include <vector>

namespace tidemark::gui {

struct LayerTableOptions {
    std::vector<std::string> columns;          // empty: every field
    std::function<bool(std::size_t)> keep;     // row filter; empty keeps all
    std::function<void(std::size_t)> clicked;  // row click
    std::int64_t highlighted = -1;             // feature index drawn selected
    float height = 0;                          // 0: fill the remaining space
    const ForceNames* forces = nullptr;        // names for force codes; codes shown without
    std::string sort_by;                       // column sorted on first ("" = table order)
    bool sort_descending = false;
};

// Returns how many rows passed the filter.
std::size_t draw_layer_table(const char* id, const layers::Layer& layer, const LayerTableOptions& options);

// Feature order sorted by `field` (numeric when both values are numbers).
std::vector<std::size_t> sorted_rows(const layers::Layer& layer, int field, bool ascending);

}  // namespace tidemark::gui
