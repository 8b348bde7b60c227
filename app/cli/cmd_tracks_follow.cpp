// `tidemark tracks import WS LOG --follow`: keeps importing an AIS log that a receiver
// (AIS-catcher, rtl-ais, a gpsd relay) appends to. Lines are decoded as they arrive; the fixes
// read so far are committed to the workspace every --batch-lines lines or --batch-seconds,
// whichever comes first. SIGINT/SIGTERM: the lines already in the file are read, committed,
// and a summary printed; a second signal stops reading at once (what was read is still
// committed). A truncated or replaced log is read again from its start, with a note.
#include "app/cli/open_workspace.h"
#include "app/cli/problem_printer.h"
#include "app/cli/tracks_commands.h"
#include "geo/track_builder.h"
#include "layers/ais/ais_log.h"
#include "layers/tracks/ais_positions.h"
#include "layers/io/log_follower.h"

#include <chrono>
#include <csignal>
#include <ctime>
#include <iostream>
#include <set>
#include <utility>

namespace tidemark::cli {
namespace {

using Clock = std::chrono::steady_clock;
namespace ais = layers::ais;

// How long to wait at the end of the log before looking again. Receivers write a few lines a
// second; a fifth of a second keeps the import close behind without measurable CPU.
constexpr long kPollNanoseconds = 200'000'000;

// The one mutable global: a signal handler can reach nothing else. Counts stop requests.
volatile std::sig_atomic_t g_stop_requests = 0;

extern "C" void request_stop(int) { g_stop_requests = g_stop_requests + 1; }

// Installs the stop handlers for its lifetime (no SA_RESTART, so the poll's sleep ends at once)
// and puts the previous ones back.
class StopSignals {
public:
    StopSignals() {
        g_stop_requests = 0;
        struct sigaction sa {};
        sa.sa_handler = request_stop;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &old_int_);
        sigaction(SIGTERM, &sa, &old_term_);
    }
    ~StopSignals() {
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

private:
    struct sigaction old_int_ {}, old_term_ {};
};

// The tracks the workspace held before, plus those of this log, stored at each commit.
class FollowSession {
public:
    FollowSession(layers::Workspace& ws, const TrackImportOptions& opt, std::vector<layers::Vessel> fleet)
        : ws_(ws), opt_(opt), fleet_(std::move(fleet)),
          to_working_(geo::Crs::wgs84(), ws.crs()), positions_(to_working_, opt.files.front()) {
        if (!opt.replace) base_ = layers::load_tracks(ws);
        // A restarted follow reads the log from its start again: fixes already stored (same
        // MMSI, same time) are not stored twice.
        for (const geo::Track& t : base_)
            if (t.mmsi)
                for (const auto& leg : t.legs)
                    for (const geo::Fix& f : leg.fixes) stored_.insert({t.mmsi, f.t});
    }

    layers::AisPositions& positions() { return positions_; }

    // Builds this log's tracks from every fix read so far and saves them beside the others.
    bool commit(std::string* error) {
        auto& reports = positions_.reports;
        std::size_t kept = checked_;
        for (std::size_t i = checked_; i < reports.size(); ++i) {
            if (stored_.count({reports[i].mmsi, reports[i].fix.t})) {
                ++already_stored_;
                continue;
            }
            if (kept != i) reports[kept] = std::move(reports[i]);
            ++kept;
        }
        reports.resize(kept);
        checked_ = kept;
        positions_.name_vessels();
        geo::TrackBuildOptions bo;
        bo.max_gap_s = opt_.read.max_gap_s;
        bo.max_speed_kn = opt_.read.max_speed_kn;
        bo.source = opt_.files.front();
        build_problems_.clear();
        std::vector<geo::Track> mine = geo::build_tracks(reports, bo, build_problems_, &build_stats_);
        unknown_.clear();
        link_to_fleet(mine, fleet_, unknown_);
        legs_ = 0;
        for (const auto& t : mine) legs_ += t.legs.size();
        vessels_ = mine.size();
        std::vector<geo::Track> all = base_;
        merge_tracks(all, std::move(mine));
        layers::store_tracks(ws_, all);
        tracks_stored_ = all.size();
        if (!ws_.save(error)) return false;
        ++commits_;
        return true;
    }

    void print_summary(std::ostream& out) const {
        out << opt_.workspace << ": " << build_stats_.kept << " fix(es) of " << vessels_ << " vessel(s) in " << legs_
            << " leg(s) from this log; " << tracks_stored_ << " track(s) stored in layer " << layers::kTrackLegsLayer
            << " (" << commits_ << " commit(s))\n";
        if (already_stored_)
            out << already_stored_ << " fix(es) were already in the workspace (same MMSI and time) and were not stored again\n";
        print_unknown_vessels(unknown_);
    }

