#include "geo/os_grid_ref.h"

#include <cctype>
#include <cmath>

namespace tidemark::geo {
namespace {

// The National Grid covers 0-700 km east, 0-1300 km north of the false origin (south-west of SV).
constexpr int kSquaresEast = 7, kSquaresNorth = 13;

// Letters A-Z without I, numbered 0-24 in a 5x5 block read west to east, north to south.
int letter_index(char c) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (c < 'A' || c > 'Z' || c == 'I') return -1;
    return c - 'A' - (c > 'I' ? 1 : 0);
}

char letter_of(int index) {
    char c = static_cast<char>('A' + index);
    return c >= 'I' ? static_cast<char>(c + 1) : c;
}

void set(std::string* error, std::string text) {
    if (error) *error = std::move(text);
}

}  // namespace

bool looks_like_os_grid_ref(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && text[i] == ' ') ++i;
    if (i + 2 > text.size()) return false;
    if (!std::isalpha(static_cast<unsigned char>(text[i])) || !std::isalpha(static_cast<unsigned char>(text[i + 1])))
        return false;
    for (std::size_t k = i + 2; k < text.size(); ++k)
        if (!std::isdigit(static_cast<unsigned char>(text[k])) && text[k] != ' ') return false;
    return true;
}

std::optional<GridRef> parse_os_grid_ref(std::string_view text, std::string* error) {
    std::string compact;
    for (char c : text)
        if (c != ' ' && c != '\t') compact += c;
    const std::string expected = "; expected two grid letters then an even number of digits (0-10), e.g. \"TR 3238 4030\"";
    if (compact.size() < 2 || !std::isalpha(static_cast<unsigned char>(compact[0])) ||
        !std::isalpha(static_cast<unsigned char>(compact[1]))) {
        set(error, "grid reference \"" + std::string(text) + "\" does not start with two letters" + expected);
        return std::nullopt;
    }
    const std::string digits = compact.substr(2);
    for (char c : digits)
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            set(error, "grid reference \"" + std::string(text) + "\" has '" + std::string(1, c) + "' where digits belong" + expected);
            return std::nullopt;
        }
    if (digits.size() % 2 != 0 || digits.size() > 10) {
        set(error, "grid reference \"" + std::string(text) + "\" has " + std::to_string(digits.size()) + " digits" + expected);
        return std::nullopt;
    }
    const int l1 = letter_index(compact[0]), l2 = letter_index(compact[1]);
    if (l1 < 0 || l2 < 0) {
        set(error, "grid reference \"" + std::string(text) + "\" uses the letter I, which the National Grid skips" + expected);
        return std::nullopt;
    }
    // First letter: 500 km square, with S at the origin (S T / N O / H J, south to north).
    // Second letter: 100 km square inside it, A at the north-west.
    const int e500 = ((l1 % 5) + 3) % 5;  // S (index 17) -> 0, T -> 1
    const int n500 = 3 - l1 / 5;          // S row (3) -> 0, N row (2) -> 1, H row (1) -> 2
    const int e100 = e500 * 5 + l2 % 5;
    const int n100 = n500 * 5 + (4 - l2 / 5);
    const std::string letters{static_cast<char>(std::toupper(static_cast<unsigned char>(compact[0]))),
                              static_cast<char>(std::toupper(static_cast<unsigned char>(compact[1])))};
    if (e100 < 0 || e100 >= kSquaresEast || n100 < 0 || n100 >= kSquaresNorth) {
        set(error, "grid reference \"" + std::string(text) + "\": square " + letters +
                   " lies outside the National Grid (0-700 km east, 0-1300 km north of the false origin); "
                   "check the two letters (GB squares run from SV in the south-west to HP in Shetland)");
        return std::nullopt;
    }
    const std::size_t half = digits.size() / 2;
    GridRef ref;
    ref.precision_m = 100000.0 / std::pow(10.0, static_cast<double>(half));
    double e = 0, n = 0;
    if (half > 0) {
        e = std::stod(digits.substr(0, half)) * ref.precision_m;
        n = std::stod(digits.substr(half)) * ref.precision_m;
    }
    ref.south_west = {e100 * 100000.0 + e, n100 * 100000.0 + n};
    return ref;
}

std::optional<std::string> format_os_grid_ref(XY en, int digits, bool spaces) {
    if (digits < 2 || digits > 10 || digits % 2 != 0) return std::nullopt;
    if (!(en.x >= 0 && en.x < kSquaresEast * 100000.0 && en.y >= 0 && en.y < kSquaresNorth * 100000.0))
        return std::nullopt;
    const int e100 = static_cast<int>(en.x / 100000.0), n100 = static_cast<int>(en.y / 100000.0);
    const int e500 = e100 / 5, n500 = n100 / 5;
    // Inverse of parse: row of the 5x5 block counts from the north.
    const int l1 = (3 - n500) * 5 + (e500 + 2) % 5;
    const int l2 = (4 - n100 % 5) * 5 + e100 % 5;
    const int half = digits / 2;
    const double unit = 100000.0 / std::pow(10.0, half);
    const long e = static_cast<long>(std::floor((en.x - e100 * 100000.0) / unit));
    const long n = static_cast<long>(std::floor((en.y - n100 * 100000.0) / unit));
    auto padded = [half](long v) {
        std::string s = std::to_string(v);
        return std::string(static_cast<std::size_t>(half) - s.size(), '0') + s;
    };
    std::string out{letter_of(l1), letter_of(l2)};
    out += (spaces ? " " : "") + padded(e) + (spaces ? " " : "") + padded(n);
    return out;
}

}  // namespace tidemark::geo
