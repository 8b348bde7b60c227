// One row's recorded changes in a team workspace, as the person who asks may read them: the
// database records every change of plan, report, track and coverage rows (team_schema.h,
// migration 3) and hands a person back only the sides of a change they could see then
// (tidemark_row_history, migration 6). The Inspector shows them.
#pragma once

#include "geo/time.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers::team {

struct FieldChange {
    std::string field;          // the column; "geometry" for the shape, "shared with" for shared_with
    std::string before, after;  // as text, "" for null or absent
};

struct RecordedChange {
    geo::UnixTime at = 0;
    std::string who, agency;         // the login that made it and its agency ("" once no longer a member)
    std::string action;              // "added", "changed" or "removed"
    bool before_hidden = false;      // the row was not yet shared with the person: its old values are not theirs
    bool after_hidden = false;       // this change took the row out of the person's sight
    std::vector<FieldChange> fields; // what differs (of an added row: its values; of a removed one: none)
};

// The changes of row `fid` of `table`, oldest first. nullopt with `error` naming the server on failure.
std::optional<std::vector<RecordedChange>> read_row_history(const std::string& url, const std::string& table, std::int64_t fid,
                                                       std::string* error);

// The fields that differ between two versions of a row (each a JSON object of its columns; null
// for no version), by column name, bookkeeping columns (fid, version, updated_at, updated_by) left out.
std::vector<FieldChange> row_differences(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace tidemark::layers::team
