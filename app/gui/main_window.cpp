#include "app/gui/main_window.h"

#include "geo/time.h"
#include "layers/store_location.h"

#include "app/gui/app_state.h"
#include "app/gui/map/map_renderer.h"
#include "app/render/map_render.h"

#include <imgui.h>

namespace tidemark::gui {

MainWindow::MainWindow(std::string first_panel) : panels_(make_panels()) {
    for (std::size_t i = 0; i < panels_.size(); ++i)
        if (panels_[i]->title() == first_panel) active_panel_ = i;
}

void MainWindow::menu_bar(AppState& app, bool* quit) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open...", "Ctrl+O")) { ask_open_ = true; path_[0] = 0; }
        if (ImGui::BeginMenu("Open recent", !app.recent_files().empty())) {
            for (const auto& p : app.recent_files())
                if (ImGui::MenuItem(p.c_str())) {
                    std::string error;
                    if (!app.start_open(p, &error)) app.status = error;
                }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Save", "Ctrl+S", false, app.has_workspace())) {
            std::string error;
            if (!app.start_save(&error)) app.status = error;
        }
        if (ImGui::MenuItem("Save as...", nullptr, false, app.has_workspace())) { ask_save_as_ = true; path_[0] = 0; }
        if (ImGui::MenuItem("Import tracks...", nullptr, false, app.has_workspace())) { ask_import_ = true; path_[0] = 0; }
        ImGui::Separator();
        // Time travel: a team workspace as it was known at T (its history), read-only.
        const bool team = app.has_workspace() && (app.as_of() || layers::is_server_location(app.workspace->path()));
        if (ImGui::MenuItem("View as of...", nullptr, false, team)) { ask_as_of_ = true; dialog_error_.clear(); }
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip(team ? "The team workspace as it was known at a past time (read-only)"
                                   : "Only a team workspace (postgresql://) keeps the history to go back in");
        if (ImGui::MenuItem("Back to live", nullptr, false, app.as_of().has_value())) go_live(app);
        ImGui::Separator();
        if (ImGui::MenuItem("Export map...", nullptr, false, app.has_workspace())) { ask_export_ = true; path_[0] = 0; }
        if (ImGui::MenuItem("Brief...", nullptr, false, app.plan.plan() != nullptr)) brief_.open(app);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip(app.plan.plan() ? "Briefing pack (PDF) of the current plan for one agency"
                                              : "Make or choose a plan in the Plan panel first");
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) {
            if (app.dirty()) ask_quit_ = true; else *quit = true;
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        // Plan edits are the undoable ones (layer styles are changed back by hand).
        const std::string undo = app.plan.editor.undo_label(), redo = app.plan.editor.redo_label();
        if (ImGui::MenuItem(undo.empty() ? "Undo" : ("Undo " + undo).c_str(), "Ctrl+Z", false, !undo.empty())) app.undo();
        if (ImGui::MenuItem(redo.empty() ? "Redo" : ("Redo " + redo).c_str(), "Ctrl+Shift+Z", false, !redo.empty())) app.redo();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        const geo::XY c{app.view.rect.x + app.view.rect.width / 2, app.view.rect.y + app.view.rect.height / 2};
        if (ImGui::MenuItem("Fit all", "Home")) app.fit_all();
        if (ImGui::MenuItem("Zoom in", "+")) app.view.zoom_at(c, 1.5);
        if (ImGui::MenuItem("Zoom out", "-")) app.view.zoom_at(c, 1 / 1.5);
        if (ImGui::MenuItem("Zoom to selection", nullptr, false, !app.selection.empty()))
            app.zoom_to_feature(app.selection.layer, app.selection.feature);
        ImGui::Separator();
        ImGui::MenuItem("Legend", nullptr, &app.show_legend);
        ImGui::EndMenu();
    }
    ImGui::Separator();
    map_.draw_tool_buttons();
    ImGui::Separator();
    if (app.as_of()) {
        // The banner: in the past, in amber, with the way back beside it.
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.85f, 0.55f, 0.05f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 1));
        ImGui::Button(("  " + app.as_of_banner() + "  ").c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::Button("Back to live")) go_live(app);
        ImGui::PopStyleColor();
    } else {
        ImGui::TextDisabled("%s%s", app.has_workspace() ? app.workspace->path().c_str() : "no workspace",
                            app.dirty() ? "  (unsaved changes)" : "");
    }
    ImGui::EndMainMenuBar();
}

