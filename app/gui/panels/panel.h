// A panel of the side bar: draw() is fixed (a heading and a scrolling child), each panel
// writes drawContent(). Panels read the AppState and change it only through its commands.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace tidemark::gui {

class AppState;

class Panel {
public:
    explicit Panel(std::string title) : title_(std::move(title)) {}
    virtual ~Panel() = default;
    // Draws the panel into the remaining space of the current window.
    void draw(AppState& app);
    const std::string& title() const { return title_; }
    // Side-bar width (pixels) while this panel is shown: tables of many columns ask for more.
    virtual float width() const { return 400; }

protected:
    virtual void drawContent(AppState& app) = 0;

private:
    std::string title_;
};

// The one list of side-bar panels, in tab order (panel_registry.cpp).
std::vector<std::unique_ptr<Panel>> make_panels();

}  // namespace tidemark::gui
