#include "app/gui/panels/plan_task_editor.h"

#include "app/gui/app_state.h"
#include "app/gui/coverage_job.h"
#include "app/gui/panels/plan_widgets.h"
#include "app/gui/plan_format.h"
#include "geo/duration.h"

#include <imgui.h>

#include <algorithm>

namespace tidemark::gui {
namespace {

namespace plan = layers::plan;

// The button that moves a task into a status, as a verb (short enough for the side bar).
const char* move_verb(plan::TaskStatus s) {
    switch (s) {
    case plan::TaskStatus::Proposed: return "Re-propose";
    case plan::TaskStatus::Accepted: return "Accept";
    case plan::TaskStatus::Declined: return "Decline";
    case plan::TaskStatus::Done: return "Done";
    case plan::TaskStatus::PartlyDone: return "Partly done";
    case plan::TaskStatus::Missed: return "Missed";
    case plan::TaskStatus::Cancelled: return "Cancel task";
    }
    return "?";
}

constexpr plan::TaskStatus kStatuses[] = {plan::TaskStatus::Proposed, plan::TaskStatus::Accepted,
                                          plan::TaskStatus::Declined, plan::TaskStatus::Done,
                                          plan::TaskStatus::PartlyDone, plan::TaskStatus::Missed,
                                          plan::TaskStatus::Cancelled};

}  // namespace

void PlanTaskEditor::load(const plan::Task& task) {
    task_ = task;
    loaded_version_ = task.version;
    open_ = true;
    is_new_ = false;
    copy_to_field(from_, iso_minutes(task.from));
    copy_to_field(to_, iso_minutes(task.to));
    copy_to_field(notes_, task.notes);
    error_.clear();
    done_.clear();
}

void PlanTaskEditor::start_new(const plan::Plan& p, plan::Stretch stretch, const std::string& agency) {
    task_ = {};
    task_.plan = p.name;
    task_.agency = agency;
    task_.stretch = stretch;
    // A day shift on the plan's first day: a starting point people change, inside the period.
    task_.from = std::min(p.from + 8 * 3600, p.to);
    task_.to = std::min(task_.from + 12 * 3600, p.to);
    if (!(task_.to > task_.from)) task_.from = p.from, task_.to = p.to;
    loaded_version_ = 0;
    open_ = true;
    is_new_ = true;
    copy_to_field(from_, iso_minutes(task_.from));
    copy_to_field(to_, iso_minutes(task_.to));
    notes_[0] = 0;
    error_.clear();
    done_.clear();
}

void PlanTaskEditor::fields(AppState& app, const plan::Plan& p) {
    const plan::PlanBook& book = app.plan.book();
    const float field_w = ImGui::GetContentRegionAvail().x - 90;
    ImGui::SetNextItemWidth(field_w);
    agency_combo("Agency", book, &task_.agency);

    ImGui::SetNextItemWidth(field_w);
    const std::string asset_preview = task_.asset.empty() ? "(none)" : task_.asset;
    if (ImGui::BeginCombo("Asset", asset_preview.c_str())) {
        if (ImGui::Selectable("(none)", task_.asset.empty())) task_.asset.clear();
        for (const layers::Vessel& v : app.plan.fleet) {
            const std::string owner = v.agency.empty() ? "" : "  (" + plan::agency_label(book, v.agency) + ")";
            if (ImGui::Selectable((v.name + owner).c_str(), v.name == task_.asset)) task_.asset = v.name;
        }
        if (app.plan.fleet.empty()) ImGui::TextDisabled("No fleet register: import one with `%s`", kFleetImportCommand);
        ImGui::EndCombo();
    }

    ImGui::SetNextItemWidth(field_w);
    if (ImGui::BeginCombo("Kind", words(plan::kind_name(task_.kind)).c_str())) {
        for (auto k : {plan::TaskKind::SeaPatrol, plan::TaskKind::ShorePatrol, plan::TaskKind::Surveillance,
                       plan::TaskKind::ReportResponse})
            if (ImGui::Selectable(words(plan::kind_name(k)).c_str(), k == task_.kind)) task_.kind = k;
        ImGui::EndCombo();
    }

    ImGui::SetNextItemWidth(field_w);
    ImGui::InputTextWithHint("From (UTC)", "2026-03-02T08:00Z", from_, sizeof from_);
    ImGui::SetNextItemWidth(field_w);
    ImGui::InputTextWithHint("To (UTC)", "2026-03-02T20:00Z", to_, sizeof to_);
    // Checked as typed, so a bad window is seen before Save.
    std::string why, why_to;
    const auto from = parse_typed_time("From", from_, &why);
    const auto to = parse_typed_time("To", to_, &why_to);
    if (why.empty()) why = why_to;
    if (!from || !to) {
        ImGui::TextColored(kErrorColour, "%s", why.c_str());
    } else if (!(*to > *from)) {
        ImGui::TextColored(kErrorColour, "The window ends before it starts: To must follow From");
    } else {
        ImGui::TextDisabled("%s (%s)", window_text(*from, *to).c_str(), geo::format_duration(*to - *from).c_str());
        if (*from < p.from || *to > p.to)
            ImGui::TextColored(kWarningColour, "Outside the plan period (%s)", period_text(p.from, p.to).c_str());
    }

    int seg[2] = {static_cast<int>(task_.stretch.from), static_cast<int>(task_.stretch.to)};
    ImGui::SetNextItemWidth(field_w);
    if (ImGui::InputInt2("Segments", seg)) {
        task_.stretch.from = static_cast<std::uint32_t>(std::max(0, seg[0]));
        task_.stretch.to = static_cast<std::uint32_t>(std::max(0, seg[1]));
    }
    const plan::PlanCoast& coast = app.plan_coast(p.segment_m);
    std::string stretch_error;
    if (coast.segments_of(task_.stretch, &stretch_error).empty())
        ImGui::TextColored(kErrorColour, "%s", stretch_error.c_str());
    else
        ImGui::TextDisabled("%s of coast%s", km_text(coast.length_of(task_.stretch)).c_str(),
                            coast.force_code(task_.stretch.from).empty()
                                ? ""
                                : (", " + plan::agency_label(book, coast.force_code(task_.stretch.from))).c_str());
    if (app.plan.selection) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Use map selection")) task_.stretch = *app.plan.selection;
    }
    app.plan.highlight = task_.stretch;
    app.plan.highlight_task = is_new_ ? 0 : task_.id;

