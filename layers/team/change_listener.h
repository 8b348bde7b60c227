// Live updates of a team workspace: every insert, update and delete of plan, report and track
// rows and of the settings is announced by a database trigger (team_schema.cpp, migration 4) with
// NOTIFY on kChangeChannel, payload {"table", "fid", "version", "who"}, delivered when the
// change commits. A ChangeListener is its own connection that LISTENs there; the app waits on it
// in a background thread and wakes its idle loop (no polling of tables).
//
// A change of an agency row is announced only to those who could see the row before or after it
// (migration 6): on "tidemark_changes:<agency>" for its owner and each agency it is shared with,
// on "tidemark_changes:admin" for admins, and on kChangeChannel (everyone) for settings rows and
// rows shared with all. A listener LISTENs on its agency's channel, the admins' when it is one,
// and kChangeChannel: an agency never hears of rows hidden from it, not even their ids. The
// payload carries no field values.
#pragma once

#include "layers/team/pg_connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers::team {

inline constexpr const char* kChangeChannel = "tidemark_changes";

struct RowChange {
    std::string table;
    std::int64_t fid = 0;      // 0 for settings rows
    std::int64_t version = 0;  // 0 when the table has no version column
    std::string who;           // the login that made the change
};

class ChangeListener {
public:
    // nullopt with `error` as PgConnection::open says it.
    static std::optional<ChangeListener> open(const std::string& url, std::string* error);

    // Waits up to `timeout_s` for notifications and appends those that arrived to `out` (none on
    // timeout). False with `error` when the connection was lost.
    bool wait(double timeout_s, std::vector<RowChange>* out, std::string* error);

private:
    explicit ChangeListener(PgConnection conn) : conn_(std::move(conn)) {}
    bool drain(std::vector<RowChange>* out, std::string* error);
    PgConnection conn_;
};

}  // namespace tidemark::layers::team
