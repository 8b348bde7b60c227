#include "app/gui/save_job.h"

#include "layers/store_location.h"

#include <chrono>
#include <cstdio>

namespace tidemark::gui {

bool SaveJob::saves_off_thread(const layers::Workspace& ws) {
    return !ws.path().empty() && !layers::is_server_location(ws.path());
}

bool SaveJob::start(layers::Workspace& ws, std::string* error) {
    if (busy()) {
        *error = ws.path() + " is still being saved";
        return false;
    }
    return launch(
        [&ws](const std::atomic<bool>&, const Progress&) {
            SaveOutcome out;
            const auto t0 = std::chrono::steady_clock::now();
            out.saved = ws.save(&out.error);
            out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            char took[32];
            std::snprintf(took, sizeof took, " (%.2f s)", out.seconds);
            out.summary = out.saved ? "Saved " + ws.path() + took : out.error;
            return out;
        },
        "Saving " + ws.path() + " failed");
}

}  // namespace tidemark::gui
