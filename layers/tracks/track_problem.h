// A problem found while reading a track file, named by file and line (layer "tracks"): one
// wording for every track reader (AIS, CSV, GPX).
#pragma once

#include "geo/problem.h"

#include <string>

namespace tidemark::layers {

inline geo::Problem track_problem(const std::string& path, long line, std::string reason,
                                  geo::Problem::Severity severity = geo::Problem::Severity::Warning,
                                  std::string feature = {}) {
    geo::Problem p;
    p.severity = severity;
    p.source = path;
    p.layer = "tracks";
    p.feature = std::move(feature);
    p.line = line;
    p.reason = std::move(reason);
    return p;
}

}  // namespace tidemark::layers
