// How predictable a suggestion and a plan are, and a drawn suggestion as proposed tasks
// (declared in plan_suggest.h).
#include "layers/plan/plan_suggest.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace tidemark::layers::plan {

double marginal_bits(const Suggester& s) {
    double bits = 0;
    for (int d = 0; d < s.days(); ++d)
        for (double c : s.day_coverage(d).coverage) bits += geo::bernoulli_entropy_bits(c);
    return s.days() ? bits / s.days() : 0;
}

double schedule_entropy_bits(const std::vector<std::vector<std::uint32_t>>& schedules) {
    std::map<std::vector<std::uint32_t>, int> count;
    for (auto day : schedules) {
        std::sort(day.begin(), day.end());
        day.erase(std::unique(day.begin(), day.end()), day.end());
        ++count[day];
    }
    double bits = 0;
    for (const auto& [day, n] : count) {
        const double p = static_cast<double>(n) / static_cast<double>(schedules.size());
        bits -= p * std::log2(p);
    }
    return bits;
}

std::vector<std::vector<std::uint32_t>> plan_schedules(const Suggester& s, const PlanBook& book, const Plan& plan,
                                                       const PlanCoast& coast) {
    std::vector<int> target_of(coast.segments.size(), -1);
    for (std::size_t t = 0; t < s.targets().size(); ++t)
        for (auto i : s.targets()[t].segments) target_of[i] = static_cast<int>(t);
    std::vector<std::vector<std::uint32_t>> days(s.days());
    for (const Task* task : book.tasks_of(plan.name)) {
        if (!is_live(task->status)) continue;
        std::string ignored;
        const auto segs = coast.segments_of(task->stretch, &ignored);
        for (int d = 0; d < s.days(); ++d)
            if (task->from < s.day_to(d) && task->to > s.day_from(d))
                for (auto i : segs)
                    if (target_of[i] >= 0) days[d].push_back(static_cast<std::uint32_t>(target_of[i]));
    }
    for (auto& day : days) {
        std::sort(day.begin(), day.end());
        day.erase(std::unique(day.begin(), day.end()), day.end());
    }
    return days;
}

std::vector<Task> suggestion_tasks(const Suggester& s, const Plan& plan, const std::vector<Sortie>& sorties, std::uint64_t draw) {
    std::vector<Task> out;
    for (const Sortie& so : sorties) {
        const SuggestAsset& a = s.assets()[so.asset];
        std::size_t begin = 0;
        geo::UnixTime from = so.from;
        for (std::size_t p = 0; p < so.targets.size(); ++p) {
            const SuggestTarget& tg = s.targets()[so.targets[p]];
            Task t;
            t.plan = plan.name;
            t.agency = a.agency;
            t.asset = a.vessel.name;
            t.kind = TaskKind::SeaPatrol;
            t.stretch = tg.stretch;
            t.from = from;
            t.to = so.part_to[p];
            t.route.assign(so.route.begin() + static_cast<std::ptrdiff_t>(begin),
                           so.route.begin() + static_cast<std::ptrdiff_t>(so.part_end[p]) + 1);
            if (p > 0) t.route.front().loiter_min = 0;  // loitered there in the part before
            t.route_speed_kn = a.speed_kn;
            t.status = TaskStatus::Proposed;
            char note[200];
            std::snprintf(note, sizeof note, "suggested (seed %llu, draw %llu): visit probability %.2f on the day, risk %.1f; part %zu of %zu of %s's sortie",
                          static_cast<unsigned long long>(s.options().seed), static_cast<unsigned long long>(draw),
                          s.day_coverage(so.day).coverage[so.targets[p]], tg.risk, p + 1, so.targets.size(), a.vessel.name.c_str());
            t.notes = note;
            out.push_back(std::move(t));
            begin = so.part_end[p];
            from = so.part_to[p];
        }
    }
    return out;
}

}  // namespace tidemark::layers::plan
