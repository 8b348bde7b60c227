// Layers: visibility, drawing order, style, add from any GDAL source, remove.
#pragma once

#include "app/gui/file_browser.h"
#include "app/gui/panels/panel.h"

namespace tidemark::gui {

class LayersPanel : public Panel {
public:
    LayersPanel() : Panel("Layers") {}

protected:
    void drawContent(AppState& app) override;

private:
    void drawStyle(AppState& app);
    void drawAdd(AppState& app);
    std::string current_;  // layer whose style is being edited
    char add_path_[512] = "";
    FileBrowser browser_;
    char add_name_[128] = "";
    int add_role_ = 0;
    std::string add_error_;
};

}  // namespace tidemark::gui
