#!/usr/bin/env bash
# Whole commands on the demo workspace as a user runs them, each on a fresh copy of the file,
# median wall time of 5 runs: since commands read a layer's rows on first use
# (docs/architecture.md), those that use a few layers no longer read the
# 55,000 track fixes and the 41,000 coverage and forecast segments.
# Usage: scripts/bench-demo-commands.sh TIDEMARK [PEER_TIDEMARK] [WORKSPACE]
#   TIDEMARK       the launcher to measure (build/app/tidemark)
#   PEER_TIDEMARK  another build to measure beside it in the same run (e.g. one from before)
#   WORKSPACE      default demo/tidemark-demo.gpkg (`make demo`)
set -euo pipefail
new="$1"
peer="${2:-}"
ws="${3:-demo/tidemark-demo.gpkg}"
[ -f "$ws" ] || { echo "no $ws: run \`make demo\` first, or pass a workspace" >&2; exit 1; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
plan="Demo week (synthetic)"

commands=(
  "plan list|plan list WS"
  "plan task list|plan task list WS --plan PLAN"
  "plan task add|plan task add WS --plan PLAN --agency BFMC --segments 9582-9600 --from 2026-03-03T06:00:00Z --to 2026-03-03T10:00:00Z"
  "export reports to CSV|export WS --layer reports --format csv -o OUT/reports.csv --quiet"
  "coverage (reads every layer)|coverage WS"
)

# Median wall seconds of 5 runs of one command line by `bin`, each on a fresh copy.
median_of_5() {
  local bin="$1" line="$2" times=()
  for _ in 1 2 3 4 5; do
    cp "$ws" "$scratch/ws.gpkg"
    rm -rf "$scratch/out" && mkdir -p "$scratch/out"
    local args=()
    eval "set -- $line"
    for a in "$@"; do
      case "$a" in WS) a="$scratch/ws.gpkg" ;; PLAN) a="$plan" ;; OUT/*) a="$scratch/out/${a#OUT/}" ;; esac
      args+=("$a")
    done
    local start end
    start=$(date +%s.%N)
    "$bin" "${args[@]}" >/dev/null 2>"$scratch/err" || { echo "failed: $bin $line" >&2; cat "$scratch/err" >&2; exit 1; }
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

printf '%-30s %12s %12s\n' "command (demo workspace)" "this build" "${peer:+peer}"
for entry in "${commands[@]}"; do
  name="${entry%%|*}" line="${entry#*|}"
  mine=$(median_of_5 "$new" "$line")
  theirs=""
  [ -n "$peer" ] && theirs=$(median_of_5 "$peer" "$line")
  printf '%-30s %10.3f s %10s\n' "$name" "$mine" "${theirs:+$(printf '%.3f s' "$theirs")}"
done
