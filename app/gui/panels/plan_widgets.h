// Small ImGui pieces the Plan panel's parts share: message colours, an agency's colour swatch
// and an agency picker that shows names with their codes.
#pragma once

#include "layers/plan/plan.h"

#include <imgui.h>

#include <cstddef>
#include <cstring>
#include <string>

namespace tidemark::gui {

inline const ImVec4 kErrorColour{0.80f, 0.10f, 0.10f, 1};
inline const ImVec4 kWarningColour{0.75f, 0.45f, 0.00f, 1};
inline const ImVec4 kDoneColour{0.10f, 0.50f, 0.15f, 1};

// Puts `text` into a fixed-size ImGui input field, cut to fit and always terminated.
template <std::size_t N>
void copy_to_field(char (&field)[N], const std::string& text) {
    std::strncpy(field, text.c_str(), N - 1);
    field[N - 1] = 0;
}

// A square of the agency's colour (grey when it has none), text-height.
void agency_swatch(const layers::plan::PlanBook& book, const std::string& code);
// A combo of the book's agencies ("Kent Police (E23000032)" with swatches); `code` is changed
// when one is chosen. With `any` set, an "(any agency)" entry clears `code`.
bool agency_combo(const char* label, const layers::plan::PlanBook& book, std::string* code, const char* any = nullptr);

}  // namespace tidemark::gui
