// File > Export map off the UI thread: a copy of the workspace as it is when Export is pressed
// is rendered (render::render_map, as `tidemark render` does) on a worker, so the map stays
// interactive; edits made meanwhile are not in the file. No GL and no ImGui here.
#pragma once

#include "app/gui/background_job.h"
#include "app/render/map_render.h"
#include "layers/coverage/coverage_as_of.h"
#include "layers/workspace.h"

#include <string>

namespace tidemark::gui {

struct ExportOutcome {
    bool cancelled = false;
    std::string error;    // why the map could not be written (names the file)
    std::string summary;  // for the status bar
    std::string path;

    void discard() {
        cancelled = true;
        summary = "Export to " + path + " cancelled";
    }
};

class ExportJob : public BackgroundJob<ExportOutcome> {
public:
    // `as_of`: colour the coast as of options.time from this history (copied), or nullptr.
    // false with `error` while another export is going.
    bool start(const layers::Workspace& ws, render::RenderOptions options, const layers::CoverageHistory* as_of,
               const std::string& path, std::string* error);
};

}  // namespace tidemark::gui
