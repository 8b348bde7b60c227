#include "app/gui/brief_dialog.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/plan_widgets.h"
#include "app/render/plan_brief.h"

#include <imgui.h>

#include <cctype>
#include <filesystem>
#include <map>

namespace tidemark::gui {
namespace {

namespace plan = layers::plan;

std::string default_path(const AppState& app, const std::string& code) {
    const plan::Agency* a = app.plan.book().find_agency(code);
    std::string name = "brief_" + code + "_";
    if (a)
        for (char c : a->name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    const std::filesystem::path dir = std::filesystem::path(app.workspace->path()).parent_path();
    return (dir / (name + ".pdf")).string();
}

}  // namespace

void BriefDialog::open(const AppState& app) {
    const plan::Plan* p = app.plan.plan();
    if (!app.workspace || !p) return;
    ask_ = true;
    error_.clear();
    // The agency leading most segments: the likeliest reader.
    std::map<std::string, std::size_t> count;
    for (const auto& code : p->lead)
        if (!code.empty()) ++count[code];
    agency_.clear();
    std::size_t best = 0;
    for (const auto& [code, n] : count)
        if (n > best) best = n, agency_ = code;
    if (agency_.empty()) agency_ = plan::kBorderForceCode;
    copy_to_field(path_, default_path(app, agency_));
}

void BriefDialog::draw(AppState& app) {
    if (ask_) {
        ImGui::OpenPopup("Brief");
        ask_ = false;
    }
    if (!ImGui::BeginPopupModal("Brief", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const plan::Plan* p = app.plan.plan();
    if (!p || !app.workspace) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::Text("Briefing pack of plan '%s' for one agency (PDF)", p->name.c_str());
    ImGui::SetNextItemWidth(480);
    if (agency_combo("Agency", app.plan.book(), &agency_))
        copy_to_field(path_, default_path(app, agency_));
    ImGui::SetNextItemWidth(480);
    ImGui::InputText("File (.pdf)", path_, sizeof path_);
    ImGui::SetNextItemWidth(200);
    ImGui::InputText("Protective marking", marking_, sizeof marking_);
    const bool have_forecast = app.plan.forecast && app.plan.forecast_plan == p->name;
    ImGui::TextDisabled(have_forecast ? "The forecast section uses this session's forecast of the plan."
                                      : "No forecast of this plan in this session: the brief says how to make one "
                                        "(Plan panel > Run forecast first to include it).");
    if (!error_.empty()) {
        ImGui::PushTextWrapPos(480);
        ImGui::TextColored(kErrorColour, "%s", error_.c_str());
        ImGui::PopTextWrapPos();
    }
    if (ImGui::Button("Write brief")) {
        error_.clear();
        const std::string path = path_;
        if (path.size() < 5 || path.substr(path.size() - 4) != ".pdf") {
            error_ = "the file name must end in .pdf";
        } else {
            render::BriefOptions options;
            options.marking = marking_;
            if (render::write_plan_brief(*app.workspace, app.plan.book(), *p, agency_,
                                         have_forecast ? &*app.plan.forecast : nullptr, options, path, &error_)) {
                app.status = "Wrote brief for " + plan::agency_label(app.plan.book(), agency_) + " to " + path;
                ImGui::CloseCurrentPopup();
            } else {
                error_ = path + ": " + error_;
            }
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace tidemark::gui
