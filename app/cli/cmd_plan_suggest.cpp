// `tidemark plan suggest`: randomised patrols weighted by risk (layers/plan/plan_suggest.h),
// judged against the objectives and the current plan, optionally forecast and accepted into
// the plan as proposed tasks.
#include "app/cli/plan_commands.h"
#include "app/cli/workspace_option.h"
#include "app/cli/problem_printer.h"
#include "geo/duration.h"
#include "layers/plan/plan_forecast.h"
#include "layers/plan/plan_suggest.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numeric>

namespace tidemark::cli {
namespace {

using namespace layers::plan;

struct SuggestCliOptions {
    std::string workspace, plan;
    std::vector<std::string> assets;
    int days = 0, draws = 1000, visits = 2;
    std::uint64_t seed = 1;
    double stretch_km = 10, sortie_h = 10, loiter_min = 60;
    std::size_t limit = 20;
    bool apply = false, forecast = false;
};

std::string fmt(const char* format, double a) {
    char b[64];
    std::snprintf(b, sizeof b, format, a);
    return b;
}

// What every drawn sortie must satisfy; "" when it does.
std::string infeasible(const Suggester& s, const Sortie& so) {
    const SuggestAsset& a = s.assets()[so.asset];
    if (so.route.size() < 2) return "no route";
    if (so.to - so.from > a.sortie_h * 3600 + 1e-6) return "longer than its sortie";
    if (a.speed_kn > a.vessel.max_speed_kn && a.vessel.max_speed_kn > 0) return "faster than its maximum speed";
    if (so.from < s.day_from(so.day) || so.to > s.day_to(so.day)) return "outside its day";
    for (const auto& b : a.busy)
        if (so.from < b.to && so.to > b.from) return "while unavailable or tasked";
    const auto berth = a.router->at(*a.router->berth());
    if (so.route.front().p.x != berth.x || so.route.front().p.y != berth.y || so.route.back().p.x != berth.x ||
        so.route.back().p.y != berth.y)
        return "does not start and end at base";
    for (std::size_t i = 1; i < so.route.size(); ++i)
        if (!a.router->grid().clear(so.route[i - 1].p, so.route[i].p)) return "crosses land";
    return {};
}

int run_suggest(const SuggestCliOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Plan* p = s->plan(opt.plan, &error);
    if (!p) return fail(error);
    if (opt.draws < 1) return fail("--draws must be at least 1");
    const auto started = std::chrono::steady_clock::now();
    const PlanCoast& coast = s->coast(p->segment_m);
    SuggestOptions so;
    so.assets = opt.assets;
    so.days = opt.days;
    so.seed = opt.seed;
    so.stretch_km = opt.stretch_km;
    so.visits_per_sortie = opt.visits;
    so.sortie_h = opt.sortie_h;
    so.loiter_min = opt.loiter_min;
    Suggester sg(s->ws, s->book, *p, coast, so);
    print_problems(std::cerr, sg.problems());
    if (!sg.ok()) return fail(s->ws.path() + ": " + sg.error());

    // All draws: visit counts per stretch and feasibility of every sortie.
    const auto& targets = sg.targets();
    std::vector<double> drawn(targets.size(), 0), expected(targets.size(), 0), variance(targets.size(), 0);
    for (int d = 0; d < sg.days(); ++d)
        for (std::size_t t = 0; t < targets.size(); ++t) {
            const double c = sg.day_coverage(d).coverage[t];
            expected[t] += c;
            variance[t] += c * (1 - c);
        }
    std::size_t sorties = 0, bad = 0;
    std::string first_bad;
    std::vector<std::vector<Sortie>> first(sg.days());
    std::vector<std::vector<std::vector<std::uint32_t>>> schedules(sg.days());  // per day, per draw: stretches visited
    for (int draw = 0; draw < opt.draws; ++draw)
        for (int d = 0; d < sg.days(); ++d) {
            auto day = sg.draw(d, static_cast<std::uint64_t>(draw));
            auto& visited = schedules[d].emplace_back();
            for (const Sortie& x : day) {
                ++sorties;
                visited.insert(visited.end(), x.targets.begin(), x.targets.end());
                for (auto t : x.targets) drawn[t] += 1;
                if (auto why = infeasible(sg, x); !why.empty()) {
                    if (!bad++) first_bad = sg.assets()[x.asset].vessel.name + " on day " + std::to_string(d + 1) + ": " + why;
                }
            }
            if (draw == 0) first[d] = std::move(day);
        }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::size_t in_reach = 0;
    std::vector<bool> reached(targets.size(), false);
    for (const auto& a : sg.assets())
        for (auto t : a.reach) reached[t] = true;
    for (bool r : reached) in_reach += r;
    std::cout << "plan '" << p->name << "': suggested patrols for " << sg.days() << " day(s) from " << geo::format_iso8601(p->from)
              << ", seed " << opt.seed << ", " << opt.draws << " draw(s)\n";
    std::cout << targets.size() << " stretches of about " << opt.stretch_km << " km; " << in_reach << " within reach of "
              << sg.assets().size() << " asset(s):\n";
    for (std::size_t ai = 0; ai < sg.assets().size(); ++ai) {
        const SuggestAsset& a = sg.assets()[ai];
        int used = 0;
        for (int d = 0; d < sg.days(); ++d) used += std::count(sg.day_assets(d).begin(), sg.day_assets(d).end(), ai) > 0;
        std::cout << "  " << a.vessel.name << " (" << agency_label(s->book, a.agency) << "), base " << a.base << ": sorties up to "
                  << geo::format_duration(a.sortie_h * 3600) << " at " << a.speed_kn << " kn, " << a.reach.size()
                  << " stretches in reach, free on " << used << " of " << sg.days() << " day(s)\n";
    }
    double gain = 0, worst = 0;
    for (int d = 0; d < sg.days(); ++d) gain += sg.day_coverage(d).attacker_gain / sg.days();
    for (const auto& t : targets) worst = std::max(worst, t.risk);
    std::cout << "attacker's best expected gain a day: " << fmt("%.1f", gain) << " (" << fmt("%.1f", worst)
              << " with no patrols: the highest stretch risk)\n";
    // How unpredictable a day is: the entropy of which stretches are visited.
    double drawn_bits = 0;
    for (const auto& day : schedules) drawn_bits += schedule_entropy_bits(day) / sg.days();
    const auto plan_days = plan_schedules(sg, s->book, *p, coast);
    std::cout << "schedule entropy (which stretches are visited on a day): the suggestion " << fmt("%.1f", drawn_bits)
              << " bits over its draws (at most " << fmt("%.1f", std::log2(static_cast<double>(opt.draws)))
              << " with this many draws; at most " << fmt("%.1f", marginal_bits(sg)) << " from the stretches' probabilities); the plan's current tasks "
              << fmt("%.1f", schedule_entropy_bits(plan_days)) << " bits over its " << plan_days.size() << " day(s)\n";

    // Per stretch, highest risk first.
    std::vector<std::size_t> order(targets.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return targets[a].risk > targets[b].risk; });
    std::size_t outside = 0;
    for (std::size_t t = 0; t < targets.size(); ++t) {
        const double mean = opt.draws * expected[t], sd = std::sqrt(opt.draws * variance[t]);
        if (std::abs(drawn[t] - mean) > 2.576 * sd + 1e-9) ++outside;
    }
    std::cout << "per stretch (visit probability a day; expected revisit = 1 day / probability; drawn: visits a day over the "
              << opt.draws << " draws):\n"
              << "  stretch\tkm\trisk\tobjective\tp/day\texpected visits\texpected revisit\tmeets\tdrawn\n";
    const std::size_t rows = opt.limit == 0 ? order.size() : std::min(opt.limit, order.size());
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t t = order[r];
        const SuggestTarget& tg = targets[t];
        const double pday = sg.days() ? expected[t] / sg.days() : 0;
        const double revisit = pday > 0 ? 86400 / pday : INFINITY;
        std::cout << "  " << format_stretch(tg.stretch) << "\t" << fmt("%.1f", tg.length_m / 1000) << "\t" << fmt("%.1f", tg.risk) << "\t"
                  << (tg.risk_accepted ? "risk accepted" : geo::format_duration(tg.objective_s)) << "\t" << fmt("%.3f", pday) << "\t"
                  << fmt("%.2f", expected[t]) << "\t" << (pday > 0 ? geo::format_duration(revisit) : "never") << "\t"
                  << (tg.risk_accepted || revisit <= tg.objective_s ? "yes" : reached[t] ? "no" : "no (out of reach)") << "\t"
                  << fmt("%.3f", sg.days() ? drawn[t] / opt.draws / sg.days() : 0) << "\n";
    }
    if (rows < order.size()) std::cout << "  ... " << order.size() - rows << " more (--limit 0: all)\n";
    std::cout << "draws: " << sorties << " sorties routed in " << fmt("%.2f", seconds) << " s; "
              << (bad ? std::to_string(bad) + " infeasible (first: " + first_bad + ")" : std::string("every one at sea, at cruise speed, within its sortie and endurance, free, from and back to base"))
              << "; " << outside << " of " << targets.size() << " stretches' drawn visits outside their 99 % binomial interval\n";

