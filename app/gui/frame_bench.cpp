#include "app/gui/frame_bench.h"

#include "app/gui/map/view_transform.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace tidemark::gui {

namespace {

double load_average() {
    std::ifstream in("/proc/loadavg");
    double one = 0;
    in >> one;
    return one;
}

double clock_ms(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

}  // namespace

double seconds_since_process_start() {
    // Field 22 of /proc/self/stat: start time in clock ticks after boot. The command name
    // (field 2) may hold spaces, so count fields after its closing parenthesis.
    std::ifstream in("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), {});
    const std::size_t close = stat.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {}
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double started = std::stod(field.empty() ? "0" : field) / static_cast<double>(sysconf(_SC_CLK_TCK));
    return std::max(0.0, now.tv_sec + now.tv_nsec / 1e9 - started);
}

void FrameBench::mark(std::string phase) { phases_.emplace_back(std::move(phase), seconds_since_process_start()); }

bool FrameBench::next(ViewTransform& view) {
    if (step_ >= frames_) return false;
    // 12 px a frame, 30 frames one way then 30 back: a brisk drag across a quarter of the map.
    const double dx = (step_ / 30) % 2 == 0 ? 12 : -12;
    view.pan_pixels(dx, dx / 3);
    ++step_;
    return true;
}

void FrameBench::frame_start() {
    wall0_ = clock_ms(CLOCK_MONOTONIC);
    cpu0_ = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

void FrameBench::frame_done() {
    wall_ms_.push_back(clock_ms(CLOCK_MONOTONIC) - wall0_);
    cpu_ms_.push_back(clock_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu0_);
}

void FrameBench::print(const std::string& what) const {
    std::printf("launch (seconds since the process started; clock ticks of 10 ms):\n");
    for (const auto& [phase, s] : phases_) std::printf("  %-36s %6.2f s\n", phase.c_str(), s);
    if (wall_ms_.empty()) return;
    auto stats = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        auto pct = [&](double p) { return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))]; };
        char line[96];
        std::snprintf(line, sizeof line, "median %6.1f  p90 %6.1f  worst %6.1f", pct(0.5), pct(0.9), v.back());
        return std::string(line);
    };
    std::printf("%s: %zu frames panning (whole frame: panels, map, overlays, finished on the GPU), ms\n", what.c_str(),
                wall_ms_.size());
    std::printf("  wall                          %s\n", stats(wall_ms_).c_str());
    std::printf("  CPU of all threads (llvmpipe) %s\n", stats(cpu_ms_).c_str());
    std::printf("  load average %.2f (other processes share the cores: wall grows with it)\n", load_average());
}

}  // namespace tidemark::gui
