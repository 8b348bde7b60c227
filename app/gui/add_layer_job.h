// Layers > Add off the UI thread: the file is read and projected (layers::import_layer) on a
// worker; the UI puts the layer into the workspace in poll_background. No GL and no ImGui
// here: tested without a display.
#pragma once

#include "app/gui/background_job.h"
#include "geo/problem.h"
#include "layers/layer.h"
#include "layers/workspace.h"

#include <optional>
#include <string>

namespace tidemark::gui {

struct AddLayerOutcome {
    bool cancelled = false;
    std::string error;           // why the file could not be added (names it)
    std::string summary;         // for the status bar
    std::string workspace_path;  // the workspace the layer is for
    std::string path;            // the file read
    std::optional<layers::Layer> layer;
    geo::Problems problems;      // rows left out, named

    void discard() {
        cancelled = true;
        layer.reset();
        summary = "Adding " + path + " cancelled: nothing changed";
    }
};

class AddLayerJob : public BackgroundJob<AddLayerOutcome> {
public:
    // false with `error` while another layer is being added.
    bool start(const layers::Workspace& ws, const std::string& path, layers::LayerRole role, const std::string& name,
               std::string* error);
};

}  // namespace tidemark::gui
