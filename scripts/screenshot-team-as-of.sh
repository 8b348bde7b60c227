#!/bin/sh
# The screenshots of the app's time travel (docs/img/team_as_of*_1280x800.png) and of a task's
# history in the Inspector (team_row_history_1280x800.png), made beside a throwaway server:
# scripts/pg-throwaway.sh scripts/screenshot-team-as-of.sh [demo/tidemark-demo.gpkg]
# Kent's liaison officer views the demo plan as known at "Monday" (four tasks shared then), after
# which Kent changed a task and Border Force shared two more; then the live workspace, and the
# history of task 19 as Kent reads it.
set -e
BUILD=${BUILD:-build}
DEMO=${1:-demo/tidemark-demo.gpkg}
T=$BUILD/app/tidemark
U="$TIDEMARK_TEST_PG_URL"
K=$(echo "$U" | sed 's|://[^@]*@|://kent_lo@|')
$T team init "$U" >/dev/null
$T team push "$DEMO" "$U" --owner BFMC >/dev/null
$T team agency add "$U" BFMC "Border Force Maritime Command" >/dev/null
$T team agency add "$U" KENT "Kent Police" >/dev/null
$T team user add "$U" kent_lo --agency KENT --role planner >/dev/null
for l in plans plan_responsibility plan_objectives; do $T team share "$U" $l --with all >/dev/null; done
$T team share "$U" plan_tasks --with KENT --fid 19 --fid 20 --fid 21 --fid 1 >/dev/null
$T plan task edit "$K" --task 19 --notes "Kent: slipway at Dover open from 18:00" >/dev/null
sleep 1.2
MONDAY=$(date -u +%Y-%m-%dT%H:%M:%SZ)
sleep 1.2
$T plan task edit "$K" --task 19 --notes "Kent: slipway closed, launch from Folkestone" >/dev/null
$T plan task status "$K" --task 21 done >/dev/null
$T team share "$U" plan_tasks --with KENT --fid 3 --fid 5 >/dev/null
echo "as of $MONDAY"
$T plan task list "$K" --plan "Demo week (synthetic)" | cut -f1,2 | tr '\n' ' '; echo
xvfb-run -a -s "-screen 0 1280x800x24" $T gui "$K" --as-of "$MONDAY" --screenshot docs/img/team_as_of_1280x800.png \
  --size 1280x800 --panel Plan --time 2026-03-03T20:00:00Z
xvfb-run -a -s "-screen 0 1280x800x24" $T gui "$K" --screenshot docs/img/team_as_of_live_1280x800.png --size 1280x800 --panel Plan --time 2026-03-03T20:00:00Z
xvfb-run -a -s "-screen 0 1280x800x24" $T gui "$K" --screenshot docs/img/team_row_history_1280x800.png --size 1280x800 \
  --panel Inspector --select plan_tasks:19 --history --time 2026-03-03T20:00:00Z
