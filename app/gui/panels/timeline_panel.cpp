#include "app/gui/panels/timeline_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/coverage_as_of_toggle.h"
#include "app/gui/time_input.h"

#include "layers/style/style_classes.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <map>

namespace tidemark::gui {
namespace {

constexpr float kRowH = 14, kLabelW = 230;
constexpr std::size_t kMaxRows = 8;

// The current plan's live tasks, one row per asset (tasks without one by their agency).
std::map<std::string, std::vector<const layers::plan::Task*>> task_rows(const AppState& app) {
    std::map<std::string, std::vector<const layers::plan::Task*>> rows;
    const auto* plan = app.plan.plan();
    if (!plan) return rows;
    for (const auto* t : app.plan.book().tasks_of(plan->name))
        if (layers::plan::is_live(t->status))
            rows[t->asset.empty() ? layers::plan::agency_label(app.plan.book(), t->agency) + " (no asset)" : t->asset].push_back(t);
    return rows;
}

// Task bars per asset under the slider, on the slider's time scale, with T as a line; under each
// asset's planned bars, a thin dark strip where its tracks show it transmitting (planned vs actual).
void draw_task_bars(const AppState& app, double from, double to) {
    const auto rows = task_rows(app);
    if (rows.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float x0 = origin.x + kLabelW, x1 = origin.x + ImGui::GetContentRegionAvail().x;
    auto x_of = [&](double t) { return x0 + static_cast<float>((std::clamp(t, from, to) - from) / (to - from)) * (x1 - x0); };
    std::size_t row = 0;
    for (const auto& [name, tasks] : rows) {
        if (row == kMaxRows) break;
        const float y = origin.y + row * kRowH;
        dl->AddText({origin.x, y}, ImGui::GetColorU32(ImGuiCol_Text), name.substr(0, 34).c_str());
        for (const auto& [a, b] : app.timeline.presence(name)) {
            if (b < from || a > to) continue;
            const ImVec2 p0{x_of(a), y + kRowH - 4}, p1{std::max(x_of(b), x_of(a) + 1), y + kRowH - 1};
            dl->AddRectFilled(p0, p1, IM_COL32(40, 40, 40, 230));
            if (ImGui::IsMouseHoveringRect(p0, p1))
                ImGui::SetTooltip("%s transmitting %s to %s", name.c_str(), geo::format_iso8601(a).c_str(),
                                  geo::format_iso8601(b).c_str());
        }
        for (const auto* t : tasks) {
            const auto* agency = app.plan.book().find_agency(t->agency);
            const layers::Rgba c = layers::parse_hex_rgb(agency ? agency->colour : "").value_or(layers::Rgba{0.4f, 0.4f, 0.4f, 1});
            // Accepted and later: solid; proposed: a paler bar until it is agreed.
            const float alpha = t->status == layers::plan::TaskStatus::Proposed ? 0.45f : 1.0f;
            const ImVec2 a{x_of(t->from), y + 1}, b{std::max(x_of(t->to), x_of(t->from) + 2), y + kRowH - 5};
            dl->AddRectFilled(a, b, ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, alpha}));
            if (ImGui::IsMouseHoveringRect(a, b))
                ImGui::SetTooltip("Task %lld: %s\n%s to %s (%s)", static_cast<long long>(t->id),
                                  layers::plan::agency_label(app.plan.book(), t->agency).c_str(),
                                  geo::format_iso8601(t->from).c_str(), geo::format_iso8601(t->to).c_str(),
                                  layers::plan::status_name(t->status));
        }
        ++row;
    }
    const float xt = x_of(app.time_t);
    dl->AddLine({xt, origin.y}, {xt, origin.y + row * kRowH}, IM_COL32(200, 30, 30, 255), 1.5f);
    ImGui::Dummy({x1 - origin.x, row * kRowH});
}

}  // namespace

