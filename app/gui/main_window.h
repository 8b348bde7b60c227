// The window's layout and chrome: menu bar (File, Edit, View, map tools), the side bar of panels,
// the map, the timeline strip and the status bar, plus the open / save-as / unsaved-changes
// dialogs. Holds UI-only state; the model is the AppState passed in.
#pragma once

#include "app/gui/brief_dialog.h"
#include "app/gui/conflict_dialog.h"
#include "app/gui/file_browser.h"
#include "app/gui/map/map_view.h"
#include "app/gui/panels/panel.h"
#include "app/gui/panels/timeline_panel.h"

#include <memory>
#include <string>
#include <vector>

namespace tidemark::gui {

class AppState;
class MapRenderer;

class MainWindow {
public:
    explicit MainWindow(std::string first_panel = {});
    // Draws one frame of UI; returns true when the user chose to quit.
    bool draw(AppState& app, const MapRenderer& renderer);
    // The window's close button was pressed with unsaved changes: ask first.
    void ask_before_quit() { ask_quit_ = true; }

    static constexpr float kSideBarWidth = 400;  // most panels (Panel::width())

private:
    void menu_bar(AppState& app, bool* quit);
    void dialogs(AppState& app, bool* quit);
    std::vector<std::unique_ptr<Panel>> panels_;
    TimelinePanel timeline_;
    MapView map_;
    std::size_t active_panel_ = 0;
    bool ask_quit_ = false, ask_open_ = false, ask_save_as_ = false, ask_export_ = false, ask_import_ = false;
    // File > Export map: the same renderer as `tidemark render` (app/render), current view or all.
    char export_title_[256] = "Coastal monitoring coverage";
    char export_marking_[64] = "";
    bool export_current_view_ = true, export_at_time_ = false;
    void export_map_dialog(AppState& app);
    // File > View as of / Back to live: the team workspace as known at a past time (AppState::open_as_of).
    void as_of_dialog(AppState& app);
    void go_live(AppState& app);
    bool ask_as_of_ = false;
    char as_of_text_[64] = "";
    // File > Import tracks: AIS NMEA, GPX or CSV read off the UI thread (AppState::track_import).
    void import_tracks_dialog(AppState& app);
    int import_format_ = 0;  // detect, ais, gpx, csv
    bool import_replace_ = false, import_started_ = false;
    BriefDialog brief_;
    ConflictDialog conflict_;  // opens itself when a save was refused for conflicting fields
    char path_[512] = "";
    FileBrowser browser_;  // under the path field of the open, save-as and export dialogs
    std::string dialog_error_;
};

}  // namespace tidemark::gui
