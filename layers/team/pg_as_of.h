// The team workspace as it was known at a past time T (transaction time): what `--as-of T`
// reads, so a report produced on Monday is reproduced exactly on Friday after late tracks and
// reports arrived. Built from the database's own history (tidemark_history, team_schema.cpp):
// the rows of every plan, report and track table and the settings rows are the current ones
// with every change recorded after T undone (a row changed after T is its old row from the
// first change after T; a row inserted after T is left out; a row deleted after T is back).
//
// Layers without row history (coastline, fleet, coverage results) are taken as they are when
// their revision is the one they had at T, and left out otherwise (named in the read's problems:
// their content at T is not kept). A workspace replaced by a `team push` after T is refused.
//
// Limits: history is stamped with the time each row changed inside its transaction, not the
// commit time, so a transaction open across T counts as before T; geometry in history is
// GeoJSON with 15 decimals (exact for working-CRS metres).
//
// Any member reads as of T, and sees only what they could have seen at T: each past version of a
// row comes back only when that version (its own owner_agency and shared_with as recorded) was
// visible to them (tidemark_changes_after, team_schema.cpp migration 5).
#pragma once

#include "geo/time.h"
#include "layers/store/workspace_store.h"

#include <memory>
#include <string>

namespace tidemark::layers::team {

// A read-only store: read_state and read_layers give the workspace as of `at`; apply refuses.
std::unique_ptr<WorkspaceStore> as_of_store(const std::string& url, geo::UnixTime at);

}  // namespace tidemark::layers::team
