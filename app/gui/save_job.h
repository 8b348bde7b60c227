// File > Save off the UI thread. The worker saves the live workspace itself, not a copy: a save
// in place writes only what changed (tens of milliseconds for an edit, about a second after a
// coverage run replaced the segments), and copying 200,000 features first would cost the UI as
// much. So while it runs the workspace is only read: AppState refuses edits and lands no other
// job (AppState::saving()), the panels are drawn disabled, and the map can still be panned,
// zoomed and clicked on. Only saves in place to a GeoPackage go here: a team workspace's save can
// merge other people's rows into the workspace, which the UI may be reading. No GL, no ImGui.
#pragma once

#include "app/gui/background_job.h"
#include "layers/workspace.h"

#include <string>

namespace tidemark::gui {

struct SaveOutcome {
    bool cancelled = false;
    bool saved = false;
    std::string error;    // why nothing was written (names the file)
    std::string summary;  // for the status bar
    double seconds = 0;

    void discard() { cancelled = true; }  // a save is never cancelled: it ends all or nothing
};

class SaveJob : public BackgroundJob<SaveOutcome> {
public:
    // Whether `ws` is saved by this job (a GeoPackage saved to the file it came from).
    static bool saves_off_thread(const layers::Workspace& ws);
    // Starts saving `ws` in place; `ws` must outlive the job and not change until its outcome is
    // taken. false with `error` while a save is still going.
    bool start(layers::Workspace& ws, std::string* error);
};

}  // namespace tidemark::gui