    std::cout << "suggestion (draw 0):\n";
    for (int d = 0; d < sg.days(); ++d)
        for (const Sortie& x : first[d]) {
            std::string stretches;
            for (auto t : x.targets) stretches += (stretches.empty() ? "" : ", ") + format_stretch(targets[t].stretch);
            std::cout << "  day " << d + 1 << "\t" << sg.assets()[x.asset].vessel.name << "\t" << geo::format_iso8601(x.from) << " to "
                      << geo::format_iso8601(x.to) << "\t" << fmt("%.1f", x.length_m / 1852) << " nm\tsegments " << stretches
                      << (x.via_base ? " (via base)" : "") << "\n";
        }

    std::vector<Task> tasks;
    for (int d = 0; d < sg.days(); ++d) {
        auto day = suggestion_tasks(sg, *p, first[d], 0);
        tasks.insert(tasks.end(), day.begin(), day.end());
    }
    if (opt.forecast) {
        PlanBook with = s->book;
        const EditContext ctx = s->context(p->segment_m);
        for (Task t : tasks)
            if (auto e = add_task(with, ctx, t); !e.empty()) return fail("the suggestion cannot be added to the plan: " + e);
        const Forecast fc = forecast_plan(s->ws, with, *with.find_plan(p->name));
        if (!fc.run.ok) return fail(s->ws.path() + ": " + fc.run.error);
        std::cout << "forecast of the plan with the suggestion (" << fc.routed.size() << " routed tasks): objectives met\n";
        for (const auto& r : fc.by_agency)
            std::cout << "  " << r.name << "\t" << fmt("%.1f", r.coast_m / 1000) << " km\t" << fmt("%.1f", r.met_m / 1000) << " km\t"
                      << fmt("%.1f", r.pct()) << " %\n";
    }
    if (!opt.apply) return kOk;
    const EditContext ctx = s->context(p->segment_m);
    EditError e;
    std::int64_t first_id = 0, last_id = 0;
    for (Task t : tasks) {
        if (e = add_task(s->book, ctx, t); !e.empty()) break;
        if (!first_id) first_id = t.id;
        last_id = t.id;
    }
    if (!e.empty()) return fail(s->ws.path() + ": " + e + "; nothing was changed");
    return finish_edit(*s, e,
                       "added " + std::to_string(tasks.size()) + " proposed task(s)" +
                           (tasks.empty() ? std::string() : " (" + std::to_string(first_id) + "-" + std::to_string(last_id) + ")") +
                           " to plan '" + p->name + "'; accept or edit them with `tidemark plan task`");
}

}  // namespace

