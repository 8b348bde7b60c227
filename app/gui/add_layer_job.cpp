#include "app/gui/add_layer_job.h"

#include "layers/io/import.h"

namespace tidemark::gui {

bool AddLayerJob::start(const layers::Workspace& ws, const std::string& path, layers::LayerRole role,
                        const std::string& name, std::string* error) {
    if (busy()) {
        *error = "a layer is still being added: wait for it, then add " + path;
        return false;
    }
    return launch(
        [workspace_path = ws.path(), crs = ws.crs(), path, role, name](const std::atomic<bool>&, const Progress&) {
            AddLayerOutcome out;
            out.workspace_path = workspace_path;
            out.path = path;
            out.layer = layers::import_layer(path, crs, role, name, out.problems, &out.error);
            out.summary = out.layer ? "Added layer " + name + " from " + path : out.error;
            return out;
        },
        "Adding " + path + " failed");
}

}  // namespace tidemark::gui
