#include "app/cli/plan_session.h"

#include "app/cli/open_workspace.h"
#include "app/cli/problem_printer.h"
#include "layers/plan/plan_store.h"
#include "layers/team/pg_connection.h"

#include <chrono>
#include <cstdlib>
#include <iostream>

namespace tidemark::cli {

std::string current_user() {
    for (const char* var : {"TIDEMARK_USER", "USER", "LOGNAME"})
        if (const char* v = std::getenv(var); v && *v) return v;
    return "unknown";
}

std::optional<PlanSession> PlanSession::open(const std::string& path, std::string* error, const std::string& as_of) {
    auto ws = open_workspace(path, error, as_of);
    if (!ws) return std::nullopt;
    PlanSession s;
    s.ws = std::move(*ws);
    s.fleet = layers::load_fleet(s.ws);
    geo::Problems problems;
    s.book = layers::plan::load_plan_book(s.ws, problems);
    if (!problems.empty()) {
        std::cerr << "tidemark: " << path << ": plan rows that cannot be read are left out:\n";
        print_problems(std::cerr, problems);
    }
    return s;
}

const layers::plan::Plan* PlanSession::plan(const std::string& name, std::string* error) const {
    if (const auto* p = book.find_plan(name)) return p;
    std::string names;
    for (const auto& p : book.plans) names += (names.empty() ? "" : ", ") + p.name;
    *error = ws.path() + ": no plan named '" + name + "'" +
             (names.empty() ? "; create one with `tidemark plan new`" : " (plans: " + names + ")");
    return nullptr;
}

const layers::plan::PlanCoast& PlanSession::coast(double segment_m) {
    auto it = coasts_.find(segment_m);
    if (it == coasts_.end()) {
        geo::Problems problems;
        it = coasts_.emplace(segment_m, layers::plan::plan_coast(ws, segment_m, problems)).first;
        print_problems(std::cerr, problems);
    }
    return it->second;
}

layers::plan::EditContext PlanSession::context(double segment_m) {
    layers::plan::EditContext ctx;
    ctx.coast = &coast(segment_m);
    ctx.fleet = &fleet;
    // On a team workspace the database knows the person: rows are stamped with the login.
    const std::string login = layers::team::url_login(ws.path());
    ctx.user = login.empty() ? current_user() : login;
    ctx.now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    return ctx;
}

bool PlanSession::save(std::string* error) {
    layers::plan::store_plan_book(ws, book);
    return ws.save(error);
}

}  // namespace tidemark::cli
