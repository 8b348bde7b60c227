#!/usr/bin/env bash
# The desktop app as a user meets it (issue 14): launch to the first drawn map and whole frames
# while panning, on the demo workspace at the national view and over Kent, at 1920x1080 and
# 1280x800; then the renderer alone on the synthetic scene. Runs under a private Xvfb when there
# is no display (llvmpipe: OpenGL on the CPU, as on a machine without a GPU).
#   scripts/bench-app.sh [BUILD] [WS.gpkg]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
case "$build" in /*) ;; *) build="$here/$build" ;; esac
ws="${2:-$here/demo/tidemark-demo.gpkg}"
tidemark="$build/app/tidemark"
[ -f "$ws" ] || { echo "no workspace at $ws: make it with scripts/demo.sh build" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$build" "$ws"
fi
kent=540000,100000,660000,190000
for size in 1920x1080 1280x800; do
  echo "== $size, national view"
  "$tidemark" bench-render --workspace "$ws" --size "$size" --frames 120
  echo "== $size, Kent ($kent)"
  "$tidemark" bench-render --workspace "$ws" --size "$size" --frames 120 --view "$kent" | sed -n '/frames panning/,$p'
done
echo "== synthetic scene, 1920x1080"
"$tidemark" bench-render --frames 60
