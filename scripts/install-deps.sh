#!/usr/bin/env bash
# Installs the Debian packages Tidemark builds, tests and runs with, when any is missing.
# Uses sudo when not root. Safe to run again: does nothing when all are present.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config ccache
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin proj-data
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev libcairo2-dev
  xvfb xauth poppler-utils gpsd-clients sqlite3
  clang libclang-rt-14-dev
  libpq-dev postgresql-15 postgresql-15-postgis-3 python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The demo fetches its coastline with npm; any npm will do (a NodeSource nodejs ships its own
# and conflicts with Debian's npm package).
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "tidemark: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