    geo::Problems problems() const {
        geo::Problems p = positions_.problems();
        p.insert(p.end(), build_problems_.begin(), build_problems_.end());
        return p;
    }
    std::size_t kept_fixes() const { return build_stats_.kept; }

private:
    layers::Workspace& ws_;
    const TrackImportOptions& opt_;
    std::vector<layers::Vessel> fleet_;
    geo::Transformer to_working_;
    layers::AisPositions positions_;
    std::vector<geo::Track> base_;
    std::set<std::pair<std::uint32_t, double>> stored_;
    std::size_t checked_ = 0, already_stored_ = 0;
    geo::Problems build_problems_;
    geo::TrackBuildStats build_stats_;
    std::set<std::string> unknown_;
    std::size_t legs_ = 0, vessels_ = 0, tracks_stored_ = 0, commits_ = 0;
};

void sleep_for_poll() {
    timespec ts{0, kPollNanoseconds};
    nanosleep(&ts, nullptr);  // a stop signal ends it early (EINTR); the loop looks at the flag
}

}  // namespace

int follow_ais_log(const TrackImportOptions& opt) {
    if (opt.files.size() != 1) {
        std::cerr << "tidemark: --follow reads one log at a time; " << opt.files.size() << " files were given\n";
        return kUsage;
    }
    if (!opt.read.format.empty() && opt.read.format != "ais") {
        std::cerr << "tidemark: --follow reads AIS NMEA logs only (--format ais), not " << opt.read.format << "\n";
        return kUsage;
    }
    const std::string& path = opt.files.front();
    std::string error;
    auto ws = open_workspace(opt.workspace, &error);
    if (!ws) return fail(error);
    std::vector<layers::Vessel> fleet;
    geo::Problems fleet_problems;
    if (!import_fleet(*ws, opt, fleet, fleet_problems, &error)) return fail(error);
    print_problems(std::cerr, fleet_problems, opt.all_problems ? 0 : 20);

    layers::LogFollower log;
    if (!log.open(path, &error)) return fail(error);
    FollowSession session(*ws, opt, std::move(fleet));
    ais::LogStats stats;
    auto on_message = [&](const ais::Message& m, const ais::Assembled& a) { session.positions().message(m, a); };
    auto on_reject = [&](long line, ais::LineOutcome o, const char* reason) { session.positions().reject(line, o, reason); };
    ais::LineScanner<decltype(on_message), decltype(on_reject)> scan{{}, {}, stats, on_message, on_reject};

    StopSignals signals;
    std::cout << "following " << path << " (Ctrl-C to stop): committing every " << opt.batch_lines << " lines or "
              << opt.batch_seconds << " s" << std::endl;
    const auto started = Clock::now();
    std::size_t uncommitted = 0;
    Clock::time_point first_uncommitted{};
    std::uint64_t stop_at = 0;  // once stopping: read up to the size the log had then
    bool stopping = false, committed_once = false;
    int code = kOk;
    auto commit = [&] {
        if (!session.commit(&error)) {
            code = fail(error + " (the fixes read so far were not stored; the log is untouched: run again to import it)");
            return false;
        }
        std::cout << "committed: " << stats.lines << " line(s) read, " << session.kept_fixes() << " fix(es) from this log"
                  << std::endl;
        uncommitted = 0;
        committed_once = true;
        return true;
    };
    for (;;) {
        if (g_stop_requests > 0 && !stopping) {
            stopping = true;
            stop_at = log.size_now();
        }
        if (g_stop_requests > 1) break;  // asked twice: no more reading
        layers::LogFollower::Line line;
        const bool got = (!stopping || log.consumed() < stop_at) && log.next(line);
        if (got) {
            if (uncommitted++ == 0) first_uncommitted = Clock::now();
            if (line.cut) {
                ++stats.lines;
                ++stats.malformed;
                on_reject(line.number, ais::LineOutcome::Malformed,
                          "line longer than 1 MiB; expected NMEA sentences of at most 82 characters");
            } else {
                scan.line(line.text, line.number);
            }
        }
        const bool due = uncommitted >= opt.batch_lines ||
                         (uncommitted > 0 && Clock::now() - first_uncommitted >= std::chrono::duration<double>(opt.batch_seconds));
        if (due && !commit()) return code;
        if (got) continue;
        if (stopping) break;  // everything the log held when asked to stop is read
        if (std::string note = log.check_file(); !note.empty()) {
            scan.finish();  // fragments of a multipart message cut by the rotation are counted
            std::cerr << "tidemark: note: " << note << std::endl;
            continue;
        }
        sleep_for_poll();
    }
    if ((uncommitted > 0 || !committed_once) && !commit()) return code;
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::cout << path << ": followed for " << static_cast<long>(seconds) << " s, stopped by a signal; " << stats.summary()
              << "\n";
    if (log.restarts()) std::cout << path << ": read again from its start " << log.restarts() << " time(s) after rotation\n";
    if (log.pending())
        std::cout << path << ": an unfinished last line (" << log.pending()
                  << " bytes, no line end yet) was not imported; it will be when the log is followed again\n";
    session.print_summary(std::cout);
    print_problems(std::cerr, session.problems(), opt.all_problems ? 0 : 20);
    return code;
}

}  // namespace tidemark::cli
