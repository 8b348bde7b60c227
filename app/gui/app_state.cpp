#include "app/gui/app_state.h"

#include "app/gui/time_input.h"

#include "app/gui/view_settings.h"
#include "layers/coverage/coverage_store.h"
#include "layers/io/import.h"
#include "layers/store_location.h"
#include "layers/tracks/track_store.h"

#include <algorithm>
#include <fstream>

namespace tidemark::gui {

bool AppState::open(const std::string& path, std::string* error) {
    auto ws = layers::Workspace::open(path, error);
    if (!ws) return false;
    as_of_.reset();
    adopt(std::move(*ws), path);
    return true;
}

bool AppState::start_open(const std::string& path, std::string* error, bool drop_unsaved) {
    if (dirty() && !drop_unsaved) {
        *error = workspace->path() + " has unsaved changes: save them first (File > Save), or open " + path +
                 " anyway and drop them";
        return false;
    }
    if (!opening.start(path, error)) return false;
    status = "Opening " + path + " ...";
    return true;
}

void AppState::land_open() {
    auto outcome = opening.take_outcome();
    if (!outcome) return;
    if (!outcome->workspace) {
        status = outcome->summary;
        return;
    }
    as_of_.reset();
    adopt(std::move(*outcome->workspace), outcome->path);
}

void AppState::adopt(layers::Workspace ws, const std::string& path) {
    workspace = std::move(ws);
    selection = {};
    revisions_.clear();
    generation_ = ++counter_;
    dirty_ = false;
    rebuild_timeline();
    load_plans();
    refresh_coverage_history();
    fit_all();
    report_filter = {};
    view_restored_ = workspace->settings.contains(kViewSetting) &&
                     restore_view(*this, workspace->settings[kViewSetting], &problems);
    remember(path);
    status = "Opened " + path;
    start_live_updates();
    const geo::Problems& found = workspace->open_problems();
    problems.insert(problems.end(), found.begin(), found.end());
    if (workspace->features_left_out() > 0)
        status += ": " + std::to_string(workspace->features_left_out()) +
                  " feature(s) could not be read (see Problems); Save As to keep your changes";
}

void AppState::keep_view() {
    // A team workspace's settings are shared: one person's map view there would make every other
    // person's next save conflict over it (and open their maps where someone else looked).
    if (workspace && !layers::is_server_location(workspace->path()))
        workspace->settings[kViewSetting] = view_to_json(*this);
}

bool AppState::save(std::string* error) {
    if (!workspace) { *error = "no workspace is open"; return false; }
    if (saving()) { *error = workspace->path() + " is still being saved"; return false; }
    if (as_of_) {
        *error = as_of_banner() + ": nothing is saved to it; go back to live (File > Back to live) to edit, or Save As a GeoPackage";
        return false;
    }
    keep_view();
    if (!workspace->save(error)) {
        conflict.load(*workspace);
        return false;
    }
    conflict.clear();
    dirty_ = false;
    status = "Saved " + workspace->path();
    if (const std::size_t merged = workspace->rows_merged_on_save()) {
        // Other people's changes to other fields of the rows saved were merged in: the plan
        // shown (and its undo steps, made before them) would put the old values back.
        reload_plans();
        status += " (" + std::to_string(merged) + " row(s) merged with changes other people made meanwhile; undo history cleared)";
    }
    return true;
}

bool AppState::start_save(std::string* error) {
    if (!workspace || as_of_ || saving() || !SaveJob::saves_off_thread(*workspace)) return save(error);
    keep_view();
    if (!save_job.start(*workspace, error)) return false;
    status = "Saving " + workspace->path() + " ...";
    return true;
}

bool AppState::start_save_as(const std::string& path, std::string* error) {
    if (!workspace || saving() || !SaveJob::saves_off_thread(*workspace, path)) return save_as(path, error);
    keep_view();
    if (!save_job.start(*workspace, error, path)) return false;
    status = "Saving " + path + " ...";
    return true;
}

void AppState::land_save() {
    auto outcome = save_job.take_outcome();
    if (!outcome) return;
    if (outcome->copy) {
        workspace->adopt_copy(std::move(*outcome->copy));
        saved_as(outcome->target);
    } else if (outcome->saved) {
        conflict.clear();
        dirty_ = false;
    } else if (outcome->target.empty()) {
        conflict.load(*workspace);
    }
    status = outcome->summary;
}

void AppState::saved_as(const std::string& path) {
    dirty_ = false;
    as_of_.reset();  // the copy saved is a workspace of its own, live
    remember(path);
    start_live_updates();  // listens to the store saved to, if it is a team workspace
}

bool AppState::save_with_choices(std::string* error) {
    if (!workspace || !conflict.open()) { *error = "there is no refused save to settle"; return false; }
    if (!workspace->settle_conflicts(conflict.rows(*workspace), error)) return false;
    bool plan_rows = false;
    for (const layers::RowConflict& c : conflict.conflicts()) {
        touch(c.layer);
        plan_rows |= c.layer.rfind("plan_", 0) == 0;
    }
    if (plan_rows) rebuild_plan_book();
    conflict.clear();
    return save(error);
}

bool AppState::save_as(const std::string& path, std::string* error) {
    if (!workspace) { *error = "no workspace is open"; return false; }
    if (saving()) { *error = workspace->path() + " is still being saved"; return false; }
    keep_view();
    if (!workspace->save(error, path)) return false;
    saved_as(path);
    status = "Saved " + path;
    return true;
}

void AppState::set_recent_store(std::string path) {
    recent_store_ = std::move(path);
    std::ifstream in(recent_store_);
    std::string line;
    recent_.clear();
    while (std::getline(in, line))
        if (!line.empty()) recent_.push_back(line);
}

void AppState::remember(const std::string& path) {
    recent_.erase(std::remove(recent_.begin(), recent_.end(), path), recent_.end());
    recent_.insert(recent_.begin(), path);
    if (recent_.size() > 8) recent_.resize(8);
    if (recent_store_.empty()) return;
    std::ofstream out(recent_store_, std::ios::trunc);
    for (const auto& p : recent_) out << p << "\n";
}

layers::Style AppState::style(const layers::Layer& layer) const {
    return workspace ? layers::style_for(workspace->settings, layer) : layers::default_style(layer.role);
}

void AppState::set_style(const std::string& layer, const layers::Style& s) {
    if (!workspace || !workspace->find(layer)) return;
    workspace->settings["styles"][layer] = layers::to_json(s);
    touch(layer);
}

void AppState::set_visible(const std::string& layer, bool visible) {
    const layers::Layer* l = workspace ? workspace->find(layer) : nullptr;
    if (!l) return;
    layers::Style s = style(*l);
    s.visible = visible;
    set_style(layer, s);
}

bool AppState::move_layer(const std::string& layer, int delta) {
    if (!workspace) return false;
    auto& ls = workspace->layers;
    auto it = std::find_if(ls.begin(), ls.end(), [&](const layers::Layer& l) { return l.name == layer; });
    if (it == ls.end()) return false;
    const long from = it - ls.begin(), to = from + delta;
    if (to < 0 || to >= static_cast<long>(ls.size())) return false;
    std::swap(ls[from], ls[to]);
    // Layers moved in memory: their cached indexes and buffers must be rebuilt.
    touch(ls[from].name);
    touch(ls[to].name);
    return true;
}

bool AppState::add_layer(const std::string& path, layers::LayerRole role, const std::string& name, std::string* error) {
    if (!workspace) { *error = "open or create a workspace first"; return false; }
    auto layer = layers::import_layer(path, workspace->crs(), role, name, problems, error);
    if (!layer) return false;
    workspace->put(std::move(*layer));
    touch(name);
    if (role == layers::LayerRole::Tracks || role == layers::LayerRole::TrackLegs) rebuild_timeline();
    status = "Added layer " + name + " from " + path;
    return true;
}

bool AppState::start_add_layer(const std::string& path, layers::LayerRole role, const std::string& name,
                               std::string* error) {
    if (!workspace) { *error = "open or create a workspace first"; return false; }
    if (!adding.start(*workspace, path, role, name, error)) return false;
    add_layer_error.clear();
    status = "Adding layer " + name + " from " + path + " ...";
    return true;
}

void AppState::land_added_layer() {
    auto outcome = adding.take_outcome();
    if (!outcome) return;
    status = outcome->summary;
    problems.insert(problems.end(), outcome->problems.begin(), outcome->problems.end());
    if (!outcome->layer) {
        add_layer_error = outcome->error;
        return;
    }
    if (!workspace || workspace->path() != outcome->workspace_path) {
        status = "Layer from " + outcome->path + " not added: another workspace was opened while it was read";
        return;
    }
    const std::string name = outcome->layer->name;
    const bool tracks = outcome->layer->role == layers::LayerRole::Tracks || outcome->layer->role == layers::LayerRole::TrackLegs;
    workspace->put(std::move(*outcome->layer));
    touch(name);
    if (tracks) rebuild_timeline();
}

void AppState::land_export() {
    if (auto outcome = exporting.take_outcome()) status = outcome->summary;
}

bool AppState::remove_layer(const std::string& layer) {
    if (!workspace || !workspace->remove(layer)) return false;
    if (selection.layer == layer) selection = {};
    touch(layer);
    for (auto& l : workspace->layers) touch(l.name);  // positions changed
    rebuild_timeline();
    return true;
}

std::uint64_t AppState::revision(const std::string& layer) const {
    auto it = revisions_.find(layer);
    return it == revisions_.end() ? generation_ : it->second;
}

void AppState::poll_background() {
    land_save();
    if (saving()) return;  // the others change the workspace: they land once the save has
    land_open();
    land_added_layer();
    land_export();
    land_live_updates();
    refresh_coverage_history();
    land_forecast();
    land_reconcile();
    land_track_import();
    auto outcome = coverage.take_outcome();
    if (!outcome) return;
    problems.insert(problems.end(), outcome->problems.begin(), outcome->problems.end());
    status = outcome->summary;
    coverage_error = outcome->error;
    if (!outcome->layers || !workspace) return;
    if (workspace->path() != outcome->workspace_path) {
        status = "Coverage result discarded: another workspace was opened while it ran";
        return;
    }
    layers::store_coverage(*workspace, std::move(*outcome->layers));
    for (const char* name : {layers::kSegmentsLayer, layers::kGapsLayer, layers::kForceSummaryLayer})
        if (workspace->find(name)) touch(name);  // new geometry: the renderer rebuilds its buffers
    refresh_coverage_history();
}

void AppState::refresh_coverage_history() {
    const layers::Layer* seg = workspace ? workspace->find_role(layers::LayerRole::Segments) : nullptr;
    if (!seg) {
        history_ = {};
        history_layer_.clear();
        return;
    }
    const std::uint64_t rev = revision(seg->name);
    if (seg->name == history_layer_ && rev == history_revision_) return;
    history_ = layers::CoverageHistory::from_layer(*seg, &problems);
    history_layer_ = seg->name;
    history_revision_ = rev;
}

bool AppState::coverage_as_of_available() const {
    const layers::Layer* seg = workspace ? workspace->find_role(layers::LayerRole::Segments) : nullptr;
    return seg && history_.has_sightings() && history_layer_ == seg->name && history_.segments() == seg->features().size();
}

const layers::SceneLayer& AppState::scene_layer(const layers::Layer& layer) const {
    if (coverage_as_of && layer.role == layers::LayerRole::Segments && layer.name == history_layer_ &&
        coverage_as_of_available()) {
        const SceneCache::AsOf as_of{&history_, time_t, layers::revisit_target_s(workspace->settings)};
        return scene_.layer(*workspace, layer, revision(layer.name), &as_of);
    }
    if (layer.role == layers::LayerRole::Reports && !report_filter.empty()) {
        const SceneCache::Filter filter{report_filter.key(), layers::parse_report_filter(report_filter, nullptr)};
        return scene_.layer(*workspace, layer, revision(layer.name), nullptr, &filter);
    }
    return scene_.layer(*workspace, layer, revision(layer.name));
}

void AppState::land_track_import() {
    auto outcome = track_import.take_outcome();
    if (!outcome) return;
    status = outcome->summary;
    track_import_error = outcome->error;
    if (!outcome->read || !workspace) return;
    if (workspace->path() != outcome->workspace_path) {
        status = "Track import discarded: another workspace was opened while it ran";
        return;
    }
    problems.insert(problems.end(), outcome->read->problems.begin(), outcome->read->problems.end());
    const layers::TracksAdded added = layers::add_tracks(*workspace, std::move(outcome->read->tracks), outcome->replace);
    for (const char* name : {layers::kTrackPointsLayer, layers::kTrackLegsLayer})
        if (workspace->find(name)) touch(name);
    rebuild_timeline();
    status += "; " + std::to_string(added.stored) + " vessel track(s) in the workspace (unsaved)";
    if (!added.unknown.empty())
        status += "; " + std::to_string(added.unknown.size()) + " vessel(s) not in the fleet register";
    if (!outcome->read->problems.empty()) status += "; " + std::to_string(outcome->read->problems.size()) + " problem(s): see Problems";
}

void AppState::touch(const std::string& layer) {
    redraw(layer);
    dirty_ = true;
}

void AppState::redraw(const std::string& layer) { revisions_[layer] = ++counter_; }

void AppState::fit_all() {
    if (!workspace) return;
    geo::Box all;
    for (const auto& l : workspace->layers)
        if (l.role != layers::LayerRole::Table && style(l).visible) all.expand(l.extent());
    zoom_to(all);
}

void AppState::zoom_to(const geo::Box& box) {
    if (box.empty()) return;
    // A point or a small feature is shown in a box at least kMinZoomSpanM across around its
    // centre: about 10-15 m per pixel on a desktop map, the harbour and its approaches in view
    // (a 1 km box, as before, meant ~2 m per pixel: nothing around the report to see).
    constexpr double kMinZoomSpanM = 10000;
    geo::Box b = box;
    const geo::XY c = b.centre();
    const double half_w = std::max(b.width(), kMinZoomSpanM) / 2, half_h = std::max(b.height(), kMinZoomSpanM) / 2;
    if (b.width() < kMinZoomSpanM && b.height() < kMinZoomSpanM) b = {c.x - half_w, c.y - half_h, c.x + half_w, c.y + half_h};
    view.fit(b);
}

void AppState::zoom_to_feature(const std::string& layer, std::int64_t feature) {
    const layers::Layer* l = workspace ? workspace->find(layer) : nullptr;
    if (!l || feature < 0 || feature >= static_cast<std::int64_t>(l->features().size())) return;
    zoom_to(l->features()[feature].geometry.bounds());
}

bool AppState::select_at(geo::XY world, double tolerance_m) {
    selection = {};
    if (!workspace) return false;
    // Top-most first: layers later in the list are drawn on top. A gap is a faint halo along the
    // coast segments it is made of: a click there means the segment (its colour is what the map
    // shows, and the Inspector says when it was last seen); the gap when no segment is there.
    std::optional<Selection> gap;
    for (auto it = workspace->layers.rbegin(); it != workspace->layers.rend(); ++it) {
        if (it->role == layers::LayerRole::Table || !style(*it).visible || it->features().empty()) continue;
        if (gap && it->role != layers::LayerRole::Segments) continue;
        // Polygons contain the point (distance 0): prefer lines and points drawn over them.
        double d = 0;
        const std::int64_t id = it->nearest(world, tolerance_m, &d);
        if (id < 0) continue;
        if (it->role == layers::LayerRole::Gaps && !gap) {
            gap = Selection{it->name, id};
            continue;
        }
        selection = {it->name, id};
        return true;
    }
    if (gap) {
        selection = *gap;
        return true;
    }
    return false;
}

void AppState::select(const std::string& layer, std::int64_t feature) { selection = {layer, feature}; }

void AppState::rebuild_timeline() {
    timeline = {};
    if (!workspace) return;
    timeline.load(layers::fixes_by_vessel(*workspace));  // the stored tracks (layers/tracks/track_store.h)
    if (time_t < window_from() || time_t > window_to()) time_t = window_from();
}

geo::UnixTime AppState::window_from() const {
    if (workspace && workspace->window_from) return *workspace->window_from;
    return timeline.first();
}

geo::UnixTime AppState::window_to() const {
    if (workspace && workspace->window_to) return *workspace->window_to;
    return timeline.last();
}

bool AppState::type_time(const std::string& text, std::string* error) {
    const auto t = parse_timeline_time(text, window_from(), window_to(), error);
    if (t) time_t = *t;
    return t.has_value();
}

void AppState::advance(double real_seconds) {
    if (!playing) return;
    time_t += real_seconds * speed;
    if (time_t > window_to()) time_t = window_from();
}

}  // namespace tidemark::gui
