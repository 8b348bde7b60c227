// The application object: the open workspace, the map view, the selection, the time
// cursor and the commands panels and tools issue. No GL and no ImGui in here, so the
// commands are tested without a display. Owned by run_gui(); passed down by reference.
#pragma once

#include "app/gui/conflict_choice.h"
#include "app/gui/coverage_job.h"
#include "app/gui/live_updates.h"
#include "app/gui/row_history_view.h"
#include "app/gui/map/scene_cache.h"
#include "app/gui/map/view_transform.h"
#include "app/gui/plan_job.h"
#include "app/gui/plan_state.h"
#include "app/gui/timeline_model.h"
#include "app/gui/add_layer_job.h"
#include "app/gui/export_job.h"
#include "app/gui/open_job.h"
#include "app/gui/save_job.h"
#include "app/gui/track_import_job.h"
#include "geo/problem.h"
#include "layers/reports/report_filter.h"
#include "layers/style/style.h"
#include "layers/workspace.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::gui {

struct Selection {
    std::string layer;
    std::int64_t feature = -1;  // index into Layer::features; -1 when nothing is selected
    bool empty() const { return feature < 0; }
};

class AppState {
public:
    // --- workspace ---
    // Opening puts back the view kept in the workspace (app/gui/view_settings.h): the map view,
    // T, the legend, heat layer, coverage as of T, full tracks and the report filters.
    bool open(const std::string& path, std::string* error);
    // The same off the UI thread (OpenJob): the workspace is adopted by poll_background, and
    // `status` says what happened. false with `error` while another open is going.
    // Refused, saying so, while the open workspace has unsaved changes, unless `drop_unsaved`.
    bool start_open(const std::string& path, std::string* error, bool drop_unsaved = false);
    // Both keep the current view in the workspace's settings first (one setting, "view").
    // A save refused because another person changed the same fields of rows changed here fills
    // `conflict` (the dialog shows base / theirs / mine); the edits stay unsaved.
    bool save(std::string* error);
    // File > Save: a GeoPackage saved in place is saved by `save_job` on a worker (its outcome
    // lands in poll_background); anything else as save() does, here. False with `error` when it
    // could not start.
    bool start_save(std::string* error);
    // A save is running: the workspace must not change until it lands (save_job.h).
    bool saving() const { return save_job.busy(); }
    // Saves again with the person's choices in `conflict`: the chosen rows are saved over the
    // other person's (layers::Workspace::settle_conflicts), the plan book rebuilt from them (no
    // undo). A new conflict (a third change meanwhile) fills `conflict` again.
    bool save_with_choices(std::string* error);
    bool save_as(const std::string& path, std::string* error);
    // File > Save as: written by `save_job` on a worker when the target is another GeoPackage
    // file (the workspace becomes that file when the outcome lands), else as save_as() does.
    bool start_save_as(const std::string& path, std::string* error);
    // Whether open() put back a kept map view (then the window does not fit all on first layout).
    bool view_restored() const { return view_restored_; }
    bool has_workspace() const { return workspace.has_value(); }
    bool dirty() const { return dirty_; }
    const std::vector<std::string>& recent_files() const { return recent_; }
    void set_recent_store(std::string path);  // file keeping recent workspaces; "" keeps them in memory only

    // --- layers (all mark the workspace unsaved) ---
    layers::Style style(const layers::Layer& layer) const;
    void set_style(const std::string& layer, const layers::Style& style);
    void set_visible(const std::string& layer, bool visible);
    bool move_layer(const std::string& layer, int delta);  // +1 draws it later (on top)
    // Imports any GDAL source as a new layer; its problems join `problems`.
    bool add_layer(const std::string& path, layers::LayerRole role, const std::string& name, std::string* error);
    // The same off the UI thread (AddLayerJob): the layer lands in poll_background;
    // `add_layer_error` says why when it could not be read. false with `error` while one is going.
    bool start_add_layer(const std::string& path, layers::LayerRole role, const std::string& name, std::string* error);
    bool remove_layer(const std::string& layer);
    // Bumped whenever a layer's geometry or style changes: the renderer rebuilds its buffers.
    std::uint64_t revision(const std::string& layer) const;
    // How the layer is drawn (classes, colours, legend): the map scene shared with exports.
    // The segments layer is coloured as of T while `coverage_as_of` is on and its history has
    // sightings for every segment.
    const layers::SceneLayer& scene_layer(const layers::Layer& layer) const;
    std::uint64_t scene_stamp(const layers::Layer& layer) const {  // changes when scene_layer() does
        scene_layer(layer);
        return scene_.stamp(layer.name);
    }

