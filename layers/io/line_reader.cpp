#include "layers/io/line_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tidemark::layers {

LineReader::~LineReader() {
    if (fd_ >= 0) ::close(fd_);
}

bool LineReader::open(const std::string& path, std::string* error, std::size_t chunk) {
    path_ = path;
    chunk_ = chunk ? chunk : 1;
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
        if (error) *error = path + ": cannot open (" + std::strerror(errno) + "); check the path";
        return false;
    }
    struct stat st {};
    if (fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (error) *error = path + ": not a regular file";
        return false;
    }
    size_at_open_ = static_cast<std::uint64_t>(st.st_size);
    posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
    return true;
}

std::string LineReader::head(std::size_t n) const {
    std::string out(n, '\0');
    ssize_t got = fd_ >= 0 ? ::pread(fd_, out.data(), n, 0) : -1;
    out.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return out;
}

bool LineReader::fill() {
    if (eof_ || fd_ < 0) return false;
    // A small file needs no full-size chunk (a Kraken CSV of 2 KB read with 1 MiB of buffer);
    // one byte more than is left sees the end, or a file that grew, in the same read.
    const std::uint64_t left = size_at_open_ > offset_ ? size_at_open_ - offset_ : 0;
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(chunk_, std::max<std::uint64_t>(left + 1, 4096)));
    char* to = lines_.room(want);
    ssize_t n;
    do n = ::read(fd_, to, want);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        what_ = std::string("reading stopped after ") + std::to_string(offset_) + " bytes (" + std::strerror(errno) +
                "; was the file removed from a network share?)";
        cut_short_ = true;
        eof_ = true;
        return false;
    }
    if (n == 0) {
        eof_ = true;
        check_at_end();
        return false;
    }
    lines_.added(static_cast<std::size_t>(n));
    offset_ += static_cast<std::uint64_t>(n);
    return true;
}

void LineReader::check_at_end() {
    struct stat st {};
    if (fstat(fd_, &st) != 0) return;
    const auto now = static_cast<std::uint64_t>(st.st_size);
    // read() past the end returns 0 where a mapped page would have raised SIGBUS.
    if (offset_ < size_at_open_ || now < offset_) {
        what_ = "the file shrank while it was read (" + std::to_string(size_at_open_) + " bytes when opened, " +
                std::to_string(now) + " now: truncated or rotated by another program?)";
        cut_short_ = true;
    } else if (st.st_nlink == 0) {
        what_ = "the file was deleted while it was read (all " + std::to_string(offset_) + " bytes were still read)";
    }
}

// Said once the last line is out, so the count is that of the lines actually handed over.
void LineReader::finish(bool dropped_torn_line) {
    if (what_.empty() || !fault_.empty()) return;
    fault_ = path_ + ": " + what_ + "; the " + std::to_string(lines_.lines()) + " lines read up to then are kept";
    if (dropped_torn_line) fault_ += " and the incomplete line after them is dropped";
}

bool LineReader::next(Line& line) {
    for (;;) {
        if (lines_.next(line)) return true;
        if (fill()) continue;
        const bool unterminated = lines_.pending() > 0 && !lines_.skipping();
        // A last line with no '\n' is a line, unless the file was cut short under us: then
        // it is torn ("51.1234" cut to "51.1"), and a torn value must not pass as data.
        if (unterminated && !cut_short_) {
            line = lines_.take_tail();
            return true;
        }
        lines_.drop_tail();
        finish(unterminated);
        return false;
    }
}

}  // namespace tidemark::layers
