#include "layers/export_shapefile_names.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace tidemark::layers {
namespace {

constexpr std::size_t kMaxBytes = 10;

// Longest prefix of at most `bytes` bytes that does not split a UTF-8 sequence.
std::string utf8_prefix(const std::string& s, std::size_t bytes) {
    if (s.size() <= bytes) return s;
    std::size_t n = bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // s[n] continues a character
    return s.substr(0, n);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

std::vector<std::string> shapefile_field_names(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    std::set<std::string> taken;  // lower-cased
    // Names that already fit keep priority over cut names that would collide with them.
    for (const auto& n : names)
        if (n.size() <= kMaxBytes) taken.insert(lower(n));
    std::set<std::string> used;
    for (const auto& n : names) {
        std::string candidate = utf8_prefix(n.empty() ? std::string("field") : n, kMaxBytes);
        const bool fits = n.size() <= kMaxBytes && !n.empty();
        bool clash = used.count(lower(candidate)) > 0 || (!fits && taken.count(lower(candidate)) > 0);
        for (int k = 1; clash; ++k) {
            const std::string tail = "_" + std::to_string(k);
            candidate = utf8_prefix(n, kMaxBytes - tail.size()) + tail;
            clash = used.count(lower(candidate)) > 0 || taken.count(lower(candidate)) > 0;
        }
        used.insert(lower(candidate));
        out.push_back(candidate);
    }
    return out;
}

}  // namespace tidemark::layers
