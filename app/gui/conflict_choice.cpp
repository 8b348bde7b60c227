#include "app/gui/conflict_choice.h"

namespace tidemark::gui {

void ConflictChoice::load(const layers::Workspace& ws) {
    conflicts_ = ws.save_conflicts();
    take_mine_.clear();
    for (const layers::RowConflict& c : conflicts_) take_mine_.emplace_back(c.fields.size(), true);
}

void ConflictChoice::choose_all(bool mine) {
    for (auto& row : take_mine_) row.assign(row.size(), mine);
}

std::vector<layers::Feature> ConflictChoice::rows(const layers::Workspace& ws) const {
    std::vector<layers::Feature> out;
    for (std::size_t i = 0; i < conflicts_.size(); ++i) {
        const layers::Layer* l = ws.find(conflicts_[i].layer);
        out.push_back(l ? layers::resolve_row(l->fields, conflicts_[i], take_mine_[i]) : conflicts_[i].theirs);
    }
    return out;
}

}  // namespace tidemark::gui
