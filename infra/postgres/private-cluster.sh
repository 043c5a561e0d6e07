#!/usr/bin/env bash
# A Postgres server of one test suite's own, on a port of its choosing, so the suite may stop and
# restart it without breaking the shared server on 5432 that other runs (and engineers) use.
#
#   infra/postgres/private-cluster.sh start|stop|restart|destroy|status
#
# Env:
#   PG_PRIVATE_PORT  port to listen on (127.0.0.1)                       (required)
#   PG_PRIVATE_DIR   data and socket directory                             (default /tmp/corridor-pg-<port>)
#   PG_BIN           directory of initdb/pg_ctl (default: the newest under /usr/lib/postgresql, else PATH)
#
# The cluster is initialised with initdb (trust auth on 127.0.0.1, user postgres, as the dev
# server), unix socket in its own directory. Run as root, the server runs as the OS user postgres
# (Postgres refuses to run as root). `destroy` stops it and removes the directory.
set -euo pipefail
PORT="${PG_PRIVATE_PORT:?PG_PRIVATE_PORT is required}"
DIR="${PG_PRIVATE_DIR:-/tmp/corridor-pg-$PORT}"
DATA="$DIR/data"
LOG="$DIR/postgres.log"

if [ -z "${PG_BIN:-}" ]; then
  newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  PG_BIN="${newest:-$(dirname "$(command -v initdb || echo /usr/bin/initdb)")}"
fi
[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] || { echo "[pg-private] initdb/pg_ctl not found in $PG_BIN (set PG_BIN)" >&2; exit 1; }

# Postgres refuses to run as root: as root, run its tools as the OS user postgres.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

init_if_needed() {
  [ -f "$DATA/PG_VERSION" ] && return 0
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
  as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  # Small: a suite's own server next to the shared one on a 2-core machine.
  cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
max_connections = 200
shared_buffers = 64MB
fsync = on
CONF
}

case "${1:-}" in
  start)
    init_if_needed
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null
    echo "[pg-private] running on 127.0.0.1:$PORT (data $DATA)"
    ;;
  stop)
    [ -f "$DATA/postmaster.pid" ] && as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    echo "[pg-private] stopped (127.0.0.1:$PORT)"
    ;;
  restart)
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -m fast -w -t 60 restart >/dev/null
    echo "[pg-private] restarted on 127.0.0.1:$PORT"
    ;;
  status)
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" status
    ;;
  destroy)
    if [ -f "$DATA/postmaster.pid" ]; then as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w -t 60 stop >/dev/null || true; fi
    rm -rf "$DIR"
    echo "[pg-private] removed $DIR"
    ;;
  *)
    echo "usage: PG_PRIVATE_PORT=<port> $0 start|stop|restart|status|destroy" >&2
    exit 2
    ;;
esac
