// Printing loader problems for a person: grouped counts, then the first few in full.
#pragma once

#include "geo/problem.h"

#include <iosfwd>

namespace tidemark::cli {

// Prints up to `limit` problems (all when limit == 0), then "... and N more".
// `more_hint` names the option that shows the rest.
void print_problems(std::ostream& out, const geo::Problems& problems, std::size_t limit = 20,
                    const char* more_hint = "--all-problems");

}  // namespace tidemark::cli
