#!/usr/bin/env bash
# Prepares the demo's base layers in DEST (default demo/):
#   coast.gpkg        OSM coastline land polygons (npm @geo-maps/countries-coastline-1m, ODbL) of the
#                     coast Tidemark watches: Great Britain, Northern Ireland, Isle of Man, Channel Islands
#   neighbours.gpkg   the same source's Ireland and French Channel coast, for the map only (their
#                     clipped edges are not coastline, so they are not cut into coverage segments)
#   territorial.gpkg  land + 12 nm territorial sea (npm @geo-maps/countries-maritime-10m, ODbL)
#   forces.gpkg       the 45 UK police force areas shipped in data/police_force_areas_uk.gpkg (ONS
#                     PFA Dec 2020, OGL v3; Scotland and NI from OS OpenData, CC BY 4.0), or the file
#                     named by TIDEMARK_FORCES; only when neither exists, approximate coastal sectors
#                     built from data/force_coast_sectors.csv and labelled "approximate".
# Registry downloads are cached in ${XDG_CACHE_HOME:-~/.cache}/tidemark: a second run needs no network.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tidemark="${TIDEMARK:-$here/build/app/tidemark}"
dest="${1:-$here/demo}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/tidemark"
mkdir -p "$dest" "$cache"

fetch() {  # fetch NPM_PACKAGE VERSION -> prints the path of its extracted map.geo.json
  local pkg="$1" version="$2" name
  name="$(echo "${pkg#@}" | tr '/' '-')-$version"
  if [ ! -f "$cache/$name/package/map.geo.json" ]; then
    echo "tidemark: fetching $pkg@$version from the npm registry (cached in $cache)" >&2
    (cd "$cache" && npm pack --silent "$pkg@$version" >/dev/null)
    mkdir -p "$cache/$name.tmp" && tar xzf "$cache/$name.tgz" -C "$cache/$name.tmp"
    rm -rf "$cache/$name" && mv "$cache/$name.tmp" "$cache/$name" && rm -f "$cache/$name.tgz"
  fi
  echo "$cache/$name/package/map.geo.json"
}

# Write to a temporary name and rename, so an interrupted run never leaves a half-made layer.
extract() {  # extract SRC DEST LAYER WHERE CLIP...
  local src="$1" out="$2" layer="$3" where="$4"; shift 4
  [ -f "$out" ] && return 0
  ogr2ogr -q -f GPKG "$out.tmp.gpkg" "$src" -nln "$layer" -nlt MULTIPOLYGON -where "$where" \
    -clipsrc "$@" -makevalid
  mv "$out.tmp.gpkg" "$out"
}

coast_json="$(fetch @geo-maps/countries-coastline-1m 0.6.0)"
extract "$coast_json" "$dest/coast.gpkg" coastline "A3 IN ('GBR','IMN','JEY','GGY')" -11 48.3 3.5 61.2
extract "$coast_json" "$dest/neighbours.gpkg" neighbouring_land "A3 IN ('IRL','FRA')" -11 48.3 3.5 61.2
maritime_json="$(fetch @geo-maps/countries-maritime-10m 0.6.0)"
extract "$maritime_json" "$dest/territorial.gpkg" territorial_sea "A3 IN ('GBR','IMN','JEY','GGY')" -11 48.3 3.5 61.2

official="${TIDEMARK_FORCES:-$here/data/police_force_areas_uk.gpkg}"
if [ -f "$official" ]; then
  echo "$official" > "$dest/forces.source"
  cat "$official" > "$dest/forces.gpkg.tmp" && mv "$dest/forces.gpkg.tmp" "$dest/forces.gpkg"
elif [ ! -f "$dest/forces.gpkg" ]; then
  echo "tidemark: official police force areas not found; building APPROXIMATE coastal sectors" >&2
  echo "approximate" > "$dest/forces.source"
  "$tidemark" forces sectors --coast "$dest/coast.gpkg" --sectors "$here/data/force_coast_sectors.csv" \
    -o "$dest/forces.gpkg"
fi
echo "$dest"
