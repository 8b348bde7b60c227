// One long computation off the UI thread (a coverage run, a plan forecast, a reconciliation):
// the caller copies what the work reads on the UI thread and hands it to launch(); a worker
// thread runs it; the UI polls progress() and, once the work has ended, take_outcome() hands
// the outcome over exactly once. cancel() asks the work to stop (it reads the flag between
// chunks); a cancelled outcome is always discarded, also when Cancel came after the work ended
// but before the outcome was taken. No GL and no ImGui: tested without a display.
//
// Outcome needs: `bool cancelled`, `std::string error, summary`, and `void discard()` that drops
// the result and says so in `summary`.
#pragma once

#include <atomic>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace tidemark::gui {

template <class Outcome>
class BackgroundJob {
public:
    using Progress = std::function<void(double)>;
    using Work = std::function<Outcome(const std::atomic<bool>& cancel, const Progress& progress)>;

    BackgroundJob() = default;
    ~BackgroundJob() {  // cancels running work and waits for it
        cancel_ = true;
        wait();
    }
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;

    // Called from the worker now and then (progress, end): wake the UI. Set before launching.
    std::function<void()> wake;

    bool running() const { return started_ && !ended_; }
    // Running, or ended with its outcome not taken yet: a new launch would lose that outcome.
    bool busy() const { return started_; }
    bool cancelling() const { return running() && cancel_; }
    double progress() const { return progress_; }
    void cancel() { cancel_ = true; }
    // Blocks until the work has ended (tests, shutdown).
    void wait() {
        if (worker_.joinable()) worker_.join();
    }

    // Starts `work` on the worker thread; false while busy() with earlier work. An exception
    // thrown by the work becomes the outcome's error (`what` prefixed by `failure`), never an escape.
    bool launch(Work work, std::string failure) {
        if (busy()) return false;
        wait();
        cancel_ = false;
        progress_ = 0;
        ended_ = false;
        started_ = true;
        worker_ = std::thread([this, work = std::move(work), failure = std::move(failure)] {
            Outcome out;
            try {
                out = work(cancel_, [this](double f) {
                    progress_ = f;
                    if (wake) wake();
                });
            } catch (const std::exception& e) {
                out.error = failure + ": " + e.what();
                out.summary = out.error;
            }
            if (cancel_) out.discard();
            {
                std::lock_guard<std::mutex> lock(mutex_);
                outcome_ = std::move(out);
            }
            progress_ = 1;
            ended_ = true;
            if (wake) wake();
        });
        return true;
    }

    // Once per launch, after the work ended (nullopt before and after).
    std::optional<Outcome> take_outcome() {
        if (!started_ || !ended_) return std::nullopt;
        wait();
        started_ = false;
        std::lock_guard<std::mutex> lock(mutex_);
        if (cancel_ && !outcome_.cancelled) outcome_.discard();
        return std::move(outcome_);
    }

private:
    std::thread worker_;
    std::atomic<bool> started_{false}, ended_{false}, cancel_{false};
    std::atomic<double> progress_{0};
    std::mutex mutex_;  // guards outcome_
    Outcome outcome_;
};

}  // namespace tidemark::gui
