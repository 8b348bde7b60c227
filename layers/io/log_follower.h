// Reading a text log that another process keeps appending to (`tail -F` for one file): complete
// lines as they arrive, an unterminated last line held back until its '\n' is written, and a
// file truncated (copytruncate rotation) or replaced (rename rotation) read again from its start.
// Never blocks and never sleeps: the caller polls, so it decides how long to wait and can stop
// between any two calls.
#pragma once

#include "layers/io/line_splitter.h"

#include <cstdint>
#include <string>
#include <string_view>

#include <sys/types.h>

namespace tidemark::layers {

class LogFollower {
public:
    static constexpr std::size_t kMaxLine = LineSplitter::kMaxLine;  // NMEA lines are 82 characters
    using Line = LineSplitter::Line;  // numbered from the start of the current file

    LogFollower() = default;
    LogFollower(const LogFollower&) = delete;
    LogFollower& operator=(const LogFollower&) = delete;
    ~LogFollower();

    // False with `error` naming the file when it cannot be opened or is not a regular file.
    bool open(const std::string& path, std::string* error);

    // The next complete line, or false when none is there yet (at the current end of the file,
    // or only part of a line written so far). Call check_file() then, wait, and call again.
    bool next(Line& line);

    // After next() returned false: notices a file that shrank below what was read (reads it
    // again from its start) or a path that now names another file (finishes nothing more of the
    // old one, opens the new one from its start). Returns a note for the user naming the file
    // and what happened, or "" when nothing did.
    std::string check_file();

    // Bytes of the current file handed out as complete lines, and held as an unfinished line.
    std::uint64_t consumed() const { return lines_.consumed(); }
    std::size_t pending() const { return lines_.pending(); }
    // The current file's size now (0 when it cannot be asked).
    std::uint64_t size_now() const;
    // How many times the file was truncated or replaced and read again from its start.
    int restarts() const { return restarts_; }

private:
    bool fill();  // one read(2) after the unconsumed bytes; false when nothing new
    bool reopen();

    int fd_ = -1;
    std::string path_;
    LineSplitter lines_;               // the current file's bytes read so far
    bool gone_noted_ = false;          // "the file is gone" said once per disappearance
    dev_t dev_ = 0;
    ino_t ino_ = 0;
    int restarts_ = 0;
};

}  // namespace tidemark::layers
