#include "layers/log_follower.h"

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
    reset_position();
    return true;
}

void LogFollower::reset_position() {
    begin_ = end_ = 0;
    consumed_ = 0;
    number_ = 0;
    skipping_ = false;
}

std::uint64_t LogFollower::size_now() const {
    struct stat st {};
    return fd_ >= 0 && fstat(fd_, &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

bool LogFollower::fill() {
    if (fd_ < 0) return false;
    if (begin_ > 0) {
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (buf_.size() < end_ + kChunk) buf_.resize(end_ + kChunk);
    ssize_t n;
    do n = ::read(fd_, buf_.data() + end_, kChunk);
    while (n < 0 && errno == EINTR);
    if (n <= 0) return false;  // at the end for now; a read error is retried at the next poll
    end_ += static_cast<std::size_t>(n);
    return true;
}

bool LogFollower::next(Line& line) {
    for (;;) {
        const char* from = buf_.data() + begin_;
        const std::size_t pending = end_ - begin_;
        const char* nl = pending ? static_cast<const char*>(std::memchr(from, '\n', pending)) : nullptr;
        if (nl) {
            const auto len = static_cast<std::size_t>(nl - from);
            begin_ += len + 1;
            consumed_ += len + 1;
            if (skipping_) {  // the rest of a line already handed out cut
                skipping_ = false;
                continue;
            }
            line = {std::string_view(from, len), ++number_, false};
            return true;
        }
        if (skipping_) {
            consumed_ += pending;
            begin_ = end_ = 0;
        } else if (pending >= kMaxLine) {
            line = {std::string_view(from, kMaxLine), ++number_, true};
            consumed_ += pending;
            begin_ = end_;  // the bytes stay in buf_ until the next fill(), after the caller is done
            skipping_ = true;
            return true;
        }
        // An unterminated tail stays in buf_: the writer has not finished that line yet.
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
    const std::uint64_t read_so_far = consumed_ + pending();
    const std::uint64_t size = static_cast<std::uint64_t>(at_path.st_size);
    if (size < read_so_far) {
        // Copytruncate rotation (or an editor rewriting the file): what was read stays read.
        ::lseek(fd_, 0, SEEK_SET);
        reset_position();
        ++restarts_;
        return path_ + ": the file shrank from " + std::to_string(read_so_far) + " to " + std::to_string(size) +
               " bytes (truncated by log rotation?); reading it again from the start";
    }
    return {};
}

}  // namespace tidemark::layers
