// Minimal RFC 4180 CSV reading for the small fact tables and track exports Tidemark reads
// itself (fleet register, CSV tracks, planned routes): quoted fields with commas, doubled
// quotes and line breaks inside quotes; a UTF-8 BOM is skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidemark::layers {

struct CsvRow {
    long line = 0;  // 1-based line where the row starts
    std::vector<std::string> cells;
};

struct CsvTable {
    std::vector<std::string> header;  // as written (trimmed)
    std::vector<CsvRow> rows;         // blank lines and lines starting with '#' are skipped
    // Index of the first header matching any of `names` (case-insensitive), -1 when none.
    int column(std::initializer_list<std::string_view> names) const;
};

CsvTable parse_csv(std::string_view text);
// nullopt (and `error` naming the file) when unreadable.
std::optional<std::string> read_text_file(const std::string& path, std::string* error);

bool iequals(std::string_view a, std::string_view b);
std::string trim(std::string_view s);
std::optional<double> parse_number(std::string_view s);  // whole cell must be a finite number
std::optional<bool> parse_yes_no(std::string_view s);     // yes/no, true/false, y/n, 1/0

}  // namespace tidemark::layers
