// File > Brief...: the briefing pack (PDF) of the current plan for one agency, written by
// render::write_plan_brief as `tidemark plan brief` does. The forecast section uses the last
// forecast of the plan run in this session (Plan panel), else says how to make one. Writing is
// on the UI thread: a brief is one map and a few pages of tables (about a second).
#pragma once

#include <string>

namespace tidemark::gui {

class AppState;

class BriefDialog {
public:
    // Opens the dialog with the agency that leads most coast in the plan and a path beside the workspace.
    void open(const AppState& app);
    void draw(AppState& app);

private:
    bool ask_ = false;
    std::string agency_, error_;
    char path_[512] = "", marking_[64] = "OFFICIAL-SENSITIVE";
};

}  // namespace tidemark::gui
