// The dialog a refused save opens when another person changed the same field(s) of rows changed
// here (AppState::conflict): per row and field the value as read (base), theirs and mine, with a
// choice of mine or theirs per field; "Save with these choices" saves again over their row.
// Cancel keeps the edits unsaved (Save asks again). The choices live in AppState (ConflictChoice).
#pragma once

#include <string>

namespace tidemark::gui {

class AppState;

class ConflictDialog {
public:
    void draw(AppState& app);

private:
    std::string error_;
};

}  // namespace tidemark::gui
