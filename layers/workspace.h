// A workspace is one GeoPackage file: its layers (in the working CRS, ordinary GeoPackage
// layers QGIS opens) plus a `tidemark_settings` key/value table (working CRS, time window,
// layer roles and styles, and JSON blobs other modules keep there). The file is reached through
// a WorkspaceStore (gpkg_store.h); saving to the file it came from writes only what changed.
#pragma once

#include "geo/crs.h"
#include "geo/time.h"
#include "layers/layer.h"
#include "layers/store/lazy_rows.h"
#include "layers/store/workspace_changes.h"
#include "layers/store/workspace_store.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

class Workspace {
public:
    explicit Workspace(geo::Crs crs = geo::Crs::british_national_grid()) : crs_(std::move(crs)) {}

    // When the layers' rows are read. OnFirstUse reads each layer's name, fields and CRS on
    // opening and its rows when the layer is first used (Layer::features; lazy_rows.h), where the
    // store can (a GeoPackage; a team database reads everything now): a command that uses two
    // layers of a large workspace reads those two. What reading them reports joins
    // open_problems() when they are read.
    enum class Rows { Now, OnFirstUse };

    // Opens an existing workspace. nullopt with `error` naming the file and what is wrong.
    // Features it holds but that cannot be read (e.g. edited elsewhere into an empty geometry)
    // are left out and named in open_problems().
    static std::optional<Workspace> open(const std::string& path, std::string* error, Rows rows = Rows::Now);
    // Opens what `store` holds, read-only when `read_only` says why (e.g. a team workspace as of
    // a past time, team/pg_as_of.h): saving back to its location is refused with that reason;
    // Save As to another file works.
    static std::optional<Workspace> open(std::unique_ptr<WorkspaceStore> store, std::string* error,
                                         std::string read_only = {}, Rows rows = Rows::Now);
    // Reads the rows of every layer not read yet (a workspace opened with Rows::OnFirstUse):
    // for whatever looks at every row, e.g. find_damage.
    void read_all_rows() const;
    // Where what reading rows later reports goes, as each layer is read (Rows::OnFirstUse only).
    void report_rows_read_to(LazyRows::Reporter reporter) {
        if (lazy_) lazy_->report_to(std::move(reporter));
    }

    // Saves to `path` (the current path when empty).
    // To the file it was opened from (or last saved to): writes only what changed since then —
    // layers whose content differs (however they were changed), top-level settings keys, the
    // window, the layer order — in one SQLite transaction on that file, all or nothing. Another
    // process's save in between is kept: when it changed something this save also changes, this
    // save fails naming it and writes nothing.
    // To any other file: writes the whole workspace through a temporary file and an atomic rename.
    // Either way the previous save survives a crash or kill at any moment. Refuses to write over
    // a layer of the file it was opened from whose features were not all read on opening,
    // since that would delete them (other layers save as usual): save to another file instead.
    bool save(std::string* error, const std::string& path = {});

    // Save As in two steps, for a caller that writes on another thread while this workspace is
    // only read (the app): write_copy() writes the whole workspace to `target`, a store other
    // than its own (is_own_store), as save(error, target) would, and changes nothing here;
    // adopt_copy() then makes that store this workspace's, so later saves write only what changed.
    struct WrittenCopy {
        std::string target;
        Baseline baseline;  // the store's content as written
    };
    std::optional<WrittenCopy> write_copy(const std::string& target, std::string* error) const;
    void adopt_copy(WrittenCopy copy);
    // Whether `target` is the store this workspace was read from or last saved to (a save there
    // writes only what changed).
    bool is_own_store(const std::string& target) const;

    // What the next save to the same file would write ("layer 'reports'", "setting 'styles'",
    // "the time window", "the layer order"); empty when there is nothing to save. A workspace
    // never saved lists every layer.
    std::vector<std::string> unsaved_changes() const;

    // How many rows the last save took in from other writers: rows of row-versioned layers
    // (plan_tasks on a team workspace) that another person changed in other fields meanwhile,
    // merged by the store and now held here. Views built from those layers should reload them.
    std::size_t rows_merged_on_save() const { return rows_merged_; }

