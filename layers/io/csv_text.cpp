#include "layers/io/csv_text.h"

#include "layers/io/line_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace tidemark::layers {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

std::optional<double> parse_number(std::string_view s) {
    // Trimmed as a view: called for every cell of million-row tables, where a copy per cell showed.
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    const std::string_view t = s;
    if (t.empty()) return std::nullopt;
    const char* b = t.data();
    if (*b == '+') ++b;
    double v = 0;
    auto [p, ec] = std::from_chars(b, t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<bool> parse_yes_no(std::string_view s) {
    std::string t = trim(s);
    for (const char* y : {"yes", "true", "y", "1"})
        if (iequals(t, y)) return true;
    for (const char* n : {"no", "false", "n", "0"})
        if (iequals(t, n)) return false;
    return std::nullopt;
}

int CsvTable::column(std::initializer_list<std::string_view> names) const {
    for (std::string_view n : names)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (iequals(header[i], n)) return static_cast<int>(i);
    return -1;
}

void scan_csv(std::string_view text, const std::function<void(long line, const std::vector<std::string>& cells)>& row) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const char* p = text.data();
    const char* const end = p + text.size();
    long line = 1;
    std::vector<std::string> cells;  // reused row after row: no allocation once the widest row is seen
    while (p < end) {
        const long first_line = line;
        if (*p == '#' || *p == '\n' || *p == '\r') {  // comment or blank line
            const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            p = nl ? static_cast<const char*>(nl) + 1 : end;
            ++line;
            continue;
        }
        std::size_t n = 0;
        auto next_cell = [&]() -> std::string& {
            if (n == cells.size()) cells.emplace_back();
            std::string& c = cells[n++];
            c.clear();
            return c;
        };
        std::string* cell = &next_cell();
        bool quoted = false, row_done = false;
        while (p < end && !row_done) {
            if (!quoted) {  // the common case: a run of plain characters appended at once
                const char* run = p;
                while (p < end && *p != ',' && *p != '\n' && *p != '"' && *p != '\r') ++p;
                cell->append(run, p);
                if (p == end) break;
            }
            const char c = *p++;
            if (quoted) {
                if (c == '"') {
                    if (p < end && *p == '"') *cell += '"', ++p;
                    else quoted = false;
                } else {
                    if (c == '\n') ++line;
                    *cell += c;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cell = &next_cell();
            } else if (c == '\n') {
                row_done = true;
                ++line;
            }  // '\r' outside quotes is dropped
        }
        cells.resize(n);
        row(first_line, cells);
    }
}

CsvTable parse_csv(std::string_view text) {
    CsvTable table;
    bool have_header = false;
    scan_csv(text, [&](long line, const std::vector<std::string>& cells) {
        if (!have_header) {
            for (const auto& h : cells) table.header.push_back(trim(h));
            have_header = true;
        } else {
            table.rows.push_back({line, cells});
        }
    });
    return table;
}

std::optional<std::string> read_text_file(const std::string& path, std::string* error, std::string* fault) {
    LineReader reader;
    if (!reader.open(path, error)) return std::nullopt;
    std::string text;
    text.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(reader.size_at_open(), 1u << 30)));
    LineReader::Line line;
    while (reader.next(line)) {
        if (line.cut) {
            if (error)
                *error = path + ":" + std::to_string(line.number) +
                         ": line longer than 1 MiB; expected a text table with shorter lines";
            return std::nullopt;
        }
        text.append(line.text);
        text += '\n';
    }
    if (fault) *fault = reader.fault();
    return text;
}

std::string clip_for_message(std::string_view text, std::size_t max) {
    if (text.size() <= max) return std::string(text);
    return std::string(text.substr(0, max)) + "... (" + std::to_string(text.size() - max) + " more characters)";
}

}  // namespace tidemark::layers
