// Live updates of an open team workspace: a layers::team::ChangeListener waiting on its own
// connection in a background thread (no polling of tables). Each notification is queued and
// `wake` is called (the app sets glfwPostEmptyEvent, so an idle app draws a frame); the UI
// thread takes the queue in AppState::poll_background and re-reads what it names. A lost
// connection is said once (error()) and the thread connects again every few seconds; after
// reconnecting it queues a "everything" change, since notifications sent meanwhile were missed.
// No GL and no ImGui here: tested without a display.
#pragma once

#include "layers/team/change_listener.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tidemark::gui {

class LiveUpdates {
public:
    // The change queued after a reconnect: re-read every announced kind of table.
    static constexpr const char* kEverything = "*";

    LiveUpdates() = default;
    ~LiveUpdates() { stop(); }
    LiveUpdates(const LiveUpdates&) = delete;
    LiveUpdates& operator=(const LiveUpdates&) = delete;

    // Called from the listening thread when changes were queued or the connection was lost or
    // came back. Set before start().
    std::function<void()> wake;

    // Stops any earlier listener and listens at `url` (the team workspace, as the person).
    // The first connection is made here: false with `error` when it fails (nothing runs then).
    bool start(const std::string& url, std::string* error);
    void stop();  // joins the thread; nothing is queued afterwards
    bool running() const { return thread_.joinable(); }

    // The changes queued since the last call, in arrival order (UI thread).
    std::vector<layers::team::RowChange> take();
    // "" while connected; why not, once the connection was lost (until it is back).
    std::string error() const;
    // Counts notifications received (tests, the status line).
    std::uint64_t received() const { return received_; }

private:
    void run(std::string url, layers::team::ChangeListener listener);
    void queue(std::vector<layers::team::RowChange> changes);
    void set_error(std::string e);

    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<std::uint64_t> received_{0};
    mutable std::mutex mutex_;  // guards pending_ and error_
    std::vector<layers::team::RowChange> pending_;
    std::string error_;
};

}  // namespace tidemark::gui
