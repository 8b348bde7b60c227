#include "app/gui/panels/plan_new_form.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/plan_widgets.h"
#include "app/gui/plan_format.h"
#include "geo/duration.h"

#include <imgui.h>

#include <chrono>
#include <cmath>
#include <cstdio>

namespace tidemark::gui {
namespace {

namespace plan = layers::plan;

}  // namespace

void PlanNewForm::open(const AppState& app) {
    open_ = true;
    error_.clear();
    // Plans are made for what comes next: the week after the data's window (else from today).
    double start = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    if (app.workspace && app.workspace->window_to) start = *app.workspace->window_to;
    start = std::floor(start / 86400) * 86400;
    copy_to_field(from_, iso_minutes(start));
    copy_to_field(to_, iso_minutes(start + 7 * 86400));
    const geo::CivilDate d = geo::civil_from_days(static_cast<long long>(start / 86400));
    char name[64];
    std::snprintf(name, sizeof name, "Week of %lld-%02u-%02u", d.year, d.month, d.day);
    copy_to_field(name_, name);
    segment_m_ = 1000;
    if (app.workspace) {
        const auto& cov = app.workspace->settings.value("coverage", nlohmann::json::object());
        if (cov.is_object() && cov.contains("segment_length_m") && cov["segment_length_m"].is_number())
            segment_m_ = cov["segment_length_m"].get<float>();
    }
}

void PlanNewForm::draw(AppState& app) {
    if (!open_) return;
    ImGui::PushID("new_plan");
    const float w = ImGui::GetContentRegionAvail().x - 130;
    ImGui::SetNextItemWidth(w);
    ImGui::InputText("Name", name_, sizeof name_);
    ImGui::SetNextItemWidth(w);
    ImGui::InputTextWithHint("From (UTC)", "2026-03-02T00:00Z", from_, sizeof from_);
    ImGui::SetNextItemWidth(w);
    ImGui::InputTextWithHint("To (UTC)", "2026-03-09T00:00Z", to_, sizeof to_);
    std::string why, why_to;
    const auto from = parse_typed_time("From", from_, &why);
    const auto to = parse_typed_time("To", to_, &why_to);
    if (why.empty()) why = why_to;
    if (from && to && *to > *from) ImGui::TextDisabled("%s", period_text(*from, *to).c_str());
    else if (from && to) ImGui::TextColored(kErrorColour, "To must follow From");
    else ImGui::TextColored(kErrorColour, "%s", why.c_str());
    ImGui::SetNextItemWidth(w);
    ImGui::InputTextWithHint("Revisit target", "24 h", revisit_, sizeof revisit_);
    const auto revisit = geo::parse_duration(revisit_);
    if (!revisit || *revisit <= 0)
        ImGui::TextColored(kErrorColour, "Revisit target '%s': type a duration such as 24 h, 12h or 1d", revisit_);
    ImGui::SetNextItemWidth(w);
    ImGui::InputFloat("Segment length (m)", &segment_m_, 100, 1000, "%.0f");
    ImGui::TextDisabled("Same as the coverage run's, so last period's gaps line up");
    if (ImGui::Button("Create plan")) {
        error_.clear();
        if (!from || !to) {
            error_ = why;
        } else if (!revisit || *revisit <= 0) {
            error_ = std::string("revisit target '") + revisit_ + "' is not a duration such as 24 h";
        } else if (segment_m_ < 100 || segment_m_ > 10000) {
            error_ = "segment length must be between 100 and 10000 m";
        } else {
            plan::NewPlan np;
            np.name = name_;
            np.from = *from;
            np.to = *to;
            np.segment_m = segment_m_;
            np.revisit_s = *revisit;
            const plan::EditContext ctx = app.plan_context(np.segment_m);
            error_ = app.apply_plan_edit("New plan '" + np.name + "'",
                                         [&](plan::PlanBook& b) { return plan::new_plan(b, ctx, np); });
            if (error_.empty()) {
                app.set_current_plan(np.name);
                open_ = false;
            }
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) open_ = false;
    if (!error_.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColour, "Not created: %s", error_.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::PopID();
}

}  // namespace tidemark::gui
