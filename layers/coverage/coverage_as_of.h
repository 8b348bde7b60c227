// Coverage as of a time T: how long before T each coast segment was last observed, from the
// sightings the coverage run stores per segment (layers/coverage/sightings_text.h), classed against the
// revisit target like the window's coverage classes. The history is read from the segments
// layer once; classing every segment for a new T is one binary search per segment (the
// timeline calls it on every step while playing: bench/coverage_as_of_bench.cpp).
#pragma once

#include "geo/problem.h"
#include "geo/time.h"
#include "layers/layer.h"
#include "layers/style/style_classes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

// Class numbers of coverage as of T, in legend order.
enum AsOfClass : int { kSeenWithinTarget = 0, kSeenUpTo2x = 1, kSeenUpTo4x = 2, kSeenOver4x = 3, kNotSeenBeforeT = 4 };

struct LastSeen {
    geo::UnixTime at = 0;  // end of the latest sighting that began at or before T, capped at T
    std::string vessel;    // who saw it then
    bool in_sight = false; // being observed at T itself (at == T)
};

class CoverageHistory {
public:
    CoverageHistory() = default;
    // Reads the `sightings` and `observers` fields of a segments layer, feature by feature.
    // Rows it cannot read count as never seen and are named in `problems` (layer, row, why).
    // A layer without a `sightings` field (stored before sightings were kept) gives a history
    // with has_sightings() false.
    static CoverageHistory from_layer(const Layer& segments, geo::Problems* problems = nullptr);

    bool has_sightings() const { return has_sightings_; }
    std::size_t segments() const { return offset_.empty() ? 0 : offset_.size() - 1; }
    std::size_t sightings() const { return from_.size(); }

    // When segment (feature index) `s` was last seen up to `t`, and by whom; nullopt when no
    // sighting began at or before t.
    std::optional<LastSeen> last_seen(std::size_t s, geo::UnixTime t) const;

    // The class of every segment at `t` against `target_s` (AsOfClass), into `out` (resized).
    // Seen within the target (age <= target), up to 2x, up to 4x, beyond; never seen before t.
    void classes_at(geo::UnixTime t, double target_s, std::vector<int>& out) const;

    // Builds a history from parsed entries (tests and benches): per segment, (from, to, vessel).
    struct Entry {
        double from = 0, to = 0;
        std::string vessel;
    };
    static CoverageHistory from_entries(const std::vector<std::vector<Entry>>& per_segment);

private:
    void add_segment(const std::vector<double>& from, const std::vector<double>& to, const std::vector<std::uint32_t>& who);

    bool has_sightings_ = false;
    // Per segment s, entries offset_[s] .. offset_[s+1], sorted by start.
    std::vector<std::uint32_t> offset_{0};
    std::vector<double> from_;
    std::vector<double> reach_;        // the latest end among this entry and those before it
    std::vector<std::uint32_t> who_;   // the vessel (into names_) whose sighting reaches reach_
    std::vector<std::string> names_;
};

// The classes' legend labels and colours (the coverage ramp's colours) for target `target_s`.
Classification as_of_classification(double target_s);

// "Coast as of 2026-03-05 12:00 UTC: time since last seen".
std::string as_of_title(geo::UnixTime t);

}  // namespace tidemark::layers
