#include "app/gui/value_text.h"

#include "app/gui/feature_summary.h"
#include "app/gui/plan_format.h"
#include "layers/tracks/track_store.h"
#include "geo/duration.h"
#include "geo/time.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace tidemark::gui {
namespace {

bool ends_with(const std::string& s, const char* tail) {
    const std::string t(tail);
    return s.size() > t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace

ForceNames::ForceNames(const layers::Workspace& ws) {
    const layers::Layer* forces = ws.find_role(layers::LayerRole::Forces);
    if (!forces) return;
    int code = forces->field_index("code"), name = forces->field_index("name");
    for (std::size_t i = 0; i < forces->fields.size() && (code < 0 || name < 0); ++i) {
        const std::string& f = forces->fields[i].name;  // ONS: PFA20CD / PFA20NM and the like
        if (code < 0 && f.rfind("PFA", 0) == 0 && ends_with(f, "CD")) code = static_cast<int>(i);
        if (name < 0 && f.rfind("PFA", 0) == 0 && ends_with(f, "NM")) name = static_cast<int>(i);
    }
    if (code < 0 || name < 0) return;
    for (const layers::Feature& f : forces->features())
        names_[layers::to_string(f.values[code])] = layers::to_string(f.values[name]);
}

std::string ForceNames::name(const std::string& code) const {
    auto it = names_.find(code);
    return it == names_.end() ? code : it->second;
}

ValueText value_text(const std::string& field, const layers::Value& value, const ForceNames& forces) {
    const std::string stored = layers::to_string(value);
    if (stored.empty()) return {};
    // A leg's packed per-fix values (layers/tracks/track_store.h) run to megabytes: their count and the
    // first of them, no tooltip (wrapping megabytes each frame would stall the app).
    if (field == layers::kFixTimesField || field == layers::kFixSpeedsField || field == layers::kFixCoursesField) {
        const auto n = static_cast<std::size_t>(std::count(stored.begin(), stored.end(), ' ')) + 1;
        return {std::to_string(n) + (n == 1 ? " value: " : " values: ") + stored.substr(0, 60) + (stored.size() > 60 ? " ..." : ""),
                ""};
    }
    const std::optional<double> number = layers::to_number(value);
    if (field == "force_codes") {  // a gap's list; a single force_code has force_name beside it
        std::string names, code;
        std::istringstream in(stored);
        while (std::getline(in, code, ',')) names += (names.empty() ? "" : ", ") + forces.name(code);
        return {names, stored};
    }
    if (field == "risk" && number)
        return {fixed(*number, 1), "risk " + fixed(*number, 3) +
                                      " = length (km) x worst gap / revisit target x (1 + ports + reports)"};
    if (number && ends_with(field, "_s")) return {geo::format_duration(*number), fixed(*number, 0) + " s"};
    if (number && ends_with(field, "_h")) return {geo::format_duration(*number * 3600), stored + " h"};
    if (number && ends_with(field, "_m")) return {length_text(*number), fixed(*number, 1) + " m"};
    if (number && ends_with(field, "_km")) return {fixed(*number, 1) + " km", stored};
    if (number && ends_with(field, "_pct")) return {fixed(*number, 1) + " %", stored};
    if (number && ends_with(field, "_nm")) return {fixed(*number, 1) + " nm", fixed(*number * 1.852, 1) + " km"};
    if (!number && stored.size() >= 16 && stored[4] == '-' && stored[10] == 'T')  // ISO 8601 times
        if (auto t = geo::parse_iso8601(stored)) return {utc_text(*t) + " UTC", stored};
    if (number && std::holds_alternative<double>(value)) return {fixed(*number, 2), stored};
    return {stored, ""};
}

std::string header_text(const std::string& field) {
    std::string h = field;
    for (const char* unit : {"_s", "_m", "_h", "_nm", "_km", "_pct"})
        if (ends_with(h, unit)) { h.resize(h.size() - std::string(unit).size()); break; }
    if (h == "force_codes") h = "forces";
    for (char& c : h) if (c == '_') c = ' ';
    return h;
}

}  // namespace tidemark::gui
