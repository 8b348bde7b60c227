// The workspace store in one GeoPackage file (see workspace_store.h). A GeoPackage is an SQLite
// database: an incremental save is one SQLite transaction on the existing file through GDAL's
// GPKG driver, so a kill at any moment leaves the previous save (SQLite's rollback journal,
// rolled back by the next opener) and two processes saving at once are serialised by SQLite's
// write lock, each applying its changes to the file as it is when it commits.
#pragma once

#include "layers/io/gdal_handles.h"
#include "layers/store/workspace_store.h"

#include <string>
#include <vector>

namespace tidemark::layers {

class GpkgStore final : public WorkspaceStore {
public:
    explicit GpkgStore(std::string path) : path_(std::move(path)) {}

    const std::string& location() const override { return path_; }
    std::optional<StoredState> read_state(std::string* error) override;
    ReadResult read_layers(const ReadOptions& options) override;
    bool apply(const ChangeSet& changes, const geo::Crs& crs, Committed* committed, std::string* error) override;
    bool reads_schema_first() const override { return true; }

private:
    std::string path_;
    DatasetPtr reader_;         // kept open for reading one layer after another
    std::string reader_stamp_;  // file_stamp() of the file when reader_ opened it
};

// Writes a complete new workspace file at `path` (Save As, a new workspace, a file that is not
// the one opened) through a temporary file and an atomic rename. Every revision starts at 0.
bool write_new_gpkg(const std::string& path, const StoredState& state, const std::vector<Layer>& layers,
                    std::string* error);

// The device and inode of `path` as text, "" when it does not exist: which copy of a file this is.
std::string file_identity(const std::string& path);
// Its identity, size and modification time: changes with every write to the file.
std::string file_stamp(const std::string& path);

}  // namespace tidemark::layers
