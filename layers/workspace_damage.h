// Rows and settings of a workspace that a computation cannot trust: a geometry blob that does not
// parse (left out when the file opened), a fix or report with no time or one outside 1970-2100,
// a time and unix_time that disagree, a sensor range no vessel has, a window that ends before it
// starts, a CRS setting that contradicts the layers. Found by looking, never "repaired": commands
// refuse to compute on them unless told to skip them (--skip-damaged), and the file is left as it was.
#pragma once

#include "geo/problem.h"
#include "geo/time.h"
#include "layers/layer.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tidemark::layers {

class Workspace;

struct WorkspaceDamage {
    // One Error per damaged row ("layer track_points: feature 7: field unix_time: ...") or setting.
    geo::Problems problems;
    std::map<std::string, std::set<std::int64_t>> rows;  // by layer: fids of damaged rows held in memory
    std::size_t unreadable = 0;  // rows not read at all when the file opened (its open problems name them)
    bool window = false;         // the stored time window cannot be used
    std::size_t settings = 0;    // damaged settings, the window included
    // Damage no skipping can work around (the CRS everything is computed in), one line each.
    std::vector<std::string> fatal;

    std::size_t row_count() const;  // rows held plus unreadable rows
    bool empty() const { return row_count() == 0 && settings == 0 && fatal.empty(); }
    // "3 damaged row(s) (1 of them unreadable, named when the file was opened) and 1 damaged setting(s)"
    std::string summary() const;
};

// Reads every layer's rows first (a lazily opened workspace's too): damage anywhere counts.
WorkspaceDamage find_damage(const Workspace& ws);

// While alive, `ws` holds only its undamaged rows and no damaged window; the previous layers and
// window come back when it dies, so a save afterwards writes the damaged rows back untouched
// (or, rather, sees no change to their layers). Gather a computation's inputs inside its scope.
class DamageHidden {
public:
    DamageHidden(Workspace& ws, const WorkspaceDamage& damage);
    ~DamageHidden();
    DamageHidden(const DamageHidden&) = delete;
    DamageHidden& operator=(const DamageHidden&) = delete;

private:
    Workspace& ws_;
    std::vector<Layer> originals_;
    std::optional<geo::UnixTime> from_, to_;
};

}  // namespace tidemark::layers