void add_plan_suggest_command(CLI::App& plan, Context& ctx) {
    auto opt = std::make_shared<SuggestCliOptions>();
    CLI::App* cmd = plan.add_subcommand("suggest", "Randomised patrols weighted by risk (PROTECT-style), drawn with a seed");
    cmd->add_option("workspace", opt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--plan", opt->plan, "Plan name")->required();
    cmd->add_option("--assets", opt->assets, "Vessels, comma-separated (default: every vessel with a base, speed and endurance)")
        ->delimiter(',');
    cmd->add_option("--days", opt->days, "Days from the plan's start (default: the whole period)");
    cmd->add_option("--draws", opt->draws, "Draws to judge the suggestion by; draw 0 is the suggestion")->required();
    cmd->add_option("--seed", opt->seed, "Seed: the same seed gives the same routes")->required();
    cmd->add_option("--stretch-km", opt->stretch_km, "Length of the stretches patrols are sent to")->capture_default_str();
    cmd->add_option("--visits", opt->visits, "Stretches a sortie visits")->capture_default_str();
    cmd->add_option("--sortie-h", opt->sortie_h, "Longest sortie, hours (capped by endurance)")->capture_default_str();
    cmd->add_option("--loiter", opt->loiter_min, "Minutes on each visited stretch")->capture_default_str();
    cmd->add_option("--limit", opt->limit, "Stretches to print (0: all)")->capture_default_str();
    cmd->add_flag("--forecast", opt->forecast, "Also forecast the plan with the suggestion through the coverage engine");
    cmd->add_flag("--apply", opt->apply, "Add the suggestion to the plan as proposed tasks with routes");
    cmd->callback([opt, &ctx] { ctx.exit_code = run_suggest(*opt); });
}

}  // namespace tidemark::cli
