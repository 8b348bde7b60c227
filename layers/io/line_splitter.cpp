#include "layers/io/line_splitter.h"

#include <cstring>

namespace tidemark::layers {

bool LineSplitter::next(Line& line) {
    for (;;) {
        const char* from = buf_.data() + begin_;
        const std::size_t pending = end_ - begin_;
        const char* nl = pending ? static_cast<const char*>(std::memchr(from, '\n', pending)) : nullptr;
        if (!nl) break;
        const auto len = static_cast<std::size_t>(nl - from);
        begin_ += len + 1;
        consumed_ += len + 1;
        if (skipping_) {  // the rest of a line already handed out cut
            skipping_ = false;
            continue;
        }
        line = {std::string_view(from, len), ++number_, false};
        return true;
    }
    const std::size_t pending = end_ - begin_;
    if (skipping_) {
        consumed_ += pending;
        begin_ = end_ = 0;
    } else if (pending >= kMaxLine) {
        line = {std::string_view(buf_.data() + begin_, kMaxLine), ++number_, true};
        consumed_ += pending;
        begin_ = end_;  // the bytes stay in buf_ until the next room(), after the caller is done
        skipping_ = true;
        return true;
    }
    return false;
}

char* LineSplitter::room(std::size_t n) {
    if (begin_ > 0) {
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (buf_.size() < end_ + n) buf_.resize(end_ + n);
    return buf_.data() + end_;
}

LineSplitter::Line LineSplitter::take_tail() {
    const Line line{std::string_view(buf_.data() + begin_, end_ - begin_), ++number_, false};
    consumed_ += end_ - begin_;
    begin_ = end_;
    return line;
}

void LineSplitter::reset() {
    begin_ = end_ = 0;
    consumed_ = 0;
    number_ = 0;
    skipping_ = false;
}

}  // namespace tidemark::layers