    // --- coverage as of T ---
    // The stored run's sightings per segment (layers/coverage/coverage_as_of.h), read once per change of
    // the segments layer (refresh_coverage_history, called by open() and poll_background()).
    const layers::CoverageHistory& coverage_history() const { return history_; }
    // Whether the coast can be coloured as of T: segments with a `sightings` field.
    bool coverage_as_of_available() const;
    void refresh_coverage_history();

    // --- view ---
    void fit_all();
    void zoom_to(const geo::Box& box);
    void zoom_to_feature(const std::string& layer, std::int64_t feature);

    // --- selection: the top-most visible feature within `tolerance_m` of `world` ---
    bool select_at(geo::XY world, double tolerance_m);
    void select(const std::string& layer, std::int64_t feature);

    // --- background work ---
    // Lands what finished off the UI thread; the main loop calls it every frame, whichever
    // panel is shown. A finished coverage run replaces the workspace's segments, gaps and
    // force_summary layers (marked unsaved) unless another workspace was opened meanwhile; a
    // failed one leaves its reason in coverage_error.
    void poll_background();

    // --- live updates of a team workspace (app_state_live.cpp) ---
    // open() of a postgresql:// URL starts `live` (a listener in a background thread); the
    // changes it heard are taken by poll_background: the announced layers and the settings are
    // re-read (Workspace::refresh) where they hold no unsaved edits here, the map redraws them and
    // the plan book is rebuilt when a plan table changed. Returns how many layers took changes.
    std::size_t land_live_updates();

    // --- time travel on a team workspace (app_state_as_of.cpp) ---
    // View the open team workspace as it was known at `at` (layers/team/pg_as_of.h: only what this
    // login could see then): read-only — saving and plan edits are refused, live updates stop —
    // until back_to_live opens the live workspace again. Refused for a GeoPackage (no history), a
    // time not come yet, and while there are unsaved changes (they would be lost).
    bool open_as_of(geo::UnixTime at, std::string* error);
    // Refused while there are unsaved changes made in the past (styles, layers), unless `drop_unsaved`.
    bool back_to_live(std::string* error, bool drop_unsaved = false);
    const std::optional<geo::UnixTime>& as_of() const { return as_of_; }
    // "Viewing <url> as known at T: read-only" while in the past; "" when live.
    std::string as_of_banner() const;

    // --- joint plans (app_state_plan.cpp) ---
    // Every plan change goes through apply_plan_edit: the edit runs on a copy of the book
    // (layers::plan::PlanEditor::apply); when it is accepted the plan tables are written back
    // into the workspace (store_plan_book), the plan layers redrawn and the workspace marked
    // unsaved. Returns "" or why the edit was refused (nothing changed then).
    using PlanEdit = std::function<layers::plan::EditError(layers::plan::PlanBook&)>;
    layers::plan::EditError apply_plan_edit(const std::string& label, const PlanEdit& edit);
    // Undo/redo of plan edits (Edit menu, Ctrl+Z / Ctrl+Shift+Z); false when there is none.
    bool undo();
    bool redo();
    // What edits check against: the coast cut at `segment_m`, the fleet, who and now.
    layers::plan::EditContext plan_context(double segment_m);
    // The workspace coastline cut at `segment_m` (cached until the coastline layer changes).
    const layers::plan::PlanCoast& plan_coast(double segment_m);
    void set_current_plan(const std::string& name);
    // Picks the current plan's segment nearest `world` (within `tolerance_m`); with `extend`,
    // the run from the first pick to this one when both lie on the same coastline line.
    bool pick_segment(geo::XY world, double tolerance_m, bool extend);
    // Selects the longest run of the current plan's segments whose middles lie in `world`; the
    // status line says which, and how many other runs the box held.
    bool pick_box(const geo::Box& world);
    // Checks the current plan; the findings replace that plan's earlier ones in `problems`.
    bool check_current_plan(std::string* error);
    bool start_forecast(std::string* error);
    // Planned vs actual for the current plan, off the UI thread; lands as layer plan_reconciliation.
    bool start_reconcile(std::string* error);
    // Sets each judged task's status to the one it earned (where the workflow allows), as one edit.
    layers::plan::EditError apply_earned_statuses();
    void set_coast_mode(CoastMode mode);
    CoastMode coast_mode() const;

