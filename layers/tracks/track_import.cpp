#include "layers/tracks/track_import.h"

#include "layers/workspace.h"

#include <algorithm>

namespace tidemark::layers {

TrackFilesRead read_track_files(const std::vector<std::string>& files, const geo::Crs& crs, const TrackReadOptions& options,
                                const std::function<void(double)>& progress, const std::atomic<bool>* cancel) {
    TrackFilesRead out;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (cancel && *cancel) {
            out.cancelled = true;
            break;
        }
        TrackFileSummary summary;
        summary.path = files[i];
        TrackReadResult r = read_tracks(files[i], crs, options);
        if (!r.ok) {
            summary.error = r.error;
        } else {
            summary.vessels = r.tracks.size();
            for (const auto& t : r.tracks) {
                summary.legs += t.legs.size();
                for (const auto& l : t.legs) summary.fixes += l.fixes.size();
            }
            out.problems.insert(out.problems.end(), r.problems.begin(), r.problems.end());
            for (auto& t : r.tracks) out.tracks.push_back(std::move(t));
        }
        out.files.push_back(std::move(summary));
        if (progress) progress(static_cast<double>(i + 1) / files.size());
    }
    return out;
}

void link_to_fleet(std::vector<geo::Track>& tracks, const std::vector<Vessel>& fleet, std::set<std::string>& unknown) {
    for (geo::Track& t : tracks) {
        if (const Vessel* v = find_vessel(fleet, t.mmsi, t.vessel)) {
            t.vessel = v->name;
            if (t.mmsi == 0) t.mmsi = v->mmsi;
        } else {
            // A vessel that broadcast no name is already called "MMSI n".
            const std::string mmsi = t.mmsi ? "MMSI " + std::to_string(t.mmsi) : std::string();
            unknown.insert(t.mmsi && t.vessel != mmsi ? t.vessel + " (" + mmsi + ")" : t.vessel);
        }
    }
}

void merge_tracks(std::vector<geo::Track>& into, std::vector<geo::Track> incoming) {
    for (geo::Track& t : incoming) {
        auto same = std::find_if(into.begin(), into.end(), [&](const geo::Track& o) {
            return o.vessel == t.vessel && o.planned == t.planned;
        });
        if (same == into.end()) {
            into.push_back(std::move(t));
            continue;
        }
        for (auto& leg : t.legs) same->legs.push_back(std::move(leg));
        std::stable_sort(same->legs.begin(), same->legs.end(), [](const geo::TrackLeg& a, const geo::TrackLeg& b) {
            return a.fixes.front().t < b.fixes.front().t;
        });
        same->synthetic = same->synthetic || t.synthetic;
        if (same->mmsi == 0) same->mmsi = t.mmsi;
    }
}

TracksAdded add_tracks(Workspace& ws, std::vector<geo::Track> incoming, bool replace) {
    TracksAdded added;
    for (const auto& t : incoming)
        for (const auto& l : t.legs) added.fixes += l.fixes.size();
    link_to_fleet(incoming, load_fleet(ws), added.unknown);
    std::vector<geo::Track> all = replace ? std::vector<geo::Track>{} : load_tracks(ws);
    merge_tracks(all, std::move(incoming));
    store_tracks(ws, all);
    added.stored = all.size();
    return added;
}

}  // namespace tidemark::layers
