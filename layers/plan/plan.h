// The joint plan model: agencies, plans (one per period), who leads and supports each coast
// segment, revisit objectives and tasks. UI-free values; plan_store.h keeps them in the
// workspace as ordinary tables, plan_edit.h is the one path every change goes through.
//
// Coast segments are the coverage engine's reporting segments (geo/coast_segments.h) cut from
// the workspace coastline at the plan's segment length, so segment ids are the same as in the
// `segments` coverage layer of a run with that length.
#pragma once

#include "geo/coverage.h"
#include "geo/time.h"
#include "layers/tracks/planned_patrol.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers::plan {

enum class AgencyKind { BorderForce, Police, Coastguard, Nca, Other };
const char* kind_name(AgencyKind k);  // "border_force", "police", ...
std::optional<AgencyKind> agency_kind_from_name(const std::string& name);

struct Agency {
    std::string code;    // e.g. "BFMC", "E23000032"
    std::string name;    // e.g. "Border Force Maritime Command", "Kent Police"
    AgencyKind kind = AgencyKind::Other;
    std::string colour;  // "#rrggbb"
    std::int64_t version = 1;
};

inline constexpr const char* kBorderForceCode = "BFMC";

enum class TaskKind { SeaPatrol, ShorePatrol, Surveillance, ReportResponse };
const char* kind_name(TaskKind k);  // "sea_patrol", ...
std::optional<TaskKind> task_kind_from_name(const std::string& name);

// proposed -> accepted | declined -> done | partly_done | missed | cancelled
enum class TaskStatus { Proposed, Accepted, Declined, Done, PartlyDone, Missed, Cancelled };
const char* status_name(TaskStatus s);
std::optional<TaskStatus> task_status_from_name(const std::string& name);
// Whether a task in this status is (or was) meant to happen: counted by checks and forecasts.
bool is_committed(TaskStatus s);  // accepted, done, partly_done, missed
// Whether it still holds its asset and stretch (not declined or cancelled).
bool is_live(TaskStatus s);
// The moves the status workflow allows (the same status is always allowed).
bool status_move_allowed(TaskStatus from, TaskStatus to);

// A run of consecutive segments along one coastline line, both ends included. On a ring
// (closed line) `from > to` wraps past the line's last segment to its first.
struct Stretch {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
};

struct Task {
    std::int64_t id = 0;  // unique in the workspace, 1-based
    std::string plan;     // the plan's name
    std::string agency;   // agency code
    std::string asset;    // vessel name in the fleet register, "" for none
    TaskKind kind = TaskKind::SeaPatrol;
    Stretch stretch;
    geo::UnixTime from = 0, to = 0;  // the task's window [from, to)
    // Optional route: waypoints (working CRS) with loiter minutes, sailed at route_speed_kn
    // (0: the asset's cruise speed) from `from`. Routed tasks are what the forecast sails.
    std::vector<PlannedWaypoint> route;
    double route_speed_kn = 0;
    TaskStatus status = TaskStatus::Proposed;
    std::string notes;
    std::vector<std::string> reports;  // linked Kraken report ids
    std::string created_by, updated_by;
    geo::UnixTime created_at = 0, updated_at = 0;
    std::int64_t version = 1;  // every change increments it
};

// A revisit objective on a stretch: the target that overrides the plan's default there, or a
// note that the risk of leaving it uncovered is accepted (and why, by whom).
struct Objective {
    Stretch stretch;
    double revisit_s = 0;       // 0: the plan's default
    std::string reason;         // why this target
    std::string risk_accepted;  // non-empty: an uncovered stretch here is accepted, with this note
};

struct Plan {
    std::string name;  // unique in the workspace (case-insensitive); `--plan NAME`
    geo::UnixTime from = 0, to = 0;  // the plan period [from, to)
    double segment_m = 1000;         // segment length the stretches refer to
    std::uint32_t segment_count = 0; // segments of the coast at that length when the plan was made
    double revisit_s = 24 * 3600;    // default revisit objective
    // Per segment: the lead agency's code ("" none) and the supporting agency codes.
    std::vector<std::string> lead;
    std::vector<std::vector<std::string>> support;
    std::vector<Objective> objectives;
    std::string created_by, updated_by;
    geo::UnixTime created_at = 0, updated_at = 0;
    std::int64_t version = 1;
};

// Everything plan-related a workspace holds.
struct PlanBook {
    std::vector<Agency> agencies;
    std::vector<Plan> plans;
    std::vector<Task> tasks;  // of every plan, by id

    Plan* find_plan(const std::string& name);
    const Plan* find_plan(const std::string& name) const;
    // By code, then by name (case-insensitive), then a name that begins with `text` + " "
    // (the fleet register's "Border Force" is "Border Force Maritime Command").
    const Agency* find_agency(const std::string& text) const;
    Task* find_task(std::int64_t id);
    const Task* find_task(std::int64_t id) const;
    std::vector<const Task*> tasks_of(const std::string& plan) const;
    std::int64_t next_task_id() const;
};

// Human text for the agency: "Kent Police (E23000032)"; the code alone when unknown.
std::string agency_label(const PlanBook& book, const std::string& code);

}  // namespace tidemark::layers::plan
