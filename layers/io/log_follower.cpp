#include "layers/io/log_follower.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tidemark::layers {
namespace {
constexpr std::size_t kChunk = 1 << 16;
}

LogFollower::~LogFollower() {
    if (fd_ >= 0) ::close(fd_);
}

bool LogFollower::open(const std::string& path, std::string* error) {
    path_ = path;
    if (!reopen()) {
        if (error) *error = path + ": cannot open (" + std::strerror(errno) + "); check the path";
        return false;
    }
    struct stat st {};
    if (fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (error) *error = path + ": not a regular file; --follow reads a log file that another program appends to";
        return false;
    }
    return true;
}

bool LogFollower::reopen() {
    int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
    struct stat st {};
    if (fstat(fd_, &st) == 0) {
        dev_ = st.st_dev;
        ino_ = st.st_ino;
    }
    lines_.reset();
    return true;
}

std::uint64_t LogFollower::size_now() const {
    struct stat st {};
    return fd_ >= 0 && fstat(fd_, &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

bool LogFollower::fill() {
    char* to = lines_.room(kChunk);
    ssize_t n;
    do n = ::read(fd_, to, kChunk);
    while (n < 0 && errno == EINTR);
    if (n <= 0) return false;  // at the end for now; a read error is retried at the next poll
    lines_.added(static_cast<std::size_t>(n));
    return true;
}

bool LogFollower::next(Line& line) {
    // An unterminated tail stays in the splitter: the writer has not finished that line yet.
    for (;;) {
        if (lines_.next(line)) return true;
        if (!fill()) return false;
    }
}

std::string LogFollower::check_file() {
    struct stat at_path {};
    if (::stat(path_.c_str(), &at_path) != 0) {
        if (gone_noted_) return {};
        gone_noted_ = true;
        return path_ + ": the file is gone (" + std::strerror(errno) +
               "; rotated away?); waiting for it to appear again";
    }
    const bool noted_gone = gone_noted_;
    gone_noted_ = false;
    if (at_path.st_dev != dev_ || at_path.st_ino != ino_) {
        // Rename rotation: the old file was read to its end before this was called.
        const std::size_t dropped = pending();
        if (!reopen()) return {};
        ++restarts_;
        std::string note = path_ + (noted_gone ? ": the file is back" : ": the path now names a new file (rotated?)") +
                           "; reading it from the start";
        if (dropped) note += " (an unfinished last line of " + std::to_string(dropped) + " bytes in the old file is dropped)";
        return note;
    }
    const std::uint64_t read_so_far = lines_.consumed() + pending();
    const std::uint64_t size = static_cast<std::uint64_t>(at_path.st_size);
    if (size < read_so_far) {
        // Copytruncate rotation (or an editor rewriting the file): what was read stays read.
        ::lseek(fd_, 0, SEEK_SET);
        lines_.reset();
        ++restarts_;
        return path_ + ": the file shrank from " + std::to_string(read_so_far) + " to " + std::to_string(size) +
               " bytes (truncated by log rotation?); reading it again from the start";
    }
    return {};
}

}  // namespace tidemark::layers
