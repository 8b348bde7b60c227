// What the conflict dialog holds: a save refused because this person and another changed the
// same field(s) of rows (layers::RowConflict, base / theirs / mine), and, per row and field, the
// person's choice of mine or theirs (mine until they choose). rows() turns the choices into the
// rows to save (layers::resolve_row). No GL and no ImGui: tested without a display.
#pragma once

#include "layers/store/row_resolve.h"
#include "layers/workspace.h"

#include <string>
#include <vector>

namespace tidemark::gui {

class ConflictChoice {
public:
    // Takes the conflicts of the workspace's last save (none: the dialog closes).
    void load(const layers::Workspace& ws);
    void clear() { conflicts_.clear(), take_mine_.clear(); }
    bool open() const { return !conflicts_.empty(); }

    const std::vector<layers::RowConflict>& conflicts() const { return conflicts_; }
    bool mine(std::size_t row, std::size_t field) const { return take_mine_.at(row).at(field); }
    void choose(std::size_t row, std::size_t field, bool mine) { take_mine_.at(row).at(field) = mine; }
    void choose_all(bool mine);

    // One row per conflict, in order: what Workspace::settle_conflicts takes. Fields are the
    // workspace's layer's (a layer no longer there yields the other person's row).
    std::vector<layers::Feature> rows(const layers::Workspace& ws) const;

private:
    std::vector<layers::RowConflict> conflicts_;
    std::vector<std::vector<bool>> take_mine_;
};

}  // namespace tidemark::gui
