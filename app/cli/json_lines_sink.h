// Where `ais decode` writes its JSON Lines: standard output, or a temporary beside --out that is
// renamed over it only when complete, so --out never holds half a result.
//
// Text is built in one buffer and goes out through write(2) in pieces of kPiece bytes (stdio
// split each 64 KiB into three calls). For a file, each piece's write-back to disk is started as
// soon as it is written (Linux sync_file_range), so the closing fsync waits for the last pieces
// only, not for the whole file: on 80 MB of JSON that fsync took 60 ms, a seventh of the command.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace tidemark::cli {

class JsonLinesSink {
public:
    static constexpr std::size_t kPiece = 1 << 20;

    JsonLinesSink() = default;
    JsonLinesSink(const JsonLinesSink&) = delete;
    JsonLinesSink& operator=(const JsonLinesSink&) = delete;
    ~JsonLinesSink();  // an unclosed temporary is removed

    // `out` empty: standard output. Otherwise removes temporaries a killed run left beside
    // `out` and creates this run's; false with `error` naming the file when it cannot.
    bool open(const std::string& out, std::string* error);
    // Room for `n` (<= kPiece) more bytes at the end of what is written, then commit(end).
    char* room(std::size_t n) {
        if (used_ + n > capacity_) flush();
        return buffer_.get() + used_;
    }
    void commit(char* end) { used_ = static_cast<std::size_t>(end - buffer_.get()); }
    // Appends `n` bytes written elsewhere (another thread's batch).
    void append(const char* data, std::size_t n);
    // Writes out everything buffered.
    void flush();
    // Completes --out (flush, fsync, rename), or removes the temporary when any write failed.
    bool close(std::string* error);

private:
    void write_out(const char* data, std::size_t n);

    std::string out_, temp_;
    int fd_ = -1;
    bool failed_ = false;
    int write_errno_ = 0;
    unsigned long long written_ = 0, synced_ = 0;  // bytes written; bytes whose write-back was started
    std::unique_ptr<char[]> buffer_;
    std::size_t used_ = 0, capacity_ = 0;
};

}  // namespace tidemark::cli
