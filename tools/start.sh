#!/usr/bin/env bash
# `npm start`: installs what is missing, brings up Postgres and Kafka, builds the services, then
# runs the KH, TH and LA country nodes (each service migrates its own database at start) until Ctrl-C.
#
# `npm start -- --national-clusters`: the national clusters layout instead of the one shared
# cluster (ADR 0022): a KH cluster (127.0.0.1:9192) and a TH cluster (127.0.0.1:9292) linked by
# MirrorMaker 2 (infra/kafka/national-clusters.sh), each node on its own country's cluster.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
national=0
for arg in "$@"; do
  case "$arg" in
    --national-clusters) national=1 ;;
    *) echo "npm start: unknown option $arg (known: --national-clusters)" >&2; exit 2 ;;
  esac
done
bash tools/ensure-node-modules.sh
mkdir -p .data
if [ "$national" = 1 ]; then
  bash infra/postgres/ensure-postgres.sh
  bash infra/kafka/national-clusters.sh start
  export CORRIDOR_NATIONAL_CLUSTERS=1 CORRIDOR_STOP_KAFKA_ON_EXIT=1
else
  bash tools/infra-up.sh .data/start-started
  if grep -qx kafka .data/start-started; then export CORRIDOR_STOP_KAFKA_ON_EXIT=1; fi
fi
# Services run compiled (dist/<service>/): Nx builds those whose sources changed, the others come
# from its cache (nx.json targetDefaults.build, tools/build/build-service.js).
npx nx run-many -t build --projects=tag:type:service --outputStyle=static
# The officer consoles serve the built web app (rebuilt only when its sources changed).
bash tools/console-build.sh
exec node -r @swc-node/register tools/platform/start-platform.ts
