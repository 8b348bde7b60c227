#include "app/gui/conflict_dialog.h"

#include "app/gui/app_state.h"

#include <imgui.h>

namespace tidemark::gui {
namespace {

constexpr const char* kTitle = "Not saved: changed by another person too";
constexpr float kValueWidth = 230;  // px per value column; longer values wrap

void value_cell(const std::string& text, bool chosen) {
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + kValueWidth);
    if (chosen) ImGui::TextColored({0.35f, 0.85f, 0.45f, 1}, "%s", text.empty() ? "(empty)" : text.c_str());
    else ImGui::TextUnformatted(text.empty() ? "(empty)" : text.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace

void ConflictDialog::draw(AppState& app) {
    if (app.conflict.open() && !ImGui::IsPopupOpen(kTitle)) {
        ImGui::OpenPopup(kTitle);
        error_.clear();
    }
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!app.conflict.open()) {  // settled or dropped elsewhere
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextUnformatted("Someone else saved changes to the same fields you changed, since you read them.");
    ImGui::TextUnformatted("Nothing of your save was written. Choose, per field, the value to keep; your other "
                           "changes are kept as they are.");
    const auto& conflicts = app.conflict.conflicts();
    for (std::size_t i = 0; i < conflicts.size(); ++i) {
        const layers::RowConflict& c = conflicts[i];
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Text("Row %lld of %s", static_cast<long long>(c.fid), c.layer.c_str());
        ImGui::TextDisabled("theirs: changed by %s", c.changed_by.c_str());
        const std::string table = "##conflict" + std::to_string(i);
        if (!ImGui::BeginTable(table.c_str(), 5, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) continue;
        ImGui::TableSetupColumn("Field");
        ImGui::TableSetupColumn("As you read it", ImGuiTableColumnFlags_WidthFixed, kValueWidth);
        ImGui::TableSetupColumn("Theirs", ImGuiTableColumnFlags_WidthFixed, kValueWidth);
        ImGui::TableSetupColumn("Mine", ImGuiTableColumnFlags_WidthFixed, kValueWidth);
        ImGui::TableSetupColumn("Keep");
        ImGui::TableHeadersRow();
        for (std::size_t k = 0; k < c.fields.size(); ++k) {
            const layers::FieldConflict& f = c.fields[k];
            const bool mine = app.conflict.mine(i, k);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(f.field.c_str());
            value_cell(f.base, false);
            value_cell(f.theirs, !mine);
            value_cell(f.mine, mine);
            ImGui::TableNextColumn();
            const std::string id = "##" + std::to_string(i) + "_" + std::to_string(k);
            if (ImGui::RadioButton(("mine" + id).c_str(), mine)) app.conflict.choose(i, k, true);
            ImGui::SameLine();
            if (ImGui::RadioButton(("theirs" + id).c_str(), !mine)) app.conflict.choose(i, k, false);
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (ImGui::Button("Keep all mine")) app.conflict.choose_all(true);
    ImGui::SameLine();
    if (ImGui::Button("Take all theirs")) app.conflict.choose_all(false);
    if (!error_.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", error_.c_str());
    ImGui::Separator();
    if (ImGui::Button("Save with these choices")) {
        error_.clear();
        if (app.save_with_choices(&error_)) {
            ImGui::CloseCurrentPopup();
        } else if (app.conflict.open()) {
            error_ = "Changed again meanwhile: choose again";  // the dialog now shows the new conflict
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel (keep my edits unsaved)")) {
        app.conflict.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace tidemark::gui
