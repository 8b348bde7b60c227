// Printing loader problems for a person: grouped counts, then the first few in full.
#pragma once

#include "geo/problem.h"

#include <iosfwd>

namespace tidemark::cli {

// Prints up to `limit` problems (all when limit == 0), then "... and N more".
void print_problems(std::ostream& out, const geo::Problems& problems, std::size_t limit = 20);

}  // namespace tidemark::cli
