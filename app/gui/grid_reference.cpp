#include "app/gui/grid_reference.h"

#include <cmath>
#include <cstdio>

namespace tidemark::gui {

std::string os_grid_reference(geo::XY bng, int digits) {
    if (!(bng.x >= 0 && bng.y >= 0 && bng.x < 700000 && bng.y < 1300000)) return "";
    const int e100 = static_cast<int>(bng.x / 100000), n100 = static_cast<int>(bng.y / 100000);
    // 500 km squares S, T, N, O, H over a 5x5 letter grid of 100 km squares; 'I' is not used.
    int l1 = (19 - n100) - (19 - n100) % 5 + (e100 + 10) / 5;
    int l2 = (19 - n100) * 5 % 25 + e100 % 5;
    if (l1 > 7) ++l1;
    if (l2 > 7) ++l2;
    const int half = digits / 2;
    const double unit = std::pow(10.0, 5 - half);
    const long e = static_cast<long>(std::floor(std::fmod(bng.x, 100000.0) / unit));
    const long n = static_cast<long>(std::floor(std::fmod(bng.y, 100000.0) / unit));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%c%c %0*ld %0*ld", 'A' + l1, 'A' + l2, half, e, half, n);
    return buf;
}

}  // namespace tidemark::gui
