// The briefing pack of a joint plan for one agency (`tidemark plan brief`, File > Brief): a PDF
// a liaison officer takes into a tasking meeting. Page 1 is the agency's stretch of coast
// through the standard map frame (its lead coast in its colour, its tasks, the gaps that
// concern it, marking, scale, north arrow, attribution); the following pages list its tasks,
// the objectives it carries, last period's gaps and recent graded Kraken reports on its coast,
// and the forecast against its objectives, under the same marking and "as of" line.
#pragma once

#include "geo/time.h"
#include "layers/plan/plan.h"
#include "layers/plan/plan_forecast.h"
#include "layers/workspace.h"

#include <optional>
#include <string>

namespace tidemark::render {

struct BriefOptions {
    std::string marking = "OFFICIAL-SENSITIVE";
    std::optional<geo::UnixTime> generated_at;  // default: now (the "as of" time)
};

// Writes the pack atomically to `path` (.pdf). `forecast` may be null (no forecast section then
// says how to make one). false with `error` naming what went wrong.
bool write_plan_brief(const layers::Workspace& ws, const layers::plan::PlanBook& book, const layers::plan::Plan& plan,
                      const std::string& agency_code, const layers::plan::Forecast* forecast, const BriefOptions& options,
                      const std::string& path, std::string* error);

}  // namespace tidemark::render
