#include "app/gui/export_job.h"

#include <memory>
#include <optional>

namespace tidemark::gui {

bool ExportJob::start(const layers::Workspace& ws, render::RenderOptions options, const layers::CoverageHistory* as_of,
                      const std::string& path, std::string* error) {
    if (busy()) {
        *error = "a map is still being exported: wait for it, then export " + path;
        return false;
    }
    // The worker gets its own copies: the UI goes on changing the workspace.
    auto copy = std::make_shared<const layers::Workspace>(ws);
    auto history = as_of ? std::make_shared<const layers::CoverageHistory>(*as_of) : nullptr;
    return launch(
        [copy, history, options, path](const std::atomic<bool>&, const Progress&) mutable {
            ExportOutcome out;
            out.path = path;
            options.coverage_as_of = history.get();
            out.summary = render::render_map(*copy, options, path, &out.error) ? "Exported map to " + path : out.error;
            return out;
        },
        "Exporting the map to " + path + " failed");
}

}  // namespace tidemark::gui
