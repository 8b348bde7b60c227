// A text file line by line through read(2) in fixed-size chunks: memory stays at one chunk
// plus the longest line (capped), whatever the file's size, and a file that changes while it
// is read cannot kill the process. (Memory-mapping did both: a log truncated under the map by
// copytruncate rotation raised SIGBUS, and a 2 GB sparse file became 2 GB of resident pages.)
#pragma once

#include "layers/io/line_splitter.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tidemark::layers {

class LineReader {
public:
    static constexpr std::size_t kMaxLine = LineSplitter::kMaxLine;  // longer lines are cut and flagged
    using Line = LineSplitter::Line;

    LineReader() = default;
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;
    ~LineReader();

    // False with `error` naming the file when it cannot be opened or is not a regular file.
    // `chunk` is the read size (tests pass small ones to change the file between reads).
    bool open(const std::string& path, std::string* error, std::size_t chunk = 1 << 20);
    // The next line, or false at the end of the file or after a read error (see fault()).
    bool next(Line& line);

    // Empty, or what went wrong with the file while it was read, naming it, with what was kept:
    // it shrank (copytruncate rotation, a network share), it could not be read further (I/O
    // error, a vanished NFS file), or it was deleted. Growth is not a fault: lines appended
    // before the end is reached are read.
    const std::string& fault() const { return fault_; }
    std::uint64_t bytes_read() const { return offset_; }
    std::uint64_t size_at_open() const { return size_at_open_; }
    // The first bytes of the file (up to `n`), read without disturbing next(): format sniffing.
    std::string head(std::size_t n) const;

private:
    bool fill();  // reads one more chunk after the unconsumed bytes; false at the end
    void check_at_end();
    void finish(bool dropped_torn_line);

    int fd_ = -1;
    std::string path_;
    LineSplitter lines_;
    std::size_t chunk_ = 0;
    std::uint64_t offset_ = 0, size_at_open_ = 0;
    bool eof_ = false;
    bool cut_short_ = false;  // the file shrank or a read failed: an unterminated last line is torn
    std::string what_;   // what happened to the file, once known
    std::string fault_;  // what_ with the count of lines kept, once the end is reached
};

// Calls f(line, line_number) for each line of a buffer `text` (without '\n'; 1-based numbers).
template <class F>
void for_each_line(std::string_view text, F&& f) {
    const char* p = text.data();
    const char* end = p + text.size();
    long n = 0;
    while (p < end) {
        const char* nl = static_cast<const char*>(__builtin_memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* stop = nl ? nl : end;
        f(std::string_view(p, static_cast<std::size_t>(stop - p)), ++n);
        p = stop + 1;
    }
}

}  // namespace tidemark::layers
