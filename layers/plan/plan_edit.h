// Every change to plans goes through these edits, from the CLI and from the app alike. Each
// checks its input first and changes nothing when it is refused: the returned text names the
// value and what was expected. PlanEditor applies them on a copy, so a refused edit leaves the
// book as it was, and keeps undo/redo.
#pragma once

#include "layers/tracks/fleet.h"
#include "layers/plan/plan.h"
#include "layers/plan/plan_coast.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers::plan {

// What edits check against and stamp rows with.
struct EditContext {
    const PlanCoast* coast = nullptr;
    const std::vector<Vessel>* fleet = nullptr;
    std::string user;         // who makes the change
    geo::UnixTime now = 0;    // when
};

// "" when the edit was applied; otherwise why not.
using EditError = std::string;

// The forces of the coast (code, name) as police agencies plus Border Force Maritime Command,
// each with a distinct colour; agencies already in the book are kept as they are.
void seed_agencies(PlanBook& book, const PlanCoast& coast);

EditError add_agency(PlanBook& book, Agency agency);

struct NewPlan {
    std::string name;
    geo::UnixTime from = 0, to = 0;
    double segment_m = 1000;
    double revisit_s = 24 * 3600;
};
// Default responsibility: the police force whose area holds a segment leads it; Border Force
// supports everywhere (segments with no force area have no lead until one is assigned).
EditError new_plan(PlanBook& book, const EditContext& ctx, const NewPlan& plan);

struct Assignment {
    std::vector<Stretch> stretches;
    std::optional<std::string> lead;     // new lead agency ("" clears it)
    std::vector<std::string> add_support, remove_support;
};
EditError assign(PlanBook& book, const EditContext& ctx, const std::string& plan, const Assignment& a);

EditError set_objective(PlanBook& book, const EditContext& ctx, const std::string& plan, const Objective& o);

// Adds `task` (id and who/when are filled in; task.id is set on success).
EditError add_task(PlanBook& book, const EditContext& ctx, Task& task);

// Replaces the task with the same id by `edited`, when `expected_version` is the stored one
// (a change made meanwhile by someone else is refused, naming who and when).
EditError edit_task(PlanBook& book, const EditContext& ctx, const Task& edited, std::int64_t expected_version);

EditError set_status(PlanBook& book, const EditContext& ctx, std::int64_t task_id, TaskStatus status,
                     const std::string& note = {});

// Applies edits on a copy of the book; keeps the states before each for undo.
class PlanEditor {
public:
    explicit PlanEditor(PlanBook book = {}) : book_(std::move(book)) {}
    const PlanBook& book() const { return book_; }
    // Runs `edit` on a copy; on success the copy becomes the book and `label` goes on the undo stack.
    EditError apply(const std::string& label, const std::function<EditError(PlanBook&)>& edit);
    bool undo();
    bool redo();
    std::string undo_label() const { return undo_.empty() ? std::string() : undo_.back().label; }
    std::string redo_label() const { return redo_.empty() ? std::string() : redo_.back().label; }
    // Counts applied edits (undo and redo included): the workspace is unsaved while it differs.
    std::uint64_t revision() const { return revision_; }

private:
    struct Step {
        std::string label;
        PlanBook book;
    };
    PlanBook book_;
    std::vector<Step> undo_, redo_;
    std::uint64_t revision_ = 0;
};

}  // namespace tidemark::layers::plan
