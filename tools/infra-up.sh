#!/usr/bin/env bash
# Brings up what the platform needs: Postgres, then the Kafka broker. Writes the names of the
# parts it had to start into $1 (if given), so that the caller stops only those.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started_file="${1:-/dev/null}"
: > "$started_file"
bash "$ROOT/infra/postgres/ensure-postgres.sh"
if bash "$ROOT/infra/kafka/broker.sh" status >/dev/null 2>&1; then
  echo "[kafka] already answering on 127.0.0.1:${KAFKA_PORT:-9092}"
else
  bash "$ROOT/infra/kafka/broker.sh" start
  echo kafka >> "$started_file"
fi
