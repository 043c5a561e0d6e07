#!/usr/bin/env bash
# `npm test`: installs what is missing, brings up Postgres and a Kafka broker of the run's own,
# then runs every check and suite: generated code up to date, proto wire compatibility, lint
# (module boundaries, assertion rules), type check, the console's build and JS budget, and the
# unit, integration, e2e, generated and browser suites. Arguments go to jest (`npm test -- test/e2e/contracts.e2e-spec.ts`).
#
# Isolation (docs/testing.md): the suites never use the platform's broker (`npm start`: KAFKA_PORT,
# default 9092, data .data/kafka). Each run starts a fresh single-node cluster on free ports with
# its own data dir and credentials under .data/kafka-test/, and removes it at the end, so the tests'
# events, topics (same names as the platform's: they are the event contract) and consumer groups
# never reach a platform, running or not. The platform broker's topics, end offsets and groups are
# recorded before and after the suites, and the run fails if they changed. Postgres is shared: the
# suites use throw-away databases only.
#
# A second broker, on free ports too, serves jest's second worker (ADR 0029).
#
# Env: KAFKA_TEST_PORT / KAFKA_TEST_CONTROLLER_PORT (default: free ports), KAFKA_TEST_KEEP=1 keeps
# the test brokers and their data dirs after the run (for a look at what the suites published);
# LOG_LEVEL (default warn in the suites), VERBOSE=1 prints the output of the checks that passed,
# SUITES_ONLY=1 skips the checks (generated code, proto, lint, types) and runs only jest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true

bash tools/ensure-node-modules.sh
mkdir -p .data/kafka-test
logs="$(mktemp -d .data/kafka-test/run-logs.XXXXXX)"

# Runs a check with its output in a file: one line when it passes, all of it when it fails.
step() {
  local name="$1" out t0
  shift
  out="$logs/$(printf '%s' "$name" | tr -c 'a-z0-9' '-').log"
  t0=$(date +%s)
  if "$@" >"$out" 2>&1; then
    printf '%-46s ok (%ss)\n' "$name" "$(($(date +%s) - t0))"
    [ "${VERBOSE:-0}" = 1 ] && cat "$out"
    return 0
  fi
  printf '%-46s FAILED\n' "$name"
  cat "$out"
  exit 1
}

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
export SWC_NODE_PROJECT="$ROOT/tsconfig.json"
snapshot=(node -r @swc-node/register tools/kafka/broker-snapshot.ts)

# The platform's broker, as `npm start` would use it (only looked at, never written to).
platform_brokers="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}"
platform_env=(KAFKA_BROKERS="$platform_brokers" KAFKA_PORT="${KAFKA_PORT:-9092}")
[ -n "${KAFKA_DATA_DIR:-}" ] && platform_env+=(KAFKA_DATA_DIR="$KAFKA_DATA_DIR")
[ -n "${KAFKA_CREDENTIALS_FILE:-}" ] && platform_env+=(KAFKA_CREDENTIALS_FILE="$KAFKA_CREDENTIALS_FILE")
# Runs a command in the platform's Kafka environment (not the test broker's exported below).
on_platform() { env -u KAFKA_DATA_DIR -u KAFKA_CREDENTIALS_FILE -u KAFKA_CONTROLLER_PORT "${platform_env[@]}" "$@"; }
platform_before=""
if on_platform bash infra/kafka/broker.sh status >/dev/null 2>&1 \
    && on_platform "${snapshot[@]}" take "$logs/platform-before.json" 2>"$logs/platform-snapshot.log"; then
  platform_before="$logs/platform-before.json"
  echo "platform broker on $platform_brokers: recorded its topics, end offsets and consumer groups"
else
  echo "platform broker on $platform_brokers: not running (nothing of it to compare after the run)"
fi

