#include "app/gui/panels/plan_task_list.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/plan_widgets.h"
#include "app/gui/plan_format.h"
#include "geo/duration.h"

#include <imgui.h>

#include <algorithm>
#include <set>

namespace tidemark::gui {
namespace {

namespace plan = layers::plan;

ImVec4 status_colour(plan::TaskStatus s) {
    switch (s) {
    case plan::TaskStatus::Proposed: return {0.20f, 0.35f, 0.70f, 1};
    case plan::TaskStatus::Accepted: return {0.10f, 0.50f, 0.15f, 1};
    case plan::TaskStatus::Done: return {0.05f, 0.35f, 0.10f, 1};
    case plan::TaskStatus::PartlyDone: return {0.75f, 0.45f, 0.00f, 1};
    case plan::TaskStatus::Missed: return {0.80f, 0.10f, 0.10f, 1};
    case plan::TaskStatus::Declined:
    case plan::TaskStatus::Cancelled: return {0.45f, 0.45f, 0.45f, 1};
    }
    return {0, 0, 0, 1};
}

}  // namespace

std::int64_t PlanTaskList::draw(AppState& app, std::int64_t selected, float height) {
    const plan::Plan* p = app.plan.plan();
    if (!p) return 0;
    const plan::PlanBook& book = app.plan.book();
    const plan::PlanCoast& coast = app.plan_coast(p->segment_m);

    // Filters: one line of three narrow controls.
    const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    ImGui::SetNextItemWidth(w);
    agency_combo("##agency", book, &agency_, "(any agency)");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    const std::string status_preview = status_ < 0 ? "(any status)" : words(plan::status_name(plan::TaskStatus(status_)));
    if (ImGui::BeginCombo("##status", status_preview.c_str())) {
        if (ImGui::Selectable("(any status)", status_ < 0)) status_ = -1;
        for (int s = 0; s <= static_cast<int>(plan::TaskStatus::Cancelled); ++s)
            if (ImGui::Selectable(words(plan::status_name(plan::TaskStatus(s))).c_str(), s == status_)) status_ = s;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (!app.plan.selection) on_selection_ = false;
    ImGui::BeginDisabled(!app.plan.selection);
    ImGui::Checkbox("on stretch", &on_selection_);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Only tasks covering the stretch picked on the map (Stretch tool)");

    std::set<std::uint32_t> picked;
    if (on_selection_ && app.plan.selection) {
        std::string ignored;
        for (auto i : coast.segments_of(*app.plan.selection, &ignored)) picked.insert(i);
    }
    std::vector<const plan::Task*> rows;
    for (const plan::Task* t : book.tasks_of(p->name)) {
        if (!agency_.empty() && t->agency != agency_) continue;
        if (status_ >= 0 && static_cast<int>(t->status) != status_) continue;
        if (!picked.empty()) {
            std::string ignored;
            const auto segs = coast.segments_of(t->stretch, &ignored);
            if (std::none_of(segs.begin(), segs.end(), [&](std::uint32_t s) { return picked.count(s) > 0; })) continue;
        }
        rows.push_back(t);
    }
    std::sort(rows.begin(), rows.end(), [](const plan::Task* a, const plan::Task* b) {
        return a->from != b->from ? a->from < b->from : a->id < b->id;
    });
    ImGui::TextDisabled("%zu of %zu task(s); click one to edit it", rows.size(), book.tasks_of(p->name).size());

    std::int64_t clicked = 0;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    if (!ImGui::BeginTable("tasks", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                           {0, height}))
        return 0;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000").x);
    ImGui::TableSetupColumn("agency, asset, kind / window", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("status", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("partly done ").x);
    ImGui::TableHeadersRow();
    for (const plan::Task* t : rows) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(static_cast<int>(t->id));
        if (ImGui::Selectable(std::to_string(t->id).c_str(), t->id == selected,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap, {0, 2 * line - 4}))
            clicked = t->id;
        ImGui::TableSetColumnIndex(1);
        agency_swatch(book, t->agency);
        ImGui::SameLine();
        const plan::Agency* a = book.find_agency(t->agency);
        ImGui::Text("%s  \xc2\xb7  %s", a ? a->name.c_str() : t->agency.c_str(), t->asset.empty() ? "no asset" : t->asset.c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\nsegments %s%s", plan::agency_label(book, t->agency).c_str(),
                              plan::format_stretch(t->stretch).c_str(), t->route.empty() ? "" : "\nrouted: sailed by the forecast");
        ImGui::TextDisabled("%s  \xc2\xb7  %s (%s)", words(plan::kind_name(t->kind)).c_str(), window_text(t->from, t->to).c_str(),
                            geo::format_duration(t->to - t->from).c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextColored(status_colour(t->status), "%s", words(plan::status_name(t->status)).c_str());
        ImGui::TextDisabled("%s", km_text(coast.length_of(t->stretch)).c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
    return clicked;
}

}  // namespace tidemark::gui
