#include "layers/io/temp_files.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

namespace tidemark::layers {
namespace fs = std::filesystem;
namespace {

fs::path folder_of(const fs::path& target) { return target.parent_path().empty() ? fs::path(".") : target.parent_path(); }

std::string prefix_of(const fs::path& target) { return "." + target.filename().string() + ".partial-"; }

// Seconds since the epoch at which process `pid` started, or -1 when unknown:
// /proc/<pid>/stat field 22 (clock ticks after boot) plus the boot time from /proc/stat.
double process_start_time(long pid) {
    std::ifstream stat_file("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat_file)), std::istreambuf_iterator<char>());
    const std::size_t close = text.rfind(')');  // the command name may hold spaces and ')'
    if (close == std::string::npos) return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    unsigned long long ticks = 0;
    for (int i = 3; i <= 22 && fields >> field; ++i)
        if (i == 22) ticks = std::strtoull(field.c_str(), nullptr, 10);
    std::ifstream boot("/proc/stat");
    std::string key;
    long long btime = -1;
    while (boot >> key)
        if (key == "btime" && boot >> btime) break;
    if (btime < 0 || ticks == 0) return -1;
    return static_cast<double>(btime) + static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// A killed writer whose parent has not reaped it yet is a zombie: it writes no more.
bool is_zombie(long pid) {
    std::ifstream stat_file("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat_file)), std::istreambuf_iterator<char>());
    const std::size_t close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] == 'Z';
}

bool writer_gone(long pid, const fs::path& temp) {
    if (pid <= 0) return true;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return true;
    if (is_zombie(pid)) return true;
    struct stat st {};
    if (::lstat(temp.c_str(), &st) != 0) return false;
    const double started = process_start_time(pid);
    // A second of slack: btime is whole seconds.
    return started > 0 && static_cast<double>(st.st_mtime) + 1.0 < started;
}

}  // namespace

fs::path temporary_beside(const fs::path& target, const std::string& suffix) {
    return folder_of(target) / (prefix_of(target) + std::to_string(::getpid()) + suffix);
}

void remove_own_temporaries(const fs::path& temp) {
    std::error_code ec;
    fs::remove_all(temp, ec);
    for (const char* sidecar : {"-journal", "-wal", "-shm", ".aux.xml"}) fs::remove(temp.string() + sidecar, ec);
}

std::vector<fs::path> remove_stale_temporaries(const fs::path& target) {
    std::vector<fs::path> removed;
    const std::string prefix = prefix_of(target);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder_of(target), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        char* end = nullptr;
        const long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
        if (end == name.c_str() + prefix.size()) continue;  // not one of ours: no pid after ".partial-"
        if (pid == ::getpid() || !writer_gone(pid, entry.path())) continue;
        std::error_code rm;
        // ".old" is the previous output moved aside for a folder swap (export_atomic.cpp); a writer
        // killed between the two renames left no target, so the old one goes back, not away.
        if (std::string_view(end) == ".old" && !fs::exists(fs::symlink_status(target, rm))) {
            fs::rename(entry.path(), target, rm);
            if (!rm) removed.push_back(entry.path());
            continue;
        }
        if (fs::remove_all(entry.path(), rm) > 0 && !rm) removed.push_back(entry.path());
    }
    return removed;
}

}  // namespace tidemark::layers
