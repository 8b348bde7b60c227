// The rows of a lazily opened workspace's layers (Workspace::open with Rows::OnFirstUse), read
// from its store when a layer is first used (Layer::features). Shared by the workspace and its
// layers, so it outlives either; reads one layer at a time, from whichever thread asks.
//
// A layer is read as the store holds it then, which may be after other writers' saves: the
// workspace's revisions are those read at opening, so a save that changes such a layer is
// refused as a conflict, never written over theirs. A layer that cannot be read at all is held
// empty and counted as left out, so a save that would rewrite it is refused (Workspace::save).
#pragma once

#include "layers/store/workspace_store.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace tidemark::layers {

class LazyRows final : public RowSource {
public:
    // `declared`: how many rows each layer holds as its store declared them on opening.
    LazyRows(std::shared_ptr<WorkspaceStore> store, geo::Crs crs, std::string identity,
             std::map<std::string, std::size_t> declared);

    Rows read_rows(const std::string& layer) override;

    // What reading rows has reported so far: problems, and rows left out by layer.
    struct Report {
        geo::Problems problems;
        std::map<std::string, std::size_t> left_out_by_layer;
    };
    Report report() const;

    // Told what reading each layer reported (problems, rows left out), as it is read, when it
    // reported anything: a command prints it where it printed the problems of opening.
    using Reporter = std::function<void(const geo::Problems& problems, std::size_t left_out)>;
    void report_to(Reporter reporter);

private:
    std::shared_ptr<WorkspaceStore> store_;
    geo::Crs crs_;
    std::string identity_;  // StoredState::identity on opening
    std::map<std::string, std::size_t> declared_;
    mutable std::mutex mutex_;
    Report report_;
    Reporter reporter_;
};

}  // namespace tidemark::layers
