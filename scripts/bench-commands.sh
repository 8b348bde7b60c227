#!/usr/bin/env bash
# Whole commands as a user runs them, each beside its peer in one run (issue 15): wall time and
# peak RSS of the process, from /usr/bin/time. Inputs are made here: a 300k-line AIS log (the
# decoder benchmark's corpus mix), a 1M-fix CSV of 12 vessels at 10 s in the Channel, and a
# workspace on the OSM GB coast from ../shared/data.
#   scripts/bench-commands.sh [BUILD]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
case "$build" in /*) ;; *) build="$here/$build" ;; esac
tidemark="$build/app/tidemark"
coast="$here/../shared/data/coast/gb_coastline_osm.gpkg"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# run LABEL CMD...: one line "LABEL  wall s  peak MB", the command's output discarded.
run() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { echo "$label: failed"; cat "$tmp/err"; return 1; }
  read -r wall kb <"$tmp/time"
  printf '%-58s %8.2f s %8.0f MB\n' "$label" "$wall" "$((kb / 1024))"
}

"$build/bench/ais_decode_bench" 300000 "$tmp/ais.nmea" >/dev/null
# fixes PER_VESSEL FILE: 12 vessels at 10 s in the Channel, 12 kn east and west, from 2026-03-02.
fixes() {
  awk -v per="$1" 'BEGIN {
  print "mmsi,time,lat,lon"
  t0 = 1772409600; vessels = 12
  for (v = 0; v < vessels; ++v) {
    lat = 50.30 + 0.04 * v; lon = -4.5; dir = 1
    for (i = 0; i < per; ++i) {
      lon += dir * 0.000871            # 12 kn for 10 s at 50.5 N
      if (lon > 1.2 || lon < -4.5) dir = -dir
      t = t0 + 10 * i
      printf "%d,%s,%.6f,%.6f\n", 235990000 + v, strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), lat, lon
    }
  }
}' > "$2"
}
fixes 83333 "$tmp/fixes.csv"     # 1M fixes over 9.6 days
lines=$(($(wc -l <"$tmp/ais.nmea")))
echo "inputs: $lines AIS lines; $(($(wc -l <"$tmp/fixes.csv") - 1)) CSV fixes; coast $coast"
printf '%-58s %10s %11s\n' command wall "peak RSS"
run "tidemark --version" "$tidemark" --version
run "tidemark ais decode LOG --out F (gpsd JSON Lines)" "$tidemark" ais decode "$tmp/ais.nmea" --out "$tmp/ais.json" -q
run "  peer: gpsdecode -c < LOG > F" sh -c "gpsdecode -c < '$tmp/ais.nmea' > '$tmp/ais.gpsd'"
run "tidemark info fixes.csv" "$tidemark" info "$tmp/fixes.csv"
"$tidemark" workspace new "$tmp/ws.gpkg" --coast "$coast" >/dev/null 2>&1
cp "$tmp/ws.gpkg" "$tmp/ws0.gpkg"
run "tidemark tracks import WS fixes.csv (1M fixes)" "$tidemark" tracks import "$tmp/ws.gpkg" "$tmp/fixes.csv"
run "  peer: ogr2ogr -f GPKG out.gpkg fixes.csv (points)" ogr2ogr -f GPKG "$tmp/ogr.gpkg" "$tmp/fixes.csv" \
  -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -a_srs EPSG:4326
run "tidemark coverage WS (the 1M fixes, 1 km segments, window of 12 d)" "$tidemark" coverage "$tmp/ws.gpkg" \
  --from 2026-03-02T00:00:00Z --to 2026-03-14T00:00:00Z --radius-nm 8
# The issue's coverage goals: a week of 726k fixes (2 km segments, 8 nm) <= 0.9 s, a month of 3.1M <= 3 s.
for span in "week 60480" "month 259200"; do
  set -- $span
  fixes "$2" "$tmp/$1.csv"
  cp "$tmp/ws0.gpkg" "$tmp/$1.gpkg"
  "$tidemark" tracks import "$tmp/$1.gpkg" "$tmp/$1.csv" >/dev/null
  run "tidemark coverage WS (a $1: $((12 * $2)) fixes, 2 km segments, 8 nm)" "$tidemark" coverage "$tmp/$1.gpkg" \
    --segment-m 2000 --radius-nm 8
  rm -f "$tmp/$1.csv"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
