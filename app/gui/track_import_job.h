// File > Import tracks off the UI thread: the files are read (layers/tracks/track_import.h, as
// `tidemark tracks import` reads them) on a worker; the UI lands the tracks in the workspace
// (linked to the fleet register, merged with the stored ones) when the read is done. No GL and
// no ImGui here: tested without a display.
#pragma once

#include "app/gui/background_job.h"
#include "layers/tracks/track_import.h"
#include "layers/workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::gui {

struct TrackImportOutcome {
    bool cancelled = false;
    std::string error;                          // no file could be read: why
    std::string summary;                        // one line for the status bar
    std::string workspace_path;                 // the workspace the import is for
    bool replace = false;                       // replace the stored tracks instead of adding
    std::optional<layers::TrackFilesRead> read;

    void discard() {
        cancelled = true;
        read.reset();
        summary = "Track import cancelled: nothing changed";
    }
};

class TrackImportJob : public BackgroundJob<TrackImportOutcome> {
public:
    // false with `error` when there is nothing to read or an import is going.
    bool start(const layers::Workspace& ws, const std::vector<std::string>& files, const layers::TrackReadOptions& options,
               bool replace, std::string* error);
};

}  // namespace tidemark::gui
