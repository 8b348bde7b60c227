// AppState's live updates on a team workspace: other people's committed changes, announced by
// the database (layers/team/change_listener.h), taken into the open workspace around this
// session's unsaved edits (layers::Workspace::refresh).
#include "app/gui/app_state.h"

#include "layers/plan/plan_store.h"
#include "layers/store_location.h"
#include "layers/store/workspace_store.h"

#include <set>

namespace tidemark::gui {

void AppState::start_live_updates() {
    live.stop();
    live_error.clear();
    if (!workspace || as_of_ || !layers::is_server_location(workspace->path())) return;  // the past does not change
    std::string error;
    if (!live.start(workspace->path(), &error)) {
        live_error = error;
        status += " (live updates are off: " + error + ")";
    }
}

std::size_t AppState::land_live_updates() {
    const std::vector<layers::team::RowChange> changes = live.take();
    if (!live.error().empty()) live_error = live.error();
    if (changes.empty() || !workspace) return 0;
    std::set<std::string> tables, who;
    bool settings = false;
    for (const auto& c : changes) {
        if (c.table == LiveUpdates::kEverything) {
            for (const auto& l : workspace->layers) tables.insert(l.name);
            settings = true;
        } else if (c.table == layers::kSettingsTable) {
            settings = true;
        } else {
            tables.insert(c.table);
        }
        if (!c.who.empty()) who.insert(c.who);
    }
    layers::Workspace::Refreshed r;
    std::string error;
    if (!workspace->refresh({tables.begin(), tables.end()}, settings, &r, &error)) {
        live_error = error;
        status = "Live update not taken in: " + error;
        return 0;
    }
    live_error = live.error();
    if (!r.changed()) {
        if (r.rows_kept > 0)
            status = "Live: " + std::to_string(r.rows_kept) + " row(s) you are editing were changed by another person: "
                     "kept as you edited them (Save merges, or asks which to keep)";
        return 0;
    }
    bool plan_changed = false, tracks_changed = false;
    for (const std::string& name : r.layers) {
        redraw(name);
        for (const char* p : {layers::plan::kAgenciesLayer, layers::plan::kPlansLayer, layers::plan::kResponsibilityLayer,
                              layers::plan::kObjectivesLayer, layers::plan::kTasksLayer})
            if (name == p) plan_changed = true;
        const layers::Layer* l = workspace->find(name);
        if (l && l->role == layers::LayerRole::Tracks) tracks_changed = true;
    }
    const bool had_undo = !plan.editor.undo_label().empty() || !plan.editor.redo_label().empty();
    if (plan_changed) rebuild_plan_book();
    if (tracks_changed) rebuild_timeline();
    std::string by;
    for (const std::string& w : who) by += (by.empty() ? "" : ", ") + w;
    std::string layers_text;
    for (const std::string& name : r.layers) layers_text += (layers_text.empty() ? "" : ", ") + name;
    status = "Live: " + (by.empty() ? std::string("another person") : by) + " changed " +
             (layers_text.empty() ? std::string("settings") : layers_text);
    if (r.rows_kept > 0)
        status += "; " + std::to_string(r.rows_kept) + " row(s) you edited were changed too: kept as you edited them (Save merges or asks)";
    if (!r.kept.empty()) {
        std::string kept;
        for (const std::string& k : r.kept) kept += (kept.empty() ? "" : ", ") + k;
        status += "; not taken in (unsaved edits here): " + kept;
    }
    if (plan_changed && had_undo) status += "; undo history cleared";
    return r.layers.size() + r.settings.size();
}

void AppState::rebuild_plan_book() {
    // The book is rebuilt from the plan tables, which hold this session's unsaved plan edits too.
    // Undo steps are snapshots from before the change taken in: undoing one would put the other
    // person's rows back as they were, so they go.
    plan.editor = layers::plan::PlanEditor(layers::plan::load_plan_book(*workspace, problems));
    if (!plan.plan()) set_current_plan(plan.book().plans.empty() ? "" : plan.book().plans.back().name);
    plan.check.reset();
}

}  // namespace tidemark::gui
