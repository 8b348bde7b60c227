// The workspace store on PostgreSQL/PostGIS (see workspace_store.h): the same state and
// ChangeSet semantics as the GeoPackage store. The settings are the same key/value rows in
// `tidemark_settings`; layers are tables (pg_layer_table.h). apply() is one transaction that
// takes a transaction-scoped advisory lock (writers of one team workspace queue there), then
// checks every changed item's revision against the rows as committed, and refuses the whole set
// with the GeoPackage store's message when another writer changed one first; row-versioned layers
// (plan_tasks) are saved row by row with per-row version checks and merges (pg_row_edits.h), so
// two people editing different tasks, or different fields of one task, both land. Row-level security
// decides which rows a person reads and may change; a viewer's save is refused by the server.
#pragma once

#include "layers/team/pg_connection.h"
#include "layers/store/workspace_store.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers::team {

class PgStore final : public WorkspaceStore {
public:
    explicit PgStore(std::string url) : url_(std::move(url)) {}

    const std::string& location() const override { return url_; }
    std::optional<StoredState> read_state(std::string* error) override;
    ReadResult read_layers(const ReadOptions& options) override;
    bool apply(const ChangeSet& changes, const geo::Crs& crs, Committed* committed, std::string* error) override;
    bool row_level() const override { return true; }

private:
    PgConnection* connect(std::string* error);
    std::string url_;
    std::optional<PgConnection> conn_;
};

// Replaces the whole team workspace at `url` by `state` and `layers` in one transaction (push,
// Save As to a URL): every layer table dropped and created again, rows loaded with COPY, every
// revision 0 and a new store identity (sessions opened before refuse to save over it). Rows of
// plan, report and track tables get `owner` as owning agency ("" = the pusher's agency).
// Only the workspace's owner account may do this. `identity` receives the new identity.
bool write_new_pg(const std::string& url, const StoredState& state, const std::vector<Layer>& layers,
                  const std::string& owner, std::string* identity, std::string* error);

}  // namespace tidemark::layers::team
