// Shared by the `tidemark plan` command files (cmd_plan*.cpp).
#pragma once

#include "app/cli/command.h"
#include "app/cli/plan_session.h"
#include "geo/time.h"
#include "layers/plan/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::cli {

void add_plan_task_commands(CLI::App& plan, Context& ctx);
void add_plan_check_commands(CLI::App& plan, Context& ctx);
void add_plan_brief_command(CLI::App& plan, Context& ctx);
void add_plan_suggest_command(CLI::App& plan, Context& ctx);

// Option parsers: nullopt with `error` naming the option, the value and what was expected.
std::optional<geo::UnixTime> parse_time_option(const std::string& option, const std::string& text, std::string* error);
std::optional<std::vector<layers::plan::Stretch>> parse_stretches(const std::vector<std::string>& texts, std::string* error);
std::optional<double> parse_duration_option(const std::string& option, const std::string& text, std::string* error);

// Saves after an edit and prints `done`; on a refused edit prints why and exits 1 (nothing written).
int finish_edit(PlanSession& s, const layers::plan::EditError& e, const std::string& done);

}  // namespace tidemark::cli
