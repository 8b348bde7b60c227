#include "app/cli/json_lines_sink.h"

#include "app/cli/output_files.h"
#include "layers/io/temp_files.h"

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

void JsonLinesSink::write(std::string_view text) {
    const char* data = text.data();
    std::size_t n = text.size();
    while (n > 0 && write_errno_ == 0) {
        const ssize_t w = ::write(fd_, data, n);
        if (w < 0) {
            if (errno != EINTR) write_errno_ = errno;
            continue;
        }
        if (w == 0) {  // nothing written and no error: do not spin
            write_errno_ = EIO;
            break;
        }
        data += w;
        n -= static_cast<std::size_t>(w);
        written_ += static_cast<unsigned long long>(w);
    }
    // Start the disk write of what is complete; it runs while the next piece is decoded.
    constexpr unsigned long long kSyncEvery = 1 << 20;
    if (!temp_.empty() && written_ - synced_ >= kSyncEvery) {
        ::sync_file_range(fd_, static_cast<off_t>(synced_), static_cast<off_t>(written_ - synced_), SYNC_FILE_RANGE_WRITE);
        synced_ = written_;
    }
}

bool JsonLinesSink::close(std::string* error) {
    if (temp_.empty()) {
        if (write_errno_) *error = std::string("standard output: write failed (") + std::strerror(write_errno_) + ")";
        return write_errno_ == 0;
    }
    if (write_errno_ == 0 && ::fsync(fd_) != 0) write_errno_ = errno;
    bool ok = ::close(fd_) == 0 && write_errno_ == 0;
    fd_ = -1;
    std::error_code ec;
    if (ok) std::filesystem::rename(temp_, out_, ec);
    if (!ok || ec) {
        *error = out_ + ": write failed (" +
                 (ec ? ec.message() : std::string(write_errno_ ? std::strerror(write_errno_) : "closing the file failed")) + ")";
        std::filesystem::remove(temp_, ec);
        temp_.clear();
        return false;
    }
    temp_.clear();
    return true;
}

}  // namespace tidemark::cli
