#include "layers/export/export_shapefile_names.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace tidemark::layers {
namespace {

constexpr std::size_t kMaxChars = 10;

std::string laundered(const std::string& s) {
    std::string out = s.empty() ? std::string("field") : s;
    for (char& c : out)
        if (!(std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) && c != '_') c = '_';
    return out;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

std::vector<std::string> shapefile_field_names(const std::vector<std::string>& names) {
    std::vector<std::string> clean;
    for (const auto& n : names) clean.push_back(laundered(n));
    // Names that already fit are reserved, so a cut name never takes one of them.
    std::set<std::string> reserved;
    for (const auto& n : clean)
        if (n.size() <= kMaxChars) reserved.insert(lower(n));
    std::set<std::string> used;
    std::vector<std::string> out;
    for (const auto& n : clean) {
        const bool fits = n.size() <= kMaxChars;
        std::string candidate = n.substr(0, kMaxChars);
        bool clash = used.count(lower(candidate)) > 0 || (!fits && reserved.count(lower(candidate)) > 0);
        for (int k = 1; clash; ++k) {
            const std::string tail = "_" + std::to_string(k);
            candidate = n.substr(0, kMaxChars - tail.size()) + tail;
            clash = used.count(lower(candidate)) > 0 || reserved.count(lower(candidate)) > 0;
        }
        used.insert(lower(candidate));
        out.push_back(candidate);
    }
    return out;
}

}  // namespace tidemark::layers
