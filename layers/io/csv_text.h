// Minimal RFC 4180 CSV reading for the small fact tables and track exports Tidemark reads
// itself (fleet register, CSV tracks, planned routes): quoted fields with commas, doubled
// quotes and line breaks inside quotes; a UTF-8 BOM is skipped.
#pragma once

#include <functional>
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
// The same reading without holding the table: `row` gets each record (the header first) with the
// 1-based line it starts on; `cells` is reused for the next record. For files of millions of rows.
void scan_csv(std::string_view text, const std::function<void(long line, const std::vector<std::string>& cells)>& row);
// The whole file, read (never memory-mapped: a mapped file truncated meanwhile raises SIGBUS),
// each line ended by '\n'. nullopt with `error` naming the file when it is unreadable or has a
// line longer than LineReader::kMaxLine (a 10-million-column header is no table anyone meant,
// and parsing it would cost gigabytes). When the file shrank or could not be read to its end,
// `fault` says so and the text holds what was read.
std::optional<std::string> read_text_file(const std::string& path, std::string* error, std::string* fault = nullptr);

// `text` as it may appear in a message: at most `max` bytes, then how much was left out.
std::string clip_for_message(std::string_view text, std::size_t max = 200);

bool iequals(std::string_view a, std::string_view b);
std::string trim(std::string_view s);
std::optional<double> parse_number(std::string_view s);  // whole cell must be a finite number
std::optional<bool> parse_yes_no(std::string_view s);     // yes/no, true/false, y/n, 1/0

}  // namespace tidemark::layers
