// The map scene: what a map shows, computed from the workspace with no drawing in it, so the
// desktop map (OpenGL, app/gui/map) and map exports (cairo, app/render) draw the same thing:
// each layer's style, classes and per-feature colours and symbols, its legend heading and
// entries, and the vessels where they were at the map's time T (layers/tracks/vessel_positions.h).
// Coverage colours are classes against the revisit target of the stored run
// (layers/style/style_classes.h), never a ramp over whatever values happen to be present.
#pragma once

#include "geo/time.h"
#include "layers/coverage/coverage_as_of.h"
#include "layers/reports/report_filter.h"
#include "layers/style/style.h"
#include "layers/style/style_classes.h"
#include "layers/tracks/vessel_positions.h"
#include "layers/workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

// Both backends paint the sea (everything no layer covers) in this colour.
inline constexpr Rgba kSeaColour{0.80f, 0.88f, 0.94f, 1};

struct LegendEntry {
    std::string label;
    Rgba colour;
    PointSymbol symbol = PointSymbol::Circle;
};

struct SceneLayer {
    const Layer* layer = nullptr;
    Style style;                     // as saved, with the scene's adjustments (gaps fainter under coverage)
    Classification classes;          // empty `classes` when the layer is drawn in its style's colours
    std::vector<Rgba> colour;        // per feature: its class colour, else the style's (alpha from the style)
    std::vector<PointSymbol> symbol; // per feature: ports by kind, else the style's symbol
    std::string legend_title;        // "Segments: longest gap between visits"
    std::vector<std::string> legend_notes;  // "revisit target 24 h", "2026-03-02 00:00 – 2026-03-09 00:00 UTC"
    std::vector<LegendEntry> legend; // the classes, or one entry in the layer's own colour
    bool synthetic = false;          // labelled "synthetic" in legends
    bool planned = false;            // some features are planned patrols (drawn dashed)
    // Per feature, when not empty: 1 where a filter leaves the feature out (apply_report_filter):
    // not drawn, not in the heat layer. Empty: every feature is drawn.
    std::vector<char> hidden;
    bool shown(std::size_t i) const { return i >= hidden.size() || !hidden[i]; }
};

struct SceneVessel {
    std::string vessel;
    geo::XY p;  // working CRS
    Rgba colour;
};

struct MapScene {
    std::vector<SceneLayer> layers;     // drawing order, bottom first
    std::optional<geo::UnixTime> time;  // T: vessels where they were, reports up to it
    std::vector<SceneVessel> vessels;
};

// How a layer is drawn in `ws` (its saved style, classes against the stored coverage run).
SceneLayer scene_layer(const Workspace& ws, const Layer& layer);
// The same under a given style and settings, with the layer's name as the legend title.
SceneLayer symbolise(const nlohmann::json& settings, const Layer& layer, const Style& style);

// Vessels at `t` from the workspace's tracks (role Tracks), whether or not the track points
// are shown: hiding the fixes does not hide the vessels. Each in its colour (vessel_colour).
std::vector<SceneVessel> scene_vessels(const Workspace& ws, geo::UnixTime t);

// A vessel's colour: its class colour in the tracks layer when that is coloured by vessel,
// else distinct_colour over the sorted names of every vessel in the tracks.
Rgba vessel_colour(const SceneLayer& tracks, const std::string& vessel, std::size_t rank, std::size_t count);

// Recolours a segments layer's scene by coverage as of `t`: `classes` from
// CoverageHistory::classes_at (one per feature), the as-of classes, title and notes in the
// legend; the style stays.
void apply_coverage_as_of(SceneLayer& scene, const std::vector<int>& classes, geo::UnixTime t, double target_s);

// Hides the reports of a reports layer's scene that `filter` leaves out, and says in its legend
// how many are shown and by what filter ("filter: 12 of 300 shown; grading B2").
void apply_report_filter(SceneLayer& scene, const ReportFilter& filter);

// Every visible layer with geometry, in the export's fixed order by role (sea, land, force
// areas, gaps, coverage, tracks, ports, reports), and the vessels at `time` when given. With
// `as_of` (the segments layer's history) and a time, the coast is coloured as of that time;
// with `reports`, reports layers show only the reports that filter keeps.
MapScene build_map_scene(const Workspace& ws, std::optional<geo::UnixTime> time,
                         const CoverageHistory* as_of = nullptr, const ReportFilter* reports = nullptr);

// The heading of a layer's legend ("Segments: longest gap between visits"), and for coverage
// classes the lines that say what they are measured against (the target, the run's window).
std::string legend_title(const Layer& layer, const Classification& classes);
std::vector<std::string> legend_notes(const Workspace& ws, const Classification& classes);

// "track_legs" -> "Track legs".
std::string display_name(const std::string& layer_name);

}  // namespace tidemark::layers