    ImGui::InputTextMultiline("Notes", notes_, sizeof notes_, {field_w, ImGui::GetTextLineHeight() * 3.5f});
    if (!task_.route.empty())
        ImGui::TextDisabled("Route: %zu waypoints%s (change it with `tidemark plan task edit --route`)", task_.route.size(),
                            task_.route_speed_kn > 0 ? (" at " + std::to_string(static_cast<int>(task_.route_speed_kn)) + " kn").c_str()
                                                     : " at the asset's cruise speed");
    if (const plan::TaskOutcome* o = is_new_ ? nullptr : app.plan.outcome_of(task_.id)) outcome(*o);
}

void PlanTaskEditor::outcome(const plan::TaskOutcome& o) const {
    ImGui::Separator();
    ImGui::TextUnformatted("Planned vs actual (Reconcile):");
    ImGui::SameLine();
    if (o.earned) ImGui::TextColored(*o.earned == plan::TaskStatus::Done ? kDoneColour : kWarningColour, "earned %s",
                                     words(plan::status_name(*o.earned)).c_str());
    else ImGui::TextDisabled("not judged");
    ImGui::PushTextWrapPos(0);
    if (!o.note.empty()) ImGui::TextUnformatted(o.note.c_str());
    if (o.has_tracks)
        ImGui::Text("Observed %.0f %% of the stretch by %s, %.0f %% by any vessel of the agency", 100 * o.own_fraction,
                    task_.asset.empty() ? "the agency" : task_.asset.c_str(), 100 * o.agency_fraction);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (o.first_seen && o.last_seen)
        ImGui::Text("Seen on it %s; %.0f of %.0f segment-hours achieved", window_text(*o.first_seen, *o.last_seen).c_str(),
                    o.achieved_segment_h, o.planned_segment_h);
    ImGui::TextUnformatted("Map: planned route dashed blue, the asset's actual track in the window solid magenta");
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

bool PlanTaskEditor::save(AppState& app, plan::TaskStatus status) {
    error_.clear();
    done_.clear();
    std::string why_to;
    const auto from = parse_typed_time("From", from_, &error_);
    const auto to = parse_typed_time("To", to_, &why_to);
    if (error_.empty()) error_ = why_to;
    if (!from || !to) return false;
    const plan::Plan* p = app.plan.book().find_plan(task_.plan);
    if (!p) {
        error_ = "plan '" + task_.plan + "' no longer exists (undone?)";
        return false;
    }
    plan::Task t = task_;
    t.from = *from;
    t.to = *to;
    t.notes = notes_;
    t.status = status;
    const plan::EditContext ctx = app.plan_context(p->segment_m);
    if (is_new_) {
        plan::Task added;
        error_ = app.apply_plan_edit("Add task on segments " + plan::format_stretch(t.stretch), [&](plan::PlanBook& b) {
            added = t;
            return plan::add_task(b, ctx, added);
        });
        if (!error_.empty()) return false;
        load(*app.plan.book().find_task(added.id));
        done_ = "Added task " + std::to_string(added.id) + " (proposed)";
        return true;
    }
    error_ = app.apply_plan_edit("Edit task " + std::to_string(t.id), [&](plan::PlanBook& b) {
        return plan::edit_task(b, ctx, t, loaded_version_);
    });
    if (!error_.empty()) return false;
    const plan::Task* stored = app.plan.book().find_task(t.id);
    load(*stored);
    done_ = "Saved: task " + std::to_string(t.id) + " is now version " + std::to_string(stored->version);
    return true;
}

bool PlanTaskEditor::draw(AppState& app) {
    if (!open_) return false;
    const plan::Plan* p = app.plan.book().find_plan(task_.plan);
    if (!p) { close(); return false; }
    ImGui::PushID("task_editor");
    if (is_new_) {
        ImGui::Text("New task on plan '%s'", p->name.c_str());
    } else {
        ImGui::Text("Task %lld", static_cast<long long>(task_.id));
        ImGui::SameLine();
        ImGui::TextDisabled("version %lld, %s by %s", static_cast<long long>(loaded_version_),
                            task_.updated_at > 0 ? utc_short(task_.updated_at).c_str() : "",
                            task_.updated_by.empty() ? "?" : task_.updated_by.c_str());
    }
    fields(app, *p);
    const plan::Task* stored = is_new_ ? nullptr : app.plan.book().find_task(task_.id);
    if (is_new_) {
        if (ImGui::Button("Add task")) save(app, plan::TaskStatus::Proposed);
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) close();
    } else {
        const plan::TaskStatus now = stored ? stored->status : task_.status;
        if (ImGui::Button("Save")) save(app, now);
        ImGui::SameLine();
        if (ImGui::Button("Close")) close();
        ImGui::SameLine();
        ImGui::TextDisabled("status: %s", words(plan::status_name(now)).c_str());
        // Only the moves the workflow allows from the stored status; each saves the form too.
        bool first = true;
        for (plan::TaskStatus s : kStatuses) {
            if (s == now || !plan::status_move_allowed(now, s)) continue;
            if (!first) ImGui::SameLine();
            first = false;
            if (ImGui::Button(move_verb(s))) save(app, s);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save the form with status %s", words(plan::status_name(s)).c_str());
        }
    }
    if (!error_.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColour, "Not saved: %s", error_.c_str());
        ImGui::PopTextWrapPos();
    } else if (!done_.empty()) {
        ImGui::TextColored(kDoneColour, "%s", done_.c_str());
    }
    ImGui::PopID();
    return open_;
}

}  // namespace tidemark::gui
