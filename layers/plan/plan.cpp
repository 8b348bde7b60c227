#include "layers/plan/plan.h"

#include "layers/io/csv_text.h"

#include <algorithm>
#include <array>

namespace tidemark::layers::plan {
namespace {

template <typename E, std::size_t N>
std::optional<E> from_name(const std::array<const char*, N>& names, const std::string& name) {
    for (std::size_t i = 0; i < N; ++i)
        if (iequals(names[i], name)) return static_cast<E>(i);
    return std::nullopt;
}

constexpr std::array<const char*, 5> kAgencyKinds{"border_force", "police", "coastguard", "nca", "other"};
constexpr std::array<const char*, 4> kTaskKinds{"sea_patrol", "shore_patrol", "surveillance", "report_response"};
constexpr std::array<const char*, 7> kStatuses{"proposed", "accepted", "declined", "done",
                                               "partly_done", "missed", "cancelled"};

}  // namespace

const char* kind_name(AgencyKind k) { return kAgencyKinds[static_cast<std::size_t>(k)]; }
std::optional<AgencyKind> agency_kind_from_name(const std::string& name) {
    return from_name<AgencyKind>(kAgencyKinds, name);
}
const char* kind_name(TaskKind k) { return kTaskKinds[static_cast<std::size_t>(k)]; }
std::optional<TaskKind> task_kind_from_name(const std::string& name) { return from_name<TaskKind>(kTaskKinds, name); }
const char* status_name(TaskStatus s) { return kStatuses[static_cast<std::size_t>(s)]; }
std::optional<TaskStatus> task_status_from_name(const std::string& name) {
    return from_name<TaskStatus>(kStatuses, name);
}

bool is_committed(TaskStatus s) {
    return s == TaskStatus::Accepted || s == TaskStatus::Done || s == TaskStatus::PartlyDone || s == TaskStatus::Missed;
}

bool is_live(TaskStatus s) { return s != TaskStatus::Declined && s != TaskStatus::Cancelled; }

bool status_move_allowed(TaskStatus from, TaskStatus to) {
    using S = TaskStatus;
    if (from == to) return true;
    switch (from) {
    case S::Proposed: return to == S::Accepted || to == S::Declined || to == S::Cancelled;
    case S::Accepted: return to == S::Done || to == S::PartlyDone || to == S::Missed || to == S::Cancelled;
    case S::Declined: return to == S::Proposed;  // re-proposed after a change
    // Reconciliation may revise an outcome when late tracks arrive.
    case S::Done:
    case S::PartlyDone:
    case S::Missed: return to == S::Done || to == S::PartlyDone || to == S::Missed;
    case S::Cancelled: return false;
    }
    return false;
}

Plan* PlanBook::find_plan(const std::string& name) {
    for (Plan& p : plans)
        if (iequals(p.name, name)) return &p;
    return nullptr;
}
const Plan* PlanBook::find_plan(const std::string& name) const { return const_cast<PlanBook*>(this)->find_plan(name); }

const Agency* PlanBook::find_agency(const std::string& text) const {
    if (text.empty()) return nullptr;
    for (const Agency& a : agencies)
        if (iequals(a.code, text)) return &a;
    for (const Agency& a : agencies)
        if (iequals(a.name, text)) return &a;
    for (const Agency& a : agencies)
        if (a.name.size() > text.size() && a.name[text.size()] == ' ' && iequals(a.name.substr(0, text.size()), text))
            return &a;
    return nullptr;
}

Task* PlanBook::find_task(std::int64_t id) {
    for (Task& t : tasks)
        if (t.id == id) return &t;
    return nullptr;
}
const Task* PlanBook::find_task(std::int64_t id) const { return const_cast<PlanBook*>(this)->find_task(id); }

std::vector<const Task*> PlanBook::tasks_of(const std::string& plan) const {
    std::vector<const Task*> out;
    for (const Task& t : tasks)
        if (iequals(t.plan, plan)) out.push_back(&t);
    return out;
}

std::int64_t PlanBook::next_task_id() const {
    std::int64_t id = 0;
    for (const Task& t : tasks) id = std::max(id, t.id);
    return id + 1;
}

std::string agency_label(const PlanBook& book, const std::string& code) {
    if (code.empty()) return "(none)";
    const Agency* a = book.find_agency(code);
    if (!a || a->name == a->code) return code;
    return a->name + " (" + a->code + ")";
}

}  // namespace tidemark::layers::plan
