// Opening a workspace off the UI thread (File > Open, Open recent, the workspace given at
// launch): the worker reads it (layers::Workspace::open); the UI adopts it in poll_background,
// so the window is drawn, stays responsive and says "Opening ..." meanwhile. No GL and no
// ImGui here: tested without a display.
#pragma once

#include "app/gui/background_job.h"
#include "layers/workspace.h"

#include <optional>
#include <string>

namespace tidemark::gui {

struct OpenOutcome {
    bool cancelled = false;
    std::string error;    // why it could not be opened (names the file)
    std::string summary;  // for the status bar
    std::string path;     // what was asked for
    std::optional<layers::Workspace> workspace;

    void discard() {
        cancelled = true;
        workspace.reset();
        summary = "Opening " + path + " cancelled";
    }
};

class OpenJob : public BackgroundJob<OpenOutcome> {
public:
    // false with `error` while another open is going.
    bool start(const std::string& path, std::string* error);
    const std::string& path() const { return path_; }  // the last one started

private:
    std::string path_;
};

}  // namespace tidemark::gui
