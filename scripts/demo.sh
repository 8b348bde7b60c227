#!/usr/bin/env bash
# The main job on the demo data (run by `make demo` after the build):
#   base layers and fleet -> workspace -> synthetic Kraken reports -> a joint plan for the week ->
#   synthetic patrols sailing it (AIS NMEA, through the real decoder) -> coverage and gaps ->
#   the plan checked, forecast, reconciled and a next week suggested -> the desktop app, or,
#   with no display, a coverage map PNG.
# Everything synthetic is generated with a fixed seed and labelled synthetic.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
case "$build" in /*) ;; *) build="$here/$build" ;; esac
tidemark="$build/app/tidemark"
demo="$here/demo"
ws="$demo/tidemark-demo.gpkg"
from="2026-03-02T00:00:00Z"
to="2026-03-09T00:00:00Z"
seed=42

TIDEMARK="$tidemark" "$here/scripts/prepare-demo-data.sh" "$demo" >/dev/null

# The shipped police force areas by their own name, so maps credit them (ONS, OS OpenData).
forces="$(cat "$demo/forces.source")"
[ -f "$forces" ] || forces="$demo/forces.gpkg"

echo "== workspace $ws"
"$tidemark" workspace new "$ws" --overwrite --coast "$demo/coast.gpkg" --ports "$here/data/ports.csv" \
  --forces "$forces" --territorial "$demo/territorial.gpkg" --land "$demo/neighbours.gpkg" --fleet "$here/data/fleet.csv"

echo "== synthetic Project Kraken reports (seed $seed)"
"$tidemark" reports synthesize --ports "$here/data/ports.csv" --from "$from" --to "$to" --seed "$seed" \
  -o "$demo/synthetic_reports.csv" --bad-out "$demo/synthetic_reports_bad.csv"
"$tidemark" reports import "$ws" "$demo/synthetic_reports.csv"
echo "-- the file of bad rows, validated (each bad row gets one message):"
"$tidemark" reports check "$demo/synthetic_reports_bad.csv" --workspace "$ws" || true

echo "== sample joint plan for the week (synthetic)"
"$here/scripts/demo-plan.sh" tasks "$tidemark" "$ws" "$from" "$to"

echo "== synthetic patrols: the plan's tasks sailed, mostly as planned, and suggested sorties on other days (seed $seed)"
rm -rf "$demo/patrols"
"$tidemark" tracks synthesize "$ws" --plan "Demo week (synthetic)" --seed "$seed" -o "$demo/patrols"
"$tidemark" tracks import "$ws" "$demo"/patrols/synthetic_*.nmea --format ais

echo "== coverage $from .. $to"
"$tidemark" coverage "$ws" --from "$from" --to "$to"

echo "== the plan reviewed against the week"
"$here/scripts/demo-plan.sh" review "$tidemark" "$ws" "$from" "$to"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "== opening the desktop app"
  exec "$tidemark" gui "$ws"
fi
png="$demo/tidemark-demo-coverage.png"
if "$tidemark" render --help >/dev/null 2>&1; then
  "$tidemark" render "$ws" -o "$png" --size 1600x2000 --title "Tidemark demo: coastal coverage (synthetic patrols)"
else
  # No display and no renderer: the app itself, drawn on a virtual X server.
  xvfb-run -a -s "-screen 0 1600x1000x24" "$tidemark" gui "$ws" --screenshot "$png" --size 1600x1000
fi
echo "No display: the demo coverage map is at $png"
