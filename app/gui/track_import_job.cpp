#include "app/gui/track_import_job.h"

namespace tidemark::gui {

bool TrackImportJob::start(const layers::Workspace& ws, const std::vector<std::string>& files,
                           const layers::TrackReadOptions& options, bool replace, std::string* error) {
    if (files.empty()) {
        *error = "give a track file (AIS NMEA log, GPX or CSV)";
        return false;
    }
    if (busy()) {
        *error = "an import is still running";
        return false;
    }
    const std::string path = ws.path();
    const geo::Crs crs = ws.crs();
    return launch(
        [files, options, replace, path, crs](const std::atomic<bool>& cancel, const Progress& progress) {
            TrackImportOutcome out;
            out.workspace_path = path;
            out.replace = replace;
            layers::TrackFilesRead read = layers::read_track_files(files, crs, options, progress, &cancel);
            std::size_t fixes = 0, readable = 0;
            for (const auto& f : read.files) {
                if (!f.error.empty()) {
                    out.error += (out.error.empty() ? "" : "; ") + f.error;
                    continue;
                }
                ++readable;
                fixes += f.fixes;
            }
            out.summary = "Read " + std::to_string(fixes) + " fix(es) from " + std::to_string(readable) + " of " +
                          std::to_string(files.size()) + " file(s)";
            if (readable > 0) out.read = std::move(read);
            return out;
        },
        "Track import failed");
}

}  // namespace tidemark::gui
