#include "app/cli/problem_printer.h"

#include <ostream>

namespace tidemark::cli {

void print_problems(std::ostream& out, const geo::Problems& problems, std::size_t limit, const char* more_hint) {
    if (problems.empty()) return;
    std::size_t errors = 0, warnings = 0;
    for (const auto& p : problems) {
        errors += p.severity == geo::Problem::Severity::Error;
        warnings += p.severity == geo::Problem::Severity::Warning;
    }
    out << "problems: " << problems.size() << " (" << errors << " error(s), " << warnings << " warning(s))\n";
    std::size_t shown = 0;
    for (const auto& p : problems) {
        if (limit && shown == limit) break;
        out << "  " << geo::severity_name(p.severity) << ": " << p.describe() << "\n";
        ++shown;
    }
    if (shown < problems.size()) out << "  ... and " << problems.size() - shown << " more (use " << more_hint << ")\n";
}

}  // namespace tidemark::cli
