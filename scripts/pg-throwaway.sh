#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL 15 + PostGIS cluster, for tests:
#   scripts/pg-throwaway.sh COMMAND [ARGS...]
# The cluster is initdb'd into a fresh temporary folder, listens on a free 127.0.0.1 port and a
# unix socket in that folder, has PostGIS created in database `tidemark`, and is stopped and
# removed when COMMAND ends, whatever its exit status (trap). COMMAND sees the server's URL in
# TIDEMARK_TEST_PG_URL (superuser `tidemark_admin`, trust authentication: the cluster is
# reachable only from this machine and lives as long as the command).
# PostgreSQL refuses to run as root (CI runs as root): the cluster then runs as the system user
# `tidemark-test`, created when missing. With no PostgreSQL 15 or PostGIS installed, COMMAND
# runs without a server and the PostgreSQL tests skip, saying so.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PG_BIN/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
  echo "pg-throwaway: PostgreSQL 15 + PostGIS 3 not installed (scripts/install-deps.sh); running without a server" >&2
  exec "$@"
fi

dir=$(mktemp -d /tmp/tidemark-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  id -u tidemark-test >/dev/null 2>&1 ||
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin tidemark-test
  chown tidemark-test "$dir"
  as_owner=(runuser -u tidemark-test --)
fi

stop() {
  local rc=$?
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit $rc
}
trap stop EXIT
trap 'exit 130' INT TERM

# A free port: asked of the kernel, then handed to the server (a race with another process
# binding it in between fails the start loudly rather than silently).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

"${as_owner[@]}" "$PG_BIN/initdb" -D "$dir/data" -U tidemark_admin --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
"$PG_BIN/psql" -h "$dir" -p "$port" -U tidemark_admin -d postgres -qX -v ON_ERROR_STOP=1 \
  -c "CREATE DATABASE tidemark" >/dev/null
"$PG_BIN/psql" -h "$dir" -p "$port" -U tidemark_admin -d tidemark -qX -v ON_ERROR_STOP=1 \
  -c "CREATE EXTENSION postgis" >/dev/null

export TIDEMARK_TEST_PG_URL="postgresql://tidemark_admin@127.0.0.1:$port/tidemark"
echo "pg-throwaway: PostgreSQL + PostGIS at $TIDEMARK_TEST_PG_URL (data in $dir)" >&2
"$@"
