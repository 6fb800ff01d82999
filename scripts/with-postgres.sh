#!/usr/bin/env bash
# Run a command against PostgreSQL. With DATABASE_URL set, that database is used as it is.
# Otherwise a throwaway server is made: initdb into a temporary folder (as an unprivileged
# user when run as root, since PostgreSQL refuses to run as root), on a free loopback port,
# stopped and removed when the command ends, whether it passes or fails.
set -euo pipefail

if [ -n "${DATABASE_URL:-}" ]; then
  exec "$@"
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found; run scripts/system-deps.sh test" >&2; exit 1; }

pgdir=$(mktemp -d "${TMPDIR:-/tmp}/portal-pg.XXXXXX")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_owner=()
owner=""
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id "$owner" >/dev/null 2>&1 || owner=nobody
  chown "$owner" "$pgdir"
  as_owner=(runuser -u "$owner" --)
fi

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap stop EXIT INT TERM

"${as_owner[@]}" "$bindir/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 \
  --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 || { cat "$pgdir/initdb.log" >&2; exit 1; }
# fsync and friends off: a throwaway test database trades durability for speed.
"${as_owner[@]}" "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -o \
  "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$pgdir/server.log" >&2; exit 1; }

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
# For the fault benchmark, which stops and restarts this server mid-run (bench/faults.py).
export PORTAL_PG_BIN="$bindir" PORTAL_PG_DATA="$pgdir/data" PORTAL_PG_LOG="$pgdir/server.log"
export PORTAL_PG_OWNER="${owner:-}"
export PORTAL_PG_OPTIONS="-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway)"
"$@"
