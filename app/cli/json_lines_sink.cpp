#include "app/cli/json_lines_sink.h"

#include "app/cli/output_files.h"
#include "layers/temp_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace tidemark::cli {

JsonLinesSink::~JsonLinesSink() {
    if (fd_ >= 0 && !temp_.empty()) {
        ::close(fd_);
        std::error_code ec;
        std::filesystem::remove(temp_, ec);
    }
}

bool JsonLinesSink::open(const std::string& out, std::string* error) {
    out_ = out;
    capacity_ = 2 * kPiece;
    buffer_ = std::make_unique<char[]>(capacity_);
    if (out.empty()) {
        fd_ = STDOUT_FILENO;
        return true;
    }
    clean_stale_temporaries(out);
    temp_ = layers::temporary_beside(out, ".jsonl").string();
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) {
        *error = out + ": cannot write (" + std::strerror(errno) + "; check the folder exists and is writable)";
        temp_.clear();
        return false;
    }
    return true;
}

void JsonLinesSink::write_out(const char* data, std::size_t n) {
    while (n > 0 && !failed_) {
        const ssize_t w = ::write(fd_, data, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            failed_ = true;
            write_errno_ = errno;
            return;
        }
        data += w;
        n -= static_cast<std::size_t>(w);
        written_ += static_cast<unsigned long long>(w);
    }
    // Start the disk write of what is complete; it runs while the next piece is decoded.
    if (!temp_.empty() && written_ - synced_ >= kPiece) {
        ::sync_file_range(fd_, static_cast<off_t>(synced_), static_cast<off_t>(written_ - synced_), SYNC_FILE_RANGE_WRITE);
        synced_ = written_;
    }
}

void JsonLinesSink::append(const char* data, std::size_t n) {
    if (used_ + n > capacity_) flush();
    if (n >= capacity_) return write_out(data, n);
    std::memcpy(buffer_.get() + used_, data, n);
    used_ += n;
}

void JsonLinesSink::flush() {
    write_out(buffer_.get(), used_);
    used_ = 0;
}

bool JsonLinesSink::close(std::string* error) {
    flush();
    if (temp_.empty()) {
        if (failed_ && error) *error = std::string("standard output: write failed (") + std::strerror(write_errno_) + ")";
        return !failed_;
    }
    bool ok = !failed_ && ::fsync(fd_) == 0;
    if (!ok && !failed_) write_errno_ = errno;
    ok = ::close(fd_) == 0 && ok;
    fd_ = -1;
    std::error_code ec;
    if (ok) std::filesystem::rename(temp_, out_, ec);
    if (!ok || ec) {
        *error = out_ + ": write failed (" +
                 (ec ? ec.message() : write_errno_ ? std::string(std::strerror(write_errno_)) : std::string("disk full?")) + ")";
        std::filesystem::remove(temp_, ec);
        temp_.clear();
        return false;
    }
    temp_.clear();
    return true;
}

}  // namespace tidemark::cli
