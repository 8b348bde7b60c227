#include "app/gui/open_job.h"

namespace tidemark::gui {

bool OpenJob::start(const std::string& path, std::string* error) {
    if (busy()) {
        *error = "still opening " + path_ + ": wait for it, then open " + path;
        return false;
    }
    path_ = path;
    return launch(
        [path](const std::atomic<bool>&, const Progress&) {
            OpenOutcome out;
            out.path = path;
            out.workspace = layers::Workspace::open(path, &out.error);
            out.summary = out.workspace ? "Opened " + path : out.error;
            return out;
        },
        "Opening " + path + " failed");
}

}  // namespace tidemark::gui
