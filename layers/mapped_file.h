// A whole file as a read-only view: memory-mapped (no copy, no per-line allocation), so
// decoders scan it in place. Empty files give an empty view.
#pragma once

#include <string>
#include <string_view>

namespace tidemark::layers {

class MappedFile {
public:
    MappedFile() = default;
    ~MappedFile();
    MappedFile(MappedFile&& o) noexcept;
    MappedFile& operator=(MappedFile&& o) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    // False with `error` (naming the file and what to check) when it cannot be opened.
    bool open(const std::string& path, std::string* error);
    std::string_view text() const { return {data_, size_}; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

// Calls f(line, line_number) for each line of `text` (without '\n'; 1-based numbers).
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
