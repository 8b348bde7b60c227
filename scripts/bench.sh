#!/usr/bin/env bash
# Runs every benchmark once and prints its figures (`make bench`). The coverage benchmark
# installs and starts PostgreSQL 15 + PostGIS 3 (Debian) for its peer on a local socket.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
case "$build" in /*) ;; *) build="$here/$build" ;; esac
for bench in load_bench ais_decode_bench reports_bench coverage_bench plan_bench; do
  echo "== $bench"
  "$build/bench/$bench"
done
echo "== tidemark bench-render"
if [ -n "${DISPLAY:-}" ]; then
  "$build/app/tidemark" bench-render
else
  xvfb-run -a -s "-screen 0 1920x1080x24" "$build/app/tidemark" bench-render
fi
