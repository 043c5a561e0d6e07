#!/usr/bin/env bash
# `npm start`: installs what is missing, brings up Postgres and Kafka, then runs the KH and TH
# country nodes (each service migrates its own database at start) until Ctrl-C.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash tools/ensure-node-modules.sh
mkdir -p .data
bash tools/infra-up.sh .data/start-started
if grep -qx kafka .data/start-started; then export CORRIDOR_STOP_KAFKA_ON_EXIT=1; fi
# The officer consoles serve the built web app (rebuilt only when its sources changed).
bash tools/console-build.sh
exec node -r @swc-node/register tools/platform/start-platform.ts
