// File > Save and Save as off the UI thread. The worker reads the live workspace itself, not a
// copy: a save in place writes only what changed (tens of milliseconds for an edit, about a
// second after a coverage run replaced the segments), Save as writes the whole workspace (1.6 s
// for the demo), and copying 200,000 features first would cost the UI as much. So while it runs
// the workspace is only read: AppState refuses edits and lands no other job (AppState::saving()),
// the panels are drawn disabled, and the map can still be panned, zoomed and hovered. A Save as
// changes nothing in the workspace until its outcome lands (Workspace::write_copy / adopt_copy).
// Saves into a team workspace stay on the UI thread: they can merge other people's rows into the
// workspace, which the UI may be reading. No GL, no ImGui.
#pragma once

#include "app/gui/background_job.h"
#include "layers/workspace.h"

#include <optional>
#include <string>

namespace tidemark::gui {

struct SaveOutcome {
    bool cancelled = false;
    bool saved = false;
    std::string target;   // Save as: the file written; empty for a save in place
    std::optional<layers::Workspace::WrittenCopy> copy;  // Save as, once written: to adopt
    std::string error;    // why nothing was written (names the file)
    std::string summary;  // for the status bar
    double seconds = 0;

    void discard() { cancelled = true; }  // a save is never cancelled: it ends all or nothing
};

class SaveJob : public BackgroundJob<SaveOutcome> {
public:
    // Whether saving `ws` to `target` (empty: in place) is done by this job: a GeoPackage saved in
    // place, or written whole to another GeoPackage file.
    static bool saves_off_thread(const layers::Workspace& ws, const std::string& target = {});
    // Starts saving `ws` in place, or to `target`; `ws` must outlive the job and not change until
    // its outcome is taken. false with `error` while a save is still going.
    bool start(layers::Workspace& ws, std::string* error, const std::string& target = {});
};

}  // namespace tidemark::gui
