#include "layers/ais/ais_json_lines.h"

#include "layers/ais/ais_json.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tidemark::layers::ais {
namespace {

// Decoded messages on their way to the formatting thread. Batches are reused, so the
// messages' strings keep their capacity and nothing is allocated per message once warm.
struct Batch {
    static constexpr std::size_t kMessages = 1024;  // about 250 KB of JSON
    struct Entry {
        Message message;
        long line = 0;
        double time = 0;
    };
    std::vector<Entry> entries = std::vector<Entry>(kMessages);
    std::size_t size = 0;
};

// Three batches: one being filled, one being formatted, one spare to absorb jitter.
class Handoff {
public:
    Handoff() {
        for (auto& b : batches_) free_.push_back(b.get());
    }
    // Decoding thread: an empty batch to fill (waits while all are in use).
    Batch* take_free() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !free_.empty(); });
        Batch* b = free_.back();
        free_.pop_back();
        b->size = 0;
        return b;
    }
    void send(Batch* b) {
        {
            std::lock_guard lock(mutex_);
            ready_.push_back(b);
        }
        changed_.notify_all();
    }
    void finish() {
        {
            std::lock_guard lock(mutex_);
            finished_ = true;
        }
        changed_.notify_all();
    }
    // Formatting thread: the next full batch in order, or nullptr once finished and drained.
    Batch* take_ready() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
        if (ready_.empty()) return nullptr;
        Batch* b = ready_.front();
        ready_.pop_front();
        return b;
    }
    void give_back(Batch* b) {
        {
            std::lock_guard lock(mutex_);
            free_.push_back(b);
        }
        changed_.notify_all();
    }

private:
    std::unique_ptr<Batch> batches_[3] = {std::make_unique<Batch>(), std::make_unique<Batch>(), std::make_unique<Batch>()};
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Batch*> free_;
    std::deque<Batch*> ready_;
    bool finished_ = false;
};

// The formatting thread's loop: batches to JSON text, handed to `write` about 1 MiB at a time.
void format_batches(Handoff& handoff, const WriteJsonLines& write) {
    constexpr std::size_t kPiece = 1 << 20;
    const std::size_t capacity = kPiece + kMaxJsonBytes + 1;
    std::unique_ptr<char[]> text(new char[capacity]);
    char* end = text.get();
    JsonWriter json;
    Assembled source;
    while (Batch* b = handoff.take_ready()) {
        for (std::size_t i = 0; i < b->size; ++i) {
            const Batch::Entry& e = b->entries[i];
            source.line = e.line;
            source.time = e.time;
            end = json.write(e.message, source, end);
            *end++ = '\n';
            if (static_cast<std::size_t>(end - text.get()) >= kPiece) {
                write(std::string_view(text.get(), static_cast<std::size_t>(end - text.get())));
                end = text.get();
            }
        }
        handoff.give_back(b);
    }
    if (end != text.get()) write(std::string_view(text.get(), static_cast<std::size_t>(end - text.get())));
}

}  // namespace

void decode_to_json_lines(LineReader& file, LogStats& stats, const WriteJsonLines& write, const OnReject& on_reject) {
    Handoff handoff;
    std::exception_ptr failure;
    std::thread formatter([&] {
        try {
            format_batches(handoff, write);
        } catch (...) {
            failure = std::current_exception();
            // Keep taking batches so the decoding thread never waits on a dead consumer.
            while (Batch* b = handoff.take_ready()) handoff.give_back(b);
        }
    });
    Batch* batch = handoff.take_free();
    try {
        scan_log(
            file, stats,
            [&](const Message& m, const Assembled& a) {
                Batch::Entry& e = batch->entries[batch->size++];
                e.message = m;
                e.line = a.line;
                e.time = a.time;
                if (batch->size == Batch::kMessages) {
                    handoff.send(batch);
                    batch = handoff.take_free();
                }
            },
            on_reject);
    } catch (...) {
        handoff.finish();
        formatter.join();
        throw;
    }
    handoff.send(batch);
    handoff.finish();
    formatter.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace tidemark::layers::ais
