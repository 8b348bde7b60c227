#include "app/gui/live_updates.h"

#include <chrono>

namespace tidemark::gui {
namespace {

namespace team = layers::team;

// How long one wait blocks: stop() is noticed within this. Notifications wake the wait at once.
constexpr double kWaitS = 0.2;
// Between attempts to connect again after the connection was lost.
constexpr auto kRetry = std::chrono::seconds(3);

}  // namespace

bool LiveUpdates::start(const std::string& url, std::string* error) {
    stop();
    auto listener = team::ChangeListener::open(url, error);
    if (!listener) return false;
    stop_ = false;
    set_error("");
    thread_ = std::thread([this, url, l = std::move(*listener)]() mutable { run(url, std::move(l)); });
    return true;
}

void LiveUpdates::stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.clear();
}

std::vector<team::RowChange> LiveUpdates::take() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<team::RowChange> out;
    out.swap(pending_);
    return out;
}

std::string LiveUpdates::error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_;
}

void LiveUpdates::set_error(std::string e) {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = std::move(e);
}

void LiveUpdates::queue(std::vector<team::RowChange> changes) {
    if (changes.empty()) return;
    received_ += changes.size();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto& c : changes) pending_.push_back(std::move(c));
    }
    if (wake) wake();
}

void LiveUpdates::run(std::string url, team::ChangeListener listener) {
    std::optional<team::ChangeListener> l(std::move(listener));
    while (!stop_) {
        if (!l) {
            std::string why;
            for (auto waited = std::chrono::milliseconds(0); waited < kRetry && !stop_; waited += std::chrono::milliseconds(100))
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (stop_) break;
            l = team::ChangeListener::open(url, &why);
            if (!l) continue;
            set_error("");
            team::RowChange all;
            all.table = kEverything;  // what changed while the connection was down is not known
            queue({all});
            continue;
        }
        std::vector<team::RowChange> got;
        std::string why;
        if (!l->wait(kWaitS, &got, &why)) {
            l.reset();
            set_error(why + "; live updates stop until it is back (trying every few seconds)");
            if (wake) wake();
            continue;
        }
        queue(std::move(got));
    }
}

}  // namespace tidemark::gui
