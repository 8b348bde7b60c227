// "New plan": name, period (typed ISO 8601, UTC), default revisit target ("24 h") and segment
// length (the coverage run's, so last period's gaps line up). Creates it through
// AppState::apply_plan_edit with layers::plan::new_plan, then makes it the current plan.
#pragma once

#include <string>

namespace tidemark::gui {

class AppState;

class PlanNewForm {
public:
    // Fills the fields from the workspace: the week after its window, its coverage segment length.
    void open(const AppState& app);
    bool is_open() const { return open_; }
    void draw(AppState& app);

private:
    bool open_ = false;
    char name_[128] = "", from_[40] = "", to_[40] = "", revisit_[32] = "24 h";
    float segment_m_ = 1000;
    std::string error_;
};

}  // namespace tidemark::gui