    // --- time ---
    void rebuild_timeline();
    void advance(double real_seconds);  // moves T while playing, wrapping at the window end
    geo::UnixTime window_from() const;
    geo::UnixTime window_to() const;
    // A time typed into the timeline (ISO 8601, UTC, inside the window): T moves there. Otherwise
    // T stays where it was and `error` says what was expected (never a silent 1970).
    bool type_time(const std::string& text, std::string* error);

    std::optional<layers::Workspace> workspace;
    ViewTransform view;
    Selection selection;
    TimelineModel timeline;
    geo::UnixTime time_t = 0;
    bool playing = false;
    double speed = 600;          // simulated seconds per real second
    double tail_s = 3 * 3600;    // vessel tail length
    std::map<std::string, bool> hidden_vessels;
    bool heat_layer = false;     // reports hotspot heat layer
    layers::ReportFilterText report_filter;  // the Reports panel's filters: the table, the map's symbols and the heat layer
    bool show_legend = true;     // the legend in the layer list (View > Legend)
    bool full_tracks = false;    // whole track layers; otherwise only each vessel's tail before T
    bool coverage_as_of = false; // colour the coast by the time since last seen before T
    std::string tool_request;    // a panel asks the map to switch to this tool ("Stretch"); the map clears it
    geo::Problems problems;      // from loads and imports in this session
    std::string status;          // one line for the status bar
    CoverageJob coverage;        // started by the Coverage panel; runs on whether it is shown or not
    std::string coverage_error;  // why the last coverage run failed, "" when it did not
    PlanState plan;              // the plan book and what the Plan panel works on
    ForecastJob forecast;        // started by the Plan panel; lands in poll_background
    std::string forecast_error;  // why the last forecast failed, "" when it did not
    ReconcileJob reconcile;      // started by the Plan panel; lands in poll_background
    std::string reconcile_error;
    ConflictChoice conflict;     // the last save's rows both changed in the same fields, until settled
    LiveUpdates live;            // other people's changes to an open team workspace; lands in poll_background
    std::string live_error;      // why live updates stopped or a re-read failed, "" when they run
    TrackImportJob track_import; // File > Import tracks; lands in poll_background
    std::string track_import_error;
    OpenJob opening;             // start_open; lands in poll_background
    AddLayerJob adding;          // start_add_layer; lands in poll_background
    std::string add_layer_error;
    ExportJob exporting;         // File > Export map; its outcome lands in `status`
    SaveJob save_job;            // start_save, start_save_as; lands in poll_background
    RowHistoryView row_history;  // the Inspector's History of the selected row (team workspaces)
    bool show_history = false;   // the Inspector opens its History tab at its next frame

private:
    std::optional<geo::UnixTime> as_of_;  // set while viewing the past (open_as_of)
    std::string live_url_;                // the live workspace's URL while viewing the past
    void touch(const std::string& layer);
    void redraw(const std::string& layer);  // new content from the store: redrawn, not unsaved
    void start_live_updates();       // on open: listens when the workspace is a team workspace
    void rebuild_plan_book();        // after other people's plan rows were taken in: same plan shown, no undo
    void load_plans();               // on open: the plan book, fleet and current plan
    void reload_plans();             // after a save merged other people's rows in: same plan shown, no undo
    void store_plans();              // the book into the workspace's plan tables
    void land_forecast();            // from poll_background
    void land_reconcile();           // from poll_background
    void land_track_import();
    void land_open();
    void land_added_layer();
    void land_export();
    void land_save();
    void saved_as(const std::string& path);  // the workspace now lives at `path`
    void adopt(layers::Workspace ws, const std::string& path);  // the workspace opened from `path`        // from poll_background
    void remember(const std::string& path);
    void keep_view();  // settings["view"] from the current view
    bool view_restored_ = false;
    bool dirty_ = false;
    std::uint64_t counter_ = 1;     // source of unique revisions
    std::uint64_t generation_ = 1;  // revision of every layer untouched since open()
    std::map<std::string, std::uint64_t> revisions_;
    std::vector<std::string> recent_;
    std::string recent_store_;
    mutable SceneCache scene_;  // a cache of what the workspace determines
    layers::CoverageHistory history_;
    std::string history_layer_;      // the segments layer the history was read from
    std::uint64_t history_revision_ = 0;
};

}  // namespace tidemark::gui