void MainWindow::dialogs(AppState& app, bool* quit) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && io.KeyCtrl && !app.saving()) {  // shortcuts are not disabled items
        if (ImGui::IsKeyPressed('O', false)) { ask_open_ = true; path_[0] = 0; }
        if (ImGui::IsKeyPressed('S', false) && app.has_workspace()) {
            std::string error;
            if (!app.start_save(&error)) app.status = error;
        }
        if (ImGui::IsKeyPressed('Q', false)) { if (app.dirty()) ask_quit_ = true; else *quit = true; }
        if (ImGui::IsKeyPressed('Z', false)) { if (io.KeyShift) app.redo(); else app.undo(); }
        if (ImGui::IsKeyPressed('Y', false)) app.redo();
    }
    const char* here = app.has_workspace() ? app.workspace->path().c_str() : "";
    if (ask_open_) { ImGui::OpenPopup("Open workspace"); ask_open_ = false; dialog_error_.clear(); browser_.reset(here); }
    if (ask_save_as_) { ImGui::OpenPopup("Save workspace as"); ask_save_as_ = false; dialog_error_.clear(); browser_.reset(here); }
    if (ask_quit_) { ImGui::OpenPopup("Unsaved changes"); ask_quit_ = false; }
    if (ask_export_) { ImGui::OpenPopup("Export map"); ask_export_ = false; dialog_error_.clear(); browser_.reset(here); }
    if (ask_import_) {
        ImGui::OpenPopup("Import tracks");
        ask_import_ = import_started_ = false;
        dialog_error_.clear();
        browser_.reset(here);
    }
    if (ask_as_of_) { ImGui::OpenPopup("View as of"); ask_as_of_ = false; }
    as_of_dialog(app);
    export_map_dialog(app);
    import_tracks_dialog(app);
    brief_.draw(app);
    conflict_.draw(app);
    for (const char* title : {"Open workspace", "Save workspace as"}) {
        if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) continue;
        ImGui::Text("Workspace file (.gpkg), or a team workspace's postgresql:// URL:");
        ImGui::SetNextItemWidth(480);
        bool enter = ImGui::InputText("##path", path_, sizeof path_, ImGuiInputTextFlags_EnterReturnsTrue);
        enter |= browser_.draw(path_, sizeof path_, {".gpkg"});
        if (!dialog_error_.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", dialog_error_.c_str());
        const bool open = std::string(title) == "Open workspace";
        if (ImGui::Button("OK") || enter) {
            if (open ? app.start_open(path_, &dialog_error_) : app.start_save_as(path_, &dialog_error_)) ImGui::CloseCurrentPopup();
        }
        if (open && app.dirty()) {
            ImGui::SameLine();
            if (ImGui::Button("Open anyway (drop unsaved changes)") && app.start_open(path_, &dialog_error_, true))
                ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("The workspace has unsaved changes (styles, layers, settings, plans).");
        if (!dialog_error_.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", dialog_error_.c_str());
        if (ImGui::Button("Save and quit")) {
            if (app.save(&dialog_error_)) { *quit = true; ImGui::CloseCurrentPopup(); }
        }
        ImGui::SameLine();
        if (ImGui::Button("Quit without saving")) { *quit = true; ImGui::CloseCurrentPopup(); }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void MainWindow::go_live(AppState& app) {
    std::string error;
    if (!app.back_to_live(&error, /*drop_unsaved=*/false)) {
        ask_as_of_ = true;  // the dialog says why and offers to drop them
        dialog_error_ = error;
    }
}

void MainWindow::as_of_dialog(AppState& app) {
    if (!ImGui::BeginPopupModal("View as of", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("Show the team workspace as it was known at (UTC, ISO 8601, e.g. 2026-03-02T09:00:00Z):");
    ImGui::TextDisabled("Read-only: what you could see then; later changes left out. Back to live returns.");
    ImGui::SetNextItemWidth(320);
    const bool enter = ImGui::InputText("##as_of", as_of_text_, sizeof as_of_text_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (!dialog_error_.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", dialog_error_.c_str());
    if (ImGui::Button("View") || enter) {
        const auto at = geo::parse_iso8601(as_of_text_);
        if (!at) dialog_error_ = std::string("'") + as_of_text_ + "': expected an ISO 8601 time such as 2026-03-02T09:00:00Z";
        else if (app.open_as_of(*at, &dialog_error_)) ImGui::CloseCurrentPopup();
    }
    if (app.as_of()) {
        ImGui::SameLine();
        if (ImGui::Button("Back to live (drop changes made here)")) {
            if (app.back_to_live(&dialog_error_, true)) ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void MainWindow::export_map_dialog(AppState& app) {
    if (!ImGui::BeginPopupModal("Export map", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("File (.png, .pdf vector, .tif GeoTIFF in the working CRS):");
    ImGui::SetNextItemWidth(480);
    ImGui::InputText("##export_path", path_, sizeof path_);
    browser_.draw(path_, sizeof path_, {".png", ".pdf", ".tif", ".tiff"}, 160);
    ImGui::SetNextItemWidth(480);
    ImGui::InputText("Title", export_title_, sizeof export_title_);
    ImGui::SetNextItemWidth(200);
    ImGui::InputText("Protective marking", export_marking_, sizeof export_marking_);
    if (ImGui::RadioButton("Current view", export_current_view_)) export_current_view_ = true;
    ImGui::SameLine();
    if (ImGui::RadioButton("Whole coast", !export_current_view_)) export_current_view_ = false;
    ImGui::Checkbox("Vessels at the timeline's time", &export_at_time_);
    if (!dialog_error_.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", dialog_error_.c_str());
    if (ImGui::Button("Export")) {
        render::RenderOptions options;
        options.title = export_title_;
        options.marking = export_marking_;
        options.fit_orientation = !export_current_view_;
        if (export_current_view_) options.bbox = app.view.visible_box();
        if (export_at_time_) options.time = app.time_t;
        // The reports the map shows: the Reports panel's filter, stated in the legend.
        if (!app.report_filter.empty()) options.reports = layers::parse_report_filter(app.report_filter, nullptr);
        // The coast as the map shows it: as of T when that is on.
        if (export_at_time_ && app.coverage_as_of && app.coverage_as_of_available())
            options.coverage_as_of = &app.coverage_history();
        const layers::CoverageHistory* as_of = options.coverage_as_of;
        options.coverage_as_of = nullptr;  // the job keeps its own copy
        if (!render::map_format_for(path_)) {
            dialog_error_ = "the file name must end in .png, .pdf or .tif";
        } else if (app.exporting.start(*app.workspace, options, as_of, path_, &dialog_error_)) {
            app.status = std::string("Exporting the map to ") + path_ + " ...";
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void MainWindow::import_tracks_dialog(AppState& app) {
    if (!ImGui::BeginPopupModal("Import tracks", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    TrackImportJob& job = app.track_import;
    if (import_started_ && !job.busy()) {  // landed by poll_background: the status bar says what came in
        import_started_ = false;
        if (app.track_import_error.empty()) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
            return;
        }
        dialog_error_ = app.track_import_error;
    }
    if (job.running()) {
        ImGui::Text("Reading %s ...", path_);
        ImGui::ProgressBar(static_cast<float>(job.progress()), {480, 0}, job.cancelling() ? "cancelling" : nullptr);
        if (ImGui::Button("Cancel")) job.cancel();
        ImGui::EndPopup();
        return;
    }
    ImGui::Text("Track file: AIS NMEA log, GPX or CSV (vessel, time, lat/lon or x/y columns):");
    ImGui::SetNextItemWidth(480);
    ImGui::InputText("##track_path", path_, sizeof path_);
    browser_.draw(path_, sizeof path_, {".nmea", ".ais", ".aivdm", ".txt", ".log", ".gpx", ".csv"}, 200);
    static const char* kFormats[] = {"detect from the file", "AIS NMEA", "GPX", "CSV"};
    ImGui::SetNextItemWidth(200);
    ImGui::Combo("Format", &import_format_, kFormats, 4);
    ImGui::Checkbox("Replace the tracks stored in the workspace (otherwise they are added to)", &import_replace_);
    ImGui::TextDisabled("Vessels are linked to the fleet register by MMSI or name; save the workspace to keep them.");
    if (!dialog_error_.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", dialog_error_.c_str());
    if (ImGui::Button("Import")) {
        layers::TrackReadOptions options;
        static const char* kFormatNames[] = {"", "ais", "gpx", "csv"};
        options.format = kFormatNames[import_format_];
        dialog_error_.clear();
        std::vector<std::string> files;
        if (path_[0]) files.push_back(path_);
        import_started_ = app.track_import.start(*app.workspace, files, options, import_replace_, &dialog_error_);
    }
    ImGui::SameLine();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

bool MainWindow::draw(AppState& app, const MapRenderer& renderer) {
    bool quit = false;
    // While a save runs the workspace must not change (save_job.h): everything but the map is
    // disabled; the map still pans, zooms and shows what is under the cursor.
    const bool saving = app.saving();
    ImGui::BeginDisabled(saving);
    menu_bar(app, &quit);
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float top = ImGui::GetFrameHeight(), status_h = ImGui::GetFrameHeight();
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar;
    // Side bar: every panel one click away, as a grid of buttons above the open panel.
    ImGui::SetNextWindowPos({0, top});
    const float side_w = panels_[active_panel_]->width();
    ImGui::SetNextWindowSize({side_w, size.y - top - status_h});
    ImGui::Begin("Panels", nullptr, fixed);
    const float button_w = (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
    for (std::size_t i = 0; i < panels_.size(); ++i) {
        if (i % 4) ImGui::SameLine();
        const bool active = i == active_panel_;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(panels_[i]->title().c_str(), {button_w, 0})) active_panel_ = i;
        if (active) ImGui::PopStyleColor();
    }
    ImGui::Separator();
    panels_[active_panel_]->draw(app);
    ImGui::End();

    const float timeline_h = TimelinePanel::height_for(app);
    const float map_h = size.y - top - status_h - timeline_h;
    timeline_.draw_window(app, side_w, top + map_h, size.x - side_w, timeline_h);
    ImGui::EndDisabled();
    map_.draw(app, renderer, {side_w, top, size.x - side_w, map_h});
    ImGui::BeginDisabled(saving);

    ImGui::SetNextWindowPos({0, size.y - status_h});
    ImGui::SetNextWindowSize({size.x, status_h});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {8, 3});
    ImGui::Begin("##status", nullptr, fixed | ImGuiWindowFlags_NoScrollbar);
    ImGui::Text("%s", map_.cursor_readout().empty() ? " " : map_.cursor_readout().c_str());
    ImGui::SameLine(420);
    ImGui::Text("1 px = %.0f m", app.view.metres_per_pixel);
    ImGui::SameLine(560);
    ImGui::TextDisabled("%s", app.status.c_str());
    ImGui::End();
    ImGui::PopStyleVar();

    dialogs(app, &quit);
    ImGui::EndDisabled();
    return quit;
}

}  // namespace tidemark::gui
