#!/usr/bin/env bash
# PostGIS peer for bench/coverage_bench: the ST_DWithin join of fixes to coast segments with a
# GiST index, summed per segment. Installs PostgreSQL 15 + PostGIS 3 from Debian when absent,
# starts a throw-away cluster on a local socket (no TCP), loads the data, times the join.
# Usage: bench/postgis_coverage.sh DATA_DIR RANGE_M
#   DATA_DIR/fixes.csv     id,x,y            (British National Grid metres)
#   DATA_DIR/segments.csv  id,"LINESTRING(...)"
# Prints: postgis_pairs=N, postgis_segments=N, postgis_join_seconds=S
set -euo pipefail
data=${1:?usage: postgis_coverage.sh DATA_DIR RANGE_M}
range=${2:?usage: postgis_coverage.sh DATA_DIR RANGE_M}
pgv=15
bin=/usr/lib/postgresql/$pgv/bin

if [ ! -x "$bin/postgres" ] || [ ! -f /usr/share/postgresql/$pgv/extension/postgis.control ]; then
  echo "installing postgresql-$pgv and postgresql-$pgv-postgis-3 from Debian..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    postgresql-$pgv postgresql-$pgv-postgis-3 >&2
fi

work=$(mktemp -d /tmp/tidemark_pg.XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); chown postgres: "$work"; fi
cp "$data/fixes.csv" "$data/segments.csv" "$work/"
chmod 644 "$work"/*.csv
port=$((50000 + RANDOM % 10000))
stop() {
  "${as[@]}" "$bin/pg_ctl" -D "$work/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

"${as[@]}" "$bin/initdb" -D "$work/db" -A trust --no-sync -U postgres >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$work/db" -l "$work/log" -w \
  -o "-k $work -p $port -c listen_addresses='' -c fsync=off -c shared_buffers=256MB -c work_mem=256MB" start >/dev/null

psql=("${as[@]}" psql -h "$work" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
"${psql[@]}" <<SQL
CREATE EXTENSION postgis;
CREATE TABLE fixes_raw(id int, x float8, y float8);
\copy fixes_raw FROM '$work/fixes.csv' CSV
CREATE TABLE fixes AS SELECT id, ST_SetSRID(ST_MakePoint(x, y), 27700) AS geom FROM fixes_raw;
CREATE TABLE segments_raw(id int, wkt text);
\copy segments_raw FROM '$work/segments.csv' CSV
CREATE TABLE segments AS SELECT id, ST_GeomFromText(wkt, 27700) AS geom FROM segments_raw;
CREATE INDEX ON segments USING gist(geom);
CREATE INDEX ON fixes USING gist(geom);
ANALYZE fixes;
ANALYZE segments;
SQL

out=$("${psql[@]}" <<SQL
\timing on
SELECT sum(n), count(*) FROM (
  SELECT s.id, count(*) AS n FROM fixes f JOIN segments s ON ST_DWithin(f.geom, s.geom, $range) GROUP BY s.id) q;
SQL
)
pairs=$(echo "$out" | grep '|' | head -1 | cut -d'|' -f1)
segs=$(echo "$out" | grep '|' | head -1 | cut -d'|' -f2)
ms=$(echo "$out" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
echo "postgis_pairs=$pairs"
echo "postgis_segments=$segs"
echo "postgis_join_seconds=$(awk "BEGIN{print $ms/1000}")"