    // The rows the last save could not merge (the same fields changed here and by another writer
    // since they were read; the save wrote nothing). Empty after any other outcome.
    const std::vector<RowConflict>& save_conflicts() const { return conflicts_; }
    // Settles those conflicts with `resolved`, one row per save_conflicts() entry in its order
    // (row_resolve.h makes them from a person's choices): each row here becomes its resolved row,
    // and the row it is saved against becomes the other writer's, so the next save writes it over
    // theirs — still version-checked, so a third change meanwhile is merged or refused again.
    // False with `error`, changing nothing, when a row is no longer held here.
    bool settle_conflicts(const std::vector<Feature>& resolved, std::string* error);

    // What refresh() took in and what it left alone.
    struct Refreshed {
        std::vector<std::string> layers;    // layers now holding other writers' changes
        std::vector<std::string> kept;      // layers (or "setting 'x'") with unsaved edits here: not reloaded
        std::vector<std::string> settings;  // top-level setting keys taken in
        std::size_t rows_taken = 0;         // rows of row-versioned layers taken in around unsaved edits here
        std::size_t rows_kept = 0;          // rows edited here and also changed by another writer: kept as edited
        bool changed() const { return !layers.empty() || !settings.empty(); }
    };
    // Live updates (workspace_refresh.cpp): re-reads `names` (layers this workspace holds; others
    // are skipped) and, with `settings`, the settings and time window from the store it was opened
    // from, taking in what other writers committed wherever this workspace holds no unsaved edit:
    // a layer unchanged here is replaced whole (and its revision taken, so a later save of it is
    // not refused); a row-versioned layer changed here takes the rows not changed here and keeps
    // the edited rows with the base they were edited from (the next save merges them against the
    // other writer's row, or reports a conflict); any other layer or setting changed here is
    // kept as it is and named in `kept`. Nothing unsaved is ever overwritten. False with `error`
    // when the store cannot be read or was replaced since opening (then open it again).
    bool refresh(const std::vector<std::string>& names, bool settings, Refreshed* out, std::string* error);

    // What opening the file (and reading rows since, Rows::OnFirstUse) reported, and how many
    // of its features are not held here.
    geo::Problems open_problems() const;
    std::size_t features_left_out() const;
    // Layers Tidemark wrote (listed in its settings) stored in another CRS than the `crs`
    // setting says: the settings contradict the data, so nothing computed here can be trusted.
    // One line per layer, "layer 'x' is stored in A but the crs setting says B".
    const std::vector<std::string>& crs_conflicts() const { return crs_conflicts_; }

    const std::string& path() const { return path_; }
    const geo::Crs& crs() const { return crs_; }

    std::vector<Layer> layers;

    Layer* find(const std::string& name);
    const Layer* find(const std::string& name) const;
    Layer* find_role(LayerRole role);  // the first layer with that role
    const Layer* find_role(LayerRole role) const;
    // Adds `layer`, replacing any layer of the same name; returns the stored layer.
    Layer& put(Layer layer);
    bool remove(const std::string& name);

    // Time window of interest [from, to), when set.
    std::optional<geo::UnixTime> window_from, window_to;

    // Free-form settings: styles (by layer name), module settings. Saved as JSON text.
    nlohmann::json settings = nlohmann::json::object();

private:
    std::string path_;
    geo::Crs crs_;
    geo::Problems open_problems_;
    std::size_t features_left_out_ = 0;
    std::map<std::string, std::size_t> left_out_by_layer_;  // the layers a save must not rewrite
    std::vector<std::string> crs_conflicts_;
    std::size_t rows_merged_ = 0;
    std::vector<RowConflict> conflicts_;  // of the last save
    std::string read_only_;                // why saving to path_ is refused; "" when it is not
    std::string opened_from_;  // the file the left-out features still live in
    std::optional<Baseline> baseline_;  // the file's content as last read or written
    std::shared_ptr<LazyRows> lazy_;    // where layers not read yet read their rows (Rows::OnFirstUse)

    std::map<std::string, std::size_t> left_out_by_layer() const;

    SavedView view() const { return {layers, settings, window_from, window_to}; }
    // Commits `d` (made from this workspace now) to `store`, this workspace's own.
    bool save_changes(WorkspaceStore& store, const Diff& d, std::string* error);
    // false, with `error` saying that saving `touched` to `target` would delete the features not read.
    bool refuse_left_out(const std::string& target, const std::string& touched, std::string* error) const;
};

}  // namespace tidemark::layers
