#include "app/gui/save_job.h"

#include "layers/store_location.h"

#include <chrono>
#include <cstdio>

namespace tidemark::gui {

bool SaveJob::saves_off_thread(const layers::Workspace& ws, const std::string& target) {
    if (target.empty()) return !ws.path().empty() && !layers::is_server_location(ws.path());
    return !layers::is_server_location(target) && !ws.is_own_store(target);
}

bool SaveJob::start(layers::Workspace& ws, std::string* error, const std::string& target) {
    if (busy()) {
        *error = ws.path() + " is still being saved";
        return false;
    }
    const std::string name = target.empty() ? ws.path() : target;
    return launch(
        [&ws, target, name](const std::atomic<bool>&, const Progress&) {
            SaveOutcome out;
            out.target = target;
            const auto t0 = std::chrono::steady_clock::now();
            if (target.empty()) {
                out.saved = ws.save(&out.error);
            } else {
                out.copy = ws.write_copy(target, &out.error);
                out.saved = out.copy.has_value();
            }
            out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            char took[32];
            std::snprintf(took, sizeof took, " (%.2f s)", out.seconds);
            out.summary = out.saved ? "Saved " + name + took : out.error;
            return out;
        },
        "Saving " + name + " failed");
}

}  // namespace tidemark::gui
