#!/usr/bin/env bash
# `npm start`: installs what is missing, brings up Postgres and Kafka, builds the services, then
# runs the KH, TH and LA country nodes (each service migrates its own database at start) until Ctrl-C.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash tools/ensure-node-modules.sh
mkdir -p .data
bash tools/infra-up.sh .data/start-started
if grep -qx kafka .data/start-started; then export CORRIDOR_STOP_KAFKA_ON_EXIT=1; fi
# Services run compiled (dist/<service>/): Nx builds those whose sources changed, the others come
# from its cache (nx.json targetDefaults.build, tools/build/build-service.js).
npx nx run-many -t build --projects=tag:type:service --outputStyle=static
# The officer consoles serve the built web app (rebuilt only when its sources changed).
bash tools/console-build.sh
exec node -r @swc-node/register tools/platform/start-platform.ts
