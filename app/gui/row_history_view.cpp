#include "app/gui/row_history_view.h"

#include "app/gui/plan_format.h"

#include <chrono>

namespace tidemark::gui {

std::vector<HistoryEntry> history_entries(const std::vector<layers::team::RecordedChange>& changes, const ForceNames& forces) {
    std::vector<HistoryEntry> out;
    for (const layers::team::RecordedChange& c : changes) {
        HistoryEntry e;
        e.heading = utc_text(c.at) + " UTC: " + c.who + (c.agency.empty() ? "" : " (" + c.agency + ")") + " " + c.action;
        if (c.before_hidden) e.heading += ", shared with you";
        if (c.after_hidden) e.heading += ", no longer shared with you";
        // A row first seen by this person lists its values, not a change from values they never saw.
        e.values_only = c.before_hidden || c.action == "added";
        for (const layers::team::FieldChange& f : c.fields) {
            auto text = [&](const std::string& v) { return v.empty() ? std::string("(none)") : value_text(f.field, v, forces).text; };
            e.fields.push_back(f.field + ": " + (e.values_only ? text(f.after) : text(f.before) + " \xE2\x86\x92 " + text(f.after)));
        }
        out.push_back(std::move(e));
    }
    return out;
}

void RowHistoryView::request(const std::string& url, const std::string& table, std::int64_t fid, bool refresh) {
    if (!refresh && url == url_ && showing(table, fid)) return;
    if (pending_.valid()) pending_.wait();  // one read at a time; a read is a single small query
    url_ = url;
    table_ = table;
    fid_ = fid;
    changes_.clear();
    error_.clear();
    read_ = false;
    pending_ = std::async(std::launch::async, [url, table, fid, wake = wake] {
        Outcome o;
        if (auto changes = layers::team::read_row_history(url, table, fid, &o.error)) o.changes = std::move(*changes);
        if (wake) wake();
        return o;
    });
}

void RowHistoryView::poll() {
    if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    Outcome o = pending_.get();
    changes_ = std::move(o.changes);
    error_ = std::move(o.error);
    read_ = true;
}

void RowHistoryView::wait() {
    if (pending_.valid()) pending_.wait();
    poll();
}

}  // namespace tidemark::gui
