// Where `ais decode` writes its JSON Lines: standard output, or a temporary beside --out that is
// renamed over it only when complete, so --out never holds half a result.
//
// Text goes out through write(2) as it comes, in the pieces the caller hands over (about 1 MiB:
// stdio used to split each 64 KiB into three calls). For a file, the write-back to disk of what
// is written is started every MiB (Linux sync_file_range), so the closing fsync waits for the
// last piece only, not for the whole file: on 80 MB of JSON that fsync took 60 ms, a seventh
// of the command.
#pragma once

#include <string>
#include <string_view>

namespace tidemark::cli {

class JsonLinesSink {
public:
    JsonLinesSink() = default;
    JsonLinesSink(const JsonLinesSink&) = delete;
    JsonLinesSink& operator=(const JsonLinesSink&) = delete;
    ~JsonLinesSink();  // an unclosed temporary is removed

    // `out` empty: standard output. Otherwise removes temporaries a killed run left beside
    // `out` and creates this run's; false with `error` naming the file when it cannot.
    bool open(const std::string& out, std::string* error);
    // Writes `text` now. After a failed write the rest is dropped and close() says so.
    void write(std::string_view text);
    // Completes --out (fsync, rename), or removes the temporary when any write failed.
    bool close(std::string* error);

private:
    std::string out_, temp_;
    int fd_ = -1;
    int write_errno_ = 0;                          // of the first failed write; 0 while all went well
    unsigned long long written_ = 0, synced_ = 0;  // bytes written; bytes whose write-back was started
};

}  // namespace tidemark::cli
