#include "geo/report_grading.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace tidemark::geo {
namespace {

std::string lower_trimmed(std::string_view text) {
    std::string s;
    for (char c : text) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::optional<int> parse_source_evaluation(std::string_view text) {
    const std::string s = lower_trimmed(text);
    if (s == "1" || s == "reliable") return 1;
    if (s == "2" || s == "untested") return 2;
    if (s == "3" || s == "not reliable" || s == "unreliable") return 3;
    return std::nullopt;
}

std::optional<char> parse_assessment(std::string_view text) {
    const std::string s = lower_trimmed(text);
    if (s.size() == 1 && s[0] >= 'a' && s[0] <= 'e') return static_cast<char>(std::toupper(s[0]));
    return std::nullopt;
}

std::optional<char> parse_handling(std::string_view text) {
    const std::string s = lower_trimmed(text);
    if (s == "p") return 'P';
    if (s == "c") return 'C';
    return std::nullopt;
}

std::optional<Grading> parse_grading(std::string_view text) {
    std::string compact;
    for (char c : lower_trimmed(text))
        if (c != '/' && c != '-' && c != ' ' && c != ',') compact += c;
    if (compact.size() != 3) return std::nullopt;
    auto s = parse_source_evaluation(compact.substr(0, 1));
    auto a = parse_assessment(compact.substr(1, 1));
    auto h = parse_handling(compact.substr(2, 1));
    if (!s || !a || !h) return std::nullopt;
    return Grading{*s, *a, *h};
}

std::string format_grading(const Grading& g) {
    std::string out;
    out += g.source_evaluation >= 1 && g.source_evaluation <= 3 ? static_cast<char>('0' + g.source_evaluation) : '?';
    out += '/';
    out += g.assessment ? g.assessment : '?';
    out += '/';
    out += g.handling ? g.handling : '?';
    return out;
}

double grading_weight(int source_evaluation, char assessment) {
    double s = 0.5;
    switch (source_evaluation) {
        case 1: s = 1.0; break;
        case 2: s = 0.6; break;
        case 3: s = 0.3; break;
        default: break;
    }
    double a = 0.5;
    switch (assessment) {
        case 'A': a = 1.0; break;
        case 'B': a = 0.8; break;
        case 'C': a = 0.6; break;
        case 'D': a = 0.4; break;
        case 'E': a = 0.1; break;
        default: break;
    }
    return s * a;
}

double recency_weight(UnixTime observed, UnixTime now, double half_life_s) {
    const double age = std::max(0.0, now - observed);
    return std::exp2(-age / half_life_s);
}

}  // namespace tidemark::geo
