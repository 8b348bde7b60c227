// The Plan panel's task form: agency, asset (fleet register), kind, window (typed ISO 8601,
// checked as you type), stretch, notes, and the status moves the workflow allows. Saving goes
// through AppState::apply_plan_edit with edit_task and the version the form was loaded from,
// so a change someone made meanwhile is refused with the reason and the form keeps what was
// typed. A new task ("New task here") goes through add_task the same way.
#pragma once

#include "layers/plan/plan.h"
#include "layers/plan/plan_reconcile.h"

#include <cstdint>
#include <string>

namespace tidemark::gui {

class AppState;

class PlanTaskEditor {
public:
    // Loads a stored task for editing (its version is the one Save expects).
    void load(const layers::plan::Task& task);
    // Starts a new task of `plan` on `stretch`, in the plan period, led by `agency`.
    void start_new(const layers::plan::Plan& plan, layers::plan::Stretch stretch, const std::string& agency);
    void close() { open_ = false; error_.clear(); }
    bool open() const { return open_; }
    std::int64_t task_id() const { return open_ && !is_new_ ? task_.id : 0; }
    // Draws the form; false when it is closed.
    bool draw(AppState& app);

private:
    bool save(AppState& app, layers::plan::TaskStatus status);
    void fields(AppState& app, const layers::plan::Plan& plan);
    void outcome(const layers::plan::TaskOutcome& o) const;  // the last reconciliation's verdict
    layers::plan::Task task_;
    std::int64_t loaded_version_ = 0;
    bool open_ = false, is_new_ = false;
    char from_[40] = "", to_[40] = "", notes_[2048] = "";
    std::string error_, done_;
};

}  // namespace tidemark::gui
