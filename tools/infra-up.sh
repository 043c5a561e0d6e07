#!/usr/bin/env bash
# Brings up what the platform needs: Postgres, then the Kafka broker — with Docker Compose where
# a Docker engine runs (unless CORRIDOR_NO_DOCKER=1), otherwise from the Maven-resolved broker
# jars (infra/kafka) and the local or embedded Postgres (infra/postgres). Writes the names of the
# parts it had to start into $1 (if given), so that the caller stops only those.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started_file="${1:-/dev/null}"
: > "$started_file"

if [ "${CORRIDOR_NO_DOCKER:-0}" != 1 ] && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  echo "[infra] Docker engine found: docker compose up kafka postgres"
  # The broker there needs the same per-installation credentials (see docker-compose.yml).
  bash "$ROOT/infra/kafka/broker.sh" credentials
  docker compose -f "$ROOT/docker-compose.yml" up -d --wait kafka postgres
  bash "$ROOT/infra/kafka/broker.sh" acls >/dev/null
  exit 0
fi

bash "$ROOT/infra/postgres/ensure-postgres.sh"
# status: 0 = answers and accepts this installation's admin credentials (SASL/SCRAM); 4 = something
# answers but SASL with our credentials fails (an old plaintext broker): `start` then restarts it
# if it is ours (this checkout's data dir) or fails saying what to do; never use it silently.
kafka_status=0
bash "$ROOT/infra/kafka/broker.sh" status >/dev/null 2>&1 || kafka_status=$?
if [ "$kafka_status" = 0 ]; then
  echo "[kafka] already answering on 127.0.0.1:${KAFKA_PORT:-9092} (SASL/SCRAM as admin works)"
else
  bash "$ROOT/infra/kafka/broker.sh" start
  echo kafka >> "$started_file"
fi
