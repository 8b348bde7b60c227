// Data problems are reported, not thrown (as libosmium's ProblemReporter): loaders collect
// them, keep the good data, and the CLI and the Problems panel show them.
#pragma once

#include <string>
#include <vector>

namespace tidemark::geo {

struct Problem {
    enum class Severity { Info, Warning, Error };
    Severity severity = Severity::Warning;
    std::string source;   // file path
    std::string layer;    // layer or table name, may be empty
    std::string feature;  // feature id or row key, may be empty
    long line = 0;        // 1-based line in a text file; 0 when not a text line
    std::string reason;   // what is wrong and what was expected

    // "coast.geojson: layer coast: feature 12: self-crossing ring at (531200, 180400)"
    std::string describe() const;
};

using Problems = std::vector<Problem>;

// "error", "warning", "note": as lists and tables name a severity.
inline const char* severity_name(Problem::Severity s) {
    switch (s) {
    case Problem::Severity::Error: return "error";
    case Problem::Severity::Warning: return "warning";
    case Problem::Severity::Info: return "note";
    }
    return "";
}

inline std::string Problem::describe() const {
    std::string s = source;
    if (line > 0) s += ":" + std::to_string(line);
    if (!layer.empty()) s += ": layer " + layer;
    if (!feature.empty()) s += ": feature " + feature;
    s += ": " + reason;
    return s;
}

}  // namespace tidemark::geo
