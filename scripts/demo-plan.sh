#!/usr/bin/env bash
# A sample joint plan for the demo week (SYNTHETIC: made up for the demo, not a real deployment):
# each coastal police force leads its own coast with Border Force supporting; the Crown
# Dependencies' police lead their islands; Border Force cutters patrol the Dover Strait daily
# and East Anglia every other day; police boats work the Kent, Essex and Solent shores; tighter
# objectives where last week's gap risk says so; the remote Northern Isles' risk accepted; one
# proposed task double-books a cutter, as happens when two offices plan at once.
# Usage: scripts/demo-plan.sh tasks|review TIDEMARK WS FROM TO
#   tasks:  the plan, its responsibilities and tasks (before the week is sailed);
#   review: after the week's tracks and coverage are in: objectives from the week's gaps, the
#           checks, the forecast, planned vs actual, and suggested patrols for what comes next.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
phase="$1" tidemark="$2" ws="$3" from="$4" to="$5"
d="$here/data/demo_plan"
plan="Demo week (synthetic)"
day() { date -u -d "${from:0:10} + $1 days" +%Y-%m-%dT; }  # the date of day N of the plan, as ISO text

export TIDEMARK_USER="demo planner (synthetic)"
if [ "$phase" = review ]; then
  echo "== objectives where this week's gaps were riskiest"
  "$tidemark" plan objectives suggest "$ws" --plan "$plan" --apply --top 5
  echo "== plan check"
  "$tidemark" plan check "$ws" --plan "$plan" --limit 12
  echo "== plan forecast"
  "$tidemark" plan forecast "$ws" --plan "$plan" --quiet
  echo "== planned vs actual (the week's synthetic tracks)"
  "$tidemark" plan reconcile "$ws" --plan "$plan"
  echo "== suggested patrols for the week (randomised, weighted by risk; seed 42; not applied)"
  "$tidemark" plan suggest "$ws" --plan "$plan" --draws 200 --seed 42 --limit 10
  exit 0
fi
[ "$phase" = tasks ] || { echo "usage: $0 tasks|review TIDEMARK WS FROM TO" >&2; exit 2; }

"$tidemark" plan new "$ws" --name "$plan" --from "$from" --to "$to" --revisit 24h
"$tidemark" plan agency add "$ws" IOMC "Isle of Man Constabulary" --kind police
"$tidemark" plan agency add "$ws" SOJP "States of Jersey Police" --kind police
"$tidemark" plan agency add "$ws" BGLE "Bailiwick of Guernsey Law Enforcement" --kind police
"$tidemark" plan assign "$ws" --plan "$plan" --area "$d/area_isle_of_man.geojson" --lead IOMC
"$tidemark" plan assign "$ws" --plan "$plan" --area "$d/area_jersey.geojson" --lead SOJP
"$tidemark" plan assign "$ws" --plan "$plan" --area "$d/area_guernsey_alderney_sark.geojson" --lead BGLE
"$tidemark" plan objective add "$ws" --plan "$plan" --area "$d/area_orkney_shetland.geojson" \
  --risk-accepted "remote islands, no reports last quarter; HM Coastguard aircraft overfly weekly (synthetic)"

task() {  # task AGENCY ASSET AREA ROUTE DAY FROM_HH TO_HH STATUS NOTES
  "$tidemark" plan task add "$ws" --plan "$plan" --agency "$1" --asset "$2" --area "$d/area_$3.geojson" \
    --route "$d/route_$4.csv" --sea-route --from "$(day "$5")$6:00:00Z" --to "$(day "$5")$7:00:00Z" \
    --status "$8" --notes "$9"
}
for n in 0 1 2 3 4 5 6; do
  task BFMC "HMC Searcher" dover_strait dover_strait "$n" 06 14 accepted "Strait patrol, small-boat crossings (synthetic)"
  task E23000030 "Hampshire & IoW Marine Unit launch" solent solent_launch "$n" 09 15 accepted "Solent patrol (synthetic)"
done
for n in 0 2 4 6; do
  task BFMC "HMC Seeker" east_anglia east_anglia "$n" 08 20 accepted "East Anglia coast (synthetic)"
done
for n in 1 3 5; do
  task E23000032 "Kent Police RHIB" romney_marsh kent_rhib "$n" 18 22 accepted "Romney Marsh beaches at dusk (synthetic)"
done
for n in 0 1 2; do
  task E23000028 "Essex Police Marine Unit RHIB" essex essex_rhib "$n" 10 14 accepted "Crouch and Colne creeks (synthetic)"
done
for n in 3 4; do  # awaiting Essex Police's sign-off
  task E23000028 "Essex Police Marine Unit RHIB" essex essex_rhib "$n" 10 14 proposed "Crouch and Colne creeks (synthetic)"
done
task BFMC "HMC Searcher" east_anglia east_anglia 3 10 18 proposed "Proposed by the Suffolk liaison office (synthetic)"