# The run's own broker.
test_port="${KAFKA_TEST_PORT:-$(free_port)}"
test_controller_port="${KAFKA_TEST_CONTROLLER_PORT:-$(free_port)}"
# Two free ports in a row can be the same one (the first was closed before the second was asked for).
while [ "$test_controller_port" = "$test_port" ]; do test_controller_port="$(free_port)"; done
test_data="$ROOT/.data/kafka-test/$test_port"
unset KAFKA_SASL_USERNAME KAFKA_SASL_PASSWORD
export KAFKA_PORT="$test_port" KAFKA_CONTROLLER_PORT="$test_controller_port" KAFKA_DATA_DIR="$test_data" \
  KAFKA_CREDENTIALS_FILE="$test_data/credentials.json" KAFKA_BROKERS="127.0.0.1:$test_port"
# The suites check that they talk to this cluster and not to the platform's (libs/testing global-setup.ts).
export CORRIDOR_PLATFORM_KAFKA_BROKERS="$platform_brokers"

# A second broker, for jest's second worker (ADR 0029): the suites' topics share the contract's
# names, so two suites on one broker read each other's events (a flood of one delays the other's
# timelines by minutes under load). Each worker takes its own (libs/testing/src/worker-broker.ts).
second_port="$(free_port)"
while [ "$second_port" = "$test_port" ] || [ "$second_port" = "$test_controller_port" ]; do second_port="$(free_port)"; done
second_controller_port="$(free_port)"
while [ "$second_controller_port" = "$test_port" ] || [ "$second_controller_port" = "$test_controller_port" ] || [ "$second_controller_port" = "$second_port" ]; do second_controller_port="$(free_port)"; done
second_data="$ROOT/.data/kafka-test/$second_port"
on_second() {
  env KAFKA_PORT="$second_port" KAFKA_CONTROLLER_PORT="$second_controller_port" KAFKA_DATA_DIR="$second_data" \
    KAFKA_CREDENTIALS_FILE="$second_data/credentials.json" KAFKA_BROKERS="127.0.0.1:$second_port" "$@"
}

# The fault suite (`npm run test:faults`) starts a broker and a Postgres of its own and runs the
# services as processes: it needs none of the run's broker, the Java consumer, the console build or Chromium.
faults_only=0
[ "${CORRIDOR_FAULT_SUITE:-0}" = 1 ] && faults_only=1

# The Java consumer of the event contracts (test/interop/java): Maven resolves once, offline after.
[ "$faults_only" = 1 ] || step "java interop consumer built (test/interop/java)" bash test/interop/java/build.sh

cleanup() {
  local rc=$?
  if [ "${KAFKA_TEST_KEEP:-0}" = 1 ]; then
    echo "test broker kept on 127.0.0.1:$test_port (data $test_data); stop it with: KAFKA_PORT=$test_port KAFKA_DATA_DIR=$test_data bash infra/kafka/broker.sh stop"
    echo "second test broker kept on 127.0.0.1:$second_port (data $second_data); the same with KAFKA_PORT=$second_port KAFKA_DATA_DIR=$second_data"
  else
    bash infra/kafka/broker.sh stop >>"$logs/test-broker.log" 2>&1 || true
    on_second bash infra/kafka/broker.sh stop >>"$logs/test-broker-2.log" 2>&1 || true
    rm -rf "$test_data" "$second_data"
  fi
  [ "$rc" = 0 ] && rm -rf "$logs"
  [ "$rc" = 0 ] || echo "logs of this run: $logs"
}
trap cleanup EXIT

