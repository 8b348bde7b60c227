// The Inspector's History: the recorded changes of the selected row of a team workspace, as this
// login may read them (layers/team/row_history.h), read off the UI thread when asked for and
// kept until another row is asked for or Refresh. No ImGui here: tested without a display.
#pragma once

#include "app/gui/value_text.h"
#include "layers/team/row_history.h"

#include <cstdint>
#include <functional>
#include <future>
#include <string>
#include <vector>

namespace tidemark::gui {

// One change as people read it: a heading ("Mon 30 Nov 2026 21:03 UTC: kent_liaison (KENT)
// changed") and one line per field ("status: proposed → accepted"), values as value_text shows them.
struct HistoryEntry {
    std::string heading;
    std::vector<std::string> fields;
    bool values_only = false;  // the row as first seen (added, or shared with the person): values, no arrows
};
std::vector<HistoryEntry> history_entries(const std::vector<layers::team::RecordedChange>& changes, const ForceNames& forces);

class RowHistoryView {
public:
    std::function<void()> wake;  // called from the reading thread when it ends

    // Reads row `fid` of `table` at `url` unless it is the row already read or being read.
    void request(const std::string& url, const std::string& table, std::int64_t fid, bool refresh = false);
    // Takes a finished read (the UI thread, each frame).
    void poll();
    bool showing(const std::string& table, std::int64_t fid) const { return table == table_ && fid == fid_; }
    bool loading() const { return pending_.valid(); }
    const std::vector<layers::team::RecordedChange>& changes() const { return changes_; }
    const std::string& error() const { return error_; }
    bool read() const { return read_; }  // the row's history has been read (it may be empty)
    void wait();                          // tests

private:
    struct Outcome {
        std::vector<layers::team::RecordedChange> changes;
        std::string error;
    };
    std::string url_, table_;
    std::int64_t fid_ = -1;
    std::future<Outcome> pending_;
    std::vector<layers::team::RecordedChange> changes_;
    std::string error_;
    bool read_ = false;
};

}  // namespace tidemark::gui
