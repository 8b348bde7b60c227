// Attribute values as people read them, for the Inspector and the tables (Gaps, Forces, Fleet,
// Reports): durations "6 d 13 h", lengths in km and nm, force names for a gap's ONS codes, times
// in UTC with the weekday, risk rounded with its formula on hover. Chosen by the field's name, as
// the layers name them (`*_s` seconds, `*_m` metres, `*_h` hours, `*_km`, `*_nm`, `*_pct`,
// `force_codes`, `risk`, ISO times). Sorting stays on the stored values. No ImGui here: tested
// without a display.
#pragma once

#include "layers/layer.h"
#include "layers/workspace.h"

#include <map>
#include <string>

namespace tidemark::gui {

// Police force names by ONS code, from the workspace's force areas layer (fields code/name,
// or PFA..CD/PFA..NM as ONS publishes them).
class ForceNames {
public:
    ForceNames() = default;
    explicit ForceNames(const layers::Workspace& ws);
    // "Kent Police" for its code; the code itself when unknown.
    std::string name(const std::string& code) const;

private:
    std::map<std::string, std::string> names_;
};

struct ValueText {
    std::string text;     // the cell
    std::string tooltip;  // on hover: the stored value or how it was worked out ("" for none)
};

ValueText value_text(const std::string& field, const layers::Value& value, const ForceNames& forces);

// A column header as people read it: "worst gap" for worst_gap_s, "length" for length_m.
std::string header_text(const std::string& field);

}  // namespace tidemark::gui