step "postgres (shared; suites use throw-away databases)" bash infra/postgres/ensure-postgres.sh
command -v java >/dev/null || { echo "npm test runs a Kafka broker of its own with infra/kafka/broker.sh: it needs Java 17+ (and Maven once, for the jars)" >&2; exit 1; }
rm -rf "$test_data"
if [ "$faults_only" = 0 ]; then
  rm -rf "$second_data"
  on_second bash infra/kafka/broker.sh start >"$logs/test-broker-2.log" 2>&1 &
  second_start=$!
  step "test kafka broker on 127.0.0.1:$test_port (fresh cluster)" bash infra/kafka/broker.sh start
  second_rc=0
  wait "$second_start" || second_rc=$?
  step "second test broker on 127.0.0.1:$second_port (second jest worker)" bash -c "cat '$logs/test-broker-2.log'; exit $second_rc"
  export CORRIDOR_TEST_KAFKA_CLUSTER_ID="$(cat "$test_data/cluster.id")"
  # What each jest worker exports for its broker (worker 1: the one above, also the global setup's).
  export CORRIDOR_TEST_BROKERS_FILE="$ROOT/$logs/test-brokers.json"
  printf '[{"KAFKA_PORT":"%s","KAFKA_CONTROLLER_PORT":"%s","KAFKA_DATA_DIR":"%s","KAFKA_CREDENTIALS_FILE":"%s","KAFKA_BROKERS":"%s","CORRIDOR_TEST_KAFKA_CLUSTER_ID":"%s"},{"KAFKA_PORT":"%s","KAFKA_CONTROLLER_PORT":"%s","KAFKA_DATA_DIR":"%s","KAFKA_CREDENTIALS_FILE":"%s","KAFKA_BROKERS":"%s","CORRIDOR_TEST_KAFKA_CLUSTER_ID":"%s"}]\n' \
    "$test_port" "$test_controller_port" "$test_data" "$test_data/credentials.json" "127.0.0.1:$test_port" "$CORRIDOR_TEST_KAFKA_CLUSTER_ID" \
    "$second_port" "$second_controller_port" "$second_data" "$second_data/credentials.json" "127.0.0.1:$second_port" "$(cat "$second_data/cluster.id")" >"$CORRIDOR_TEST_BROKERS_FILE"
fi

if [ "${SUITES_ONLY:-0}" != 1 ]; then
  step "generated event code is up to date" bash tools/check-generated.sh
  step "proto changes keep wire compatibility" bash tools/check-proto-breaking.sh
  # Event contracts: docs/asyncapi.yaml generated from proto/ through the registry in libs/events.
  step "AsyncAPI document matches proto/" node -r @swc-node/register tools/asyncapi.ts --check
  step "lint (module boundaries, test rules)" bash -c 'npx nx show projects >/dev/null && npx eslint --max-warnings=0 .'
  step "type check" npx tsc -p tsconfig.json
  # infra/k8s: up to date with tools/k8s/manifests.ts, every overlay rendered and each object validated.
  step "Kubernetes manifests rendered and valid" node -r @swc-node/register tools/k8s/k8s.ts
  # Every service's OpenAPI document (services of libs/config's platform layout) against redocly.yaml.
  step "OpenAPI documents pass Redocly lint" node -r @swc-node/register tools/openapi-lint.ts
fi
# The officer console's web app (type check, build when its sources changed, first-screen JS
# budget) and Debian's Chromium for the browser suite (test/browser, jest project "browser").
if [ "$faults_only" = 0 ]; then
  step "console web app: build and JS budget" bash tools/console-build.sh
  step "chromium for the browser suite" bash tools/ensure-chromium.sh
fi

echo
echo "unit, integration, e2e and generated suites (services log at ${LOG_LEVEL:-warn} and above)"
jest_rc=0
npx jest --ci --maxWorkers=2 "$@" || jest_rc=$?

if [ -n "$platform_before" ]; then
  if on_platform "${snapshot[@]}" take "$logs/platform-after.json" 2>>"$logs/platform-snapshot.log"; then
    "${snapshot[@]}" compare "$platform_before" "$logs/platform-after.json" || jest_rc=1
  else
    echo "[platform kafka] the platform broker stopped answering during the run: not compared ($logs/platform-snapshot.log)"
  fi
fi
exit "$jest_rc"
