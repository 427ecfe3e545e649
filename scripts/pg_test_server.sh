#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL server on loopback for the team-mode tests.
#   eval "$(scripts/pg_test_server.sh start)"   # exports TICKLER_TEST_PG_URL
#   scripts/pg_test_server.sh stop
# Needs Debian's `postgresql` package (the server binaries); runs the server as the postgres user.
set -euo pipefail
PORT=${TICKLER_PG_PORT:-5433}
STATE=${TICKLER_PG_STATE:-/tmp/tickler-pg}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || { echo "postgresql server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
start)
  if [ ! -f "$STATE/PG_VERSION" ]; then
    mkdir -p "$STATE"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$STATE"
    as_postgres "$PGBIN/initdb" -D "$STATE" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_postgres "$PGBIN/pg_ctl" -D "$STATE" status >/dev/null 2>&1; then
    as_postgres "$PGBIN/pg_ctl" -D "$STATE" -l "$STATE/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $STATE -c fsync=off" start >/dev/null
  fi
  echo "export TICKLER_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
  ;;
stop)
  as_postgres "$PGBIN/pg_ctl" -D "$STATE" -m fast -w stop >/dev/null 2>&1 || true
  ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
