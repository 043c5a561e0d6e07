#!/usr/bin/env bash
# `npm test`: installs what is missing, brings up the real Postgres and Kafka, then runs every
# check and suite: generated code up to date, proto wire compatibility, lint (module
# boundaries), type check, and the unit, integration and e2e suites.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true

bash tools/ensure-node-modules.sh
# The Java consumer of the event contracts (test/interop/java): Maven resolves once, offline after.
bash test/interop/java/build.sh
mkdir -p .data
started=.data/test-started
bash tools/infra-up.sh "$started"
cleanup() {
  if grep -qx kafka "$started" 2>/dev/null; then bash infra/kafka/broker.sh stop || true; fi
}
trap cleanup EXIT

step() { echo; echo "== $*"; }
step "generated event code is up to date";   bash tools/check-generated.sh
step "proto changes keep wire compatibility"; bash tools/check-proto-breaking.sh
# Event contracts (docs/asyncapi.yaml generated from proto/ through the registry in libs/events).
step "AsyncAPI document matches proto/";      node -r @swc-node/register tools/asyncapi.ts --check
step "lint (module boundaries)";             npx nx show projects >/dev/null && npx eslint --max-warnings=0 .
step "type check";                           npx tsc -p tsconfig.json
step "unit, integration and e2e suites";     npx jest --ci --maxWorkers=2 "$@"
