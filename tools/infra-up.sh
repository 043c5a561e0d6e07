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
  docker compose -f "$ROOT/docker-compose.yml" up -d --wait kafka postgres
  exit 0
fi

bash "$ROOT/infra/postgres/ensure-postgres.sh"
if bash "$ROOT/infra/kafka/broker.sh" status >/dev/null 2>&1; then
  echo "[kafka] already answering on 127.0.0.1:${KAFKA_PORT:-9092}"
else
  bash "$ROOT/infra/kafka/broker.sh" start
  echo kafka >> "$started_file"
fi