float TimelinePanel::height_for(const AppState& app) {
    const std::size_t rows = std::min(task_rows(app).size(), kMaxRows);
    return 92 + (rows ? 4 + rows * kRowH : 0);
}

void TimelinePanel::draw_window(AppState& app, float x, float y, float width, float height) {
    ImGui::SetNextWindowPos({x, y});
    ImGui::SetNextWindowSize({width, height});
    ImGui::Begin("Timeline", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                          ImGuiWindowFlags_NoScrollbar);
    drawContent(app);
    ImGui::End();
}

void TimelinePanel::time_controls(AppState& app, double from, double to) {
    if (ImGui::Button("|<")) app.time_t = from;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start of the window");
    ImGui::SameLine();
    if (ImGui::Button("-1 d")) app.time_t = step_time(app.time_t, -86400, from, to);
    ImGui::SameLine();
    if (ImGui::Button("-1 h")) app.time_t = step_time(app.time_t, -3600, from, to);
    ImGui::SameLine();
    // Refilled from T unless the user is typing in it.
    if (typed_for_ != app.time_t && !editing_) {
        std::snprintf(typed_, sizeof typed_, "%s", timeline_text(app.time_t).c_str());
        typed_for_ = app.time_t;
    }
    ImGui::SetNextItemWidth(170);
    if (ImGui::InputText("##typed", typed_, sizeof typed_, ImGuiInputTextFlags_EnterReturnsTrue)) {
        app.type_time(typed_, &error_);
        typed_for_ = -1;
    }
    editing_ = ImGui::IsItemActive();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Type a UTC time (ISO 8601, e.g. 2026-03-04 12:00) and press Enter");
    ImGui::SameLine();
    if (ImGui::Button("+1 h")) app.time_t = step_time(app.time_t, 3600, from, to);
    ImGui::SameLine();
    if (ImGui::Button("+1 d")) app.time_t = step_time(app.time_t, 86400, from, to);
    ImGui::SameLine();
    if (ImGui::Button(">|")) app.time_t = to;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("End of the window");
    ImGui::SameLine();
    ImGui::TextDisabled("UTC");
    if (!error_.empty()) {
        ImGui::SameLine();
        ImGui::TextColored({0.85f, 0.15f, 0.1f, 1}, "%s", error_.c_str());
    }
}

void TimelinePanel::drawContent(AppState& app) {
    const double from = app.window_from(), to = app.window_to();
    if (!(to > from)) {
        ImGui::TextDisabled("No time window: add tracks or reports (or set the workspace window) to use the timeline.");
        return;
    }
    if (ImGui::Button(app.playing ? "Pause" : "Play")) app.playing = !app.playing;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    float speed_min = static_cast<float>(app.speed / 60.0);
    if (ImGui::SliderFloat("min/s", &speed_min, 0.5f, 240.0f, "%.1f", ImGuiSliderFlags_Logarithmic)) app.speed = speed_min * 60.0;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(100);
    float tail_h = static_cast<float>(app.tail_s / 3600.0);
    if (ImGui::SliderFloat("tail h", &tail_h, 0.25f, 24.0f, "%.2f")) app.tail_s = tail_h * 3600.0;
    ImGui::SameLine();
    ImGui::Checkbox("Full tracks", &app.full_tracks);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off: each vessel's track only for the tail before T; on: the whole window's tracks");
    ImGui::SameLine();
    coverage_as_of_toggle(app);
    time_controls(app, from, to);
    ImGui::SetNextItemWidth(-1);
    const std::string label = geo::format_iso8601(from) + "  ..  " + geo::format_iso8601(to);
    // NoInput: Ctrl+click would otherwise turn the slider into a number field that reads the
    // label's "2026-..." as 2026 seconds after 1970.
    ImGui::SliderScalar("##T", ImGuiDataType_Double, &app.time_t, &from, &to, label.c_str(), ImGuiSliderFlags_NoInput);
    draw_task_bars(app, from, to);
}

}  // namespace tidemark::gui
