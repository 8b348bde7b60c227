// For parsers that take a path: the input written to one scratch file per fuzzer process
// (rewritten each run; removed at exit). Under $TMPDIR, else /dev/shm (memory: rewriting a
// file on a disk file system costs more than parsing it), else /tmp.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace tidemark::fuzz {

inline const std::string& write_fuzz_file(const std::uint8_t* data, std::size_t size, const char* extension) {
    static const std::string path = [&] {
        const char* dir = std::getenv("TMPDIR");
        if (!dir || !*dir) dir = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        std::string p = std::string(dir) + "/tidemark-fuzz-" + std::to_string(getpid()) + extension;
        std::atexit([] { std::remove(path.c_str()); });
        return p;
    }();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) std::abort();
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n <= 0) std::abort();
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return path;
}

}  // namespace tidemark::fuzz
