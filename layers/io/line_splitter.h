// The bytes read so far of a text file, cut into lines: one splitting rule for LineReader (a file
// read to its end) and LogFollower (a log still being written). A line longer than kMaxLine is
// handed out cut, once, and the rest of it skipped: no text format Tidemark reads has lines that
// long, and a file with no newline at all must not be held whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tidemark::layers {

class LineSplitter {
public:
    static constexpr std::size_t kMaxLine = 1 << 20;

    struct Line {
        std::string_view text;  // without its '\n'; valid until the next call that reads or splits
        long number = 0;        // 1-based
        bool cut = false;       // longer than kMaxLine: text holds its first kMaxLine bytes
    };

    // The next complete line, or the first kMaxLine bytes of a longer one; false when at most an
    // unterminated tail is left: read more into room() and ask again.
    bool next(Line& line);
    // Room for `n` more bytes after the unconsumed ones (moved to the front); then added(n).
    char* room(std::size_t n);
    void added(std::size_t n) { end_ += n; }

    std::size_t pending() const { return end_ - begin_; }  // the unterminated tail
    bool skipping() const { return skipping_; }            // inside a line already handed out cut
    std::uint64_t consumed() const { return consumed_; }   // bytes handed out as lines or skipped
    long lines() const { return number_; }                 // lines handed out
    // The unterminated tail handed out as a last line (a file ending with no '\n').
    Line take_tail();
    void drop_tail() { begin_ = end_; }
    void reset();  // a new file from its start

private:
    std::string buf_;
    std::size_t begin_ = 0, end_ = 0;  // unconsumed bytes in buf_
    std::uint64_t consumed_ = 0;
    long number_ = 0;
    bool skipping_ = false;
};

}  // namespace tidemark::layers
