#!/usr/bin/env bash
# Single-node KRaft Apache Kafka broker for dev and tests, run from Maven artifacts (no Docker).
#
#   infra/kafka/broker.sh start|stop|status|restart|acls
#
# The broker authenticates every client with SASL/SCRAM-SHA-512 and authorizes with Kafka's
# StandardAuthorizer (nothing is allowed without an ACL). Each node country has its own principal
# (User:node-kh, ...), plus User:admin (tooling, tests) and User:broker; their random passwords are
# generated per installation into KAFKA_CREDENTIALS_FILE (mode 600) and written into the storage
# at format time (kafka-storage format --add-scram, KIP-900). ACLs are derived from CORRIDORS by
# tools/kafka/kafka-security.ts on every start. See docs/adr/0007-kafka-identities-and-acls.md.
#
#   acls                   re-derive the ACLs from CORRIDORS and list them (broker must run)
#   credentials            only write the credentials file (and compose.env for docker-compose.yml)
#
# Env:
#   KAFKA_PORT             SASL_PLAINTEXT listener port     (default 9092)
#   KAFKA_CONTROLLER_PORT  CONTROLLER listener port         (default 9093)
#   KAFKA_DATA_DIR         state dir; relative = from repo   (default <repo>/.data/kafka)
#   KAFKA_READY_TIMEOUT    seconds to wait for readiness    (default 90)
#   KAFKA_HEAP_OPTS        JVM heap                          (default -Xms256m -Xmx768m)
#   KAFKA_JVM_OPTS         extra JVM options, appended      (default none)
#   KAFKA_LOG_LEVEL        root log4j2 level                 (default WARN)
#   KAFKA_KEEP_ON_FAILURE  1 = leave a broker that failed to get ready running (default: stop it)
#   KAFKA_CREDENTIALS_FILE principals and passwords       (default <KAFKA_DATA_DIR>/credentials.json)
#   CORRIDORS              open corridors the ACLs follow   (default KH>TH,LA>TH, as the nodes)
#
# Layout: jars in <repo>/.data/kafka/libs (shared by all data dirs); under KAFKA_DATA_DIR:
#   server.properties (mode 600: holds the broker's password), credentials.json, log4j2.xml, cluster.id,
#   broker.pid, data/ (log.dirs), logs/ (broker.out, server.log)
# See docs/adr/0001-kafka-broker-version-and-startup.md and docs/adr/0007-kafka-identities-and-acls.md.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
POM="$SCRIPT_DIR/pom.xml"
WAIT_READY="$SCRIPT_DIR/wait-ready.js"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-90}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
KAFKA_LOG_LEVEL="${KAFKA_LOG_LEVEL:-WARN}"
export KAFKA_PORT KAFKA_READY_TIMEOUT

DATA_DIR="${KAFKA_DATA_DIR:-.data/kafka}"
[[ "$DATA_DIR" = /* ]] || DATA_DIR="$REPO_ROOT/$DATA_DIR"
DATA_DIR="$(realpath -m "$DATA_DIR")"
LIBS_DIR="$REPO_ROOT/.data/kafka/libs"
LIBS_STAMP="$LIBS_DIR/.resolved.stamp"
LOG_DIRS="$DATA_DIR/data"
LOGS_DIR="$DATA_DIR/logs"
PID_FILE="$DATA_DIR/broker.pid"
PROPS="$DATA_DIR/server.properties"
LOG4J2="$DATA_DIR/log4j2.xml"
CLUSTER_ID_FILE="$DATA_DIR/cluster.id"
OUT_LOG="$LOGS_DIR/broker.out"
SERVER_LOG="$LOGS_DIR/server.log"
CRED_FILE="${KAFKA_CREDENTIALS_FILE:-$DATA_DIR/credentials.json}"
[[ "$CRED_FILE" = /* ]] || CRED_FILE="$REPO_ROOT/$CRED_FILE"
# wait-ready.js, the ACL tool (and anything they start) read the same file.
export KAFKA_CREDENTIALS_FILE="$CRED_FILE"
SECURITY_TOOL="$REPO_ROOT/tools/kafka/kafka-security.ts"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Let wait-ready.js find kafkajs from the repo's node_modules even when run from elsewhere.
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}$REPO_ROOT/node_modules"

log() { printf '[kafka] %s\n' "$*"; }
err() { printf '[kafka] ERROR: %s\n' "$*" >&2; }

# Serialise start/stop/restart on one data dir (parallel test runners may call start together).
take_lock() {
  mkdir -p "$DATA_DIR"
  exec 9>"$DATA_DIR/.broker.lock"
  if ! flock -w 180 9; then
    err "could not lock $DATA_DIR/.broker.lock within 180 s"
    exit 1
  fi
}

read_pid() {
  if [[ -s "$PID_FILE" ]]; then tr -dc '0-9' <"$PID_FILE"; fi
}

# True if PID is alive and is a kafka.Kafka JVM using this data dir's server.properties.
is_our_broker() {
  local pid="$1"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  local cmd
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmd" == *" kafka.Kafka $PROPS"* ]]
}

have_kafkajs() { (cd "$SCRIPT_DIR" && node -e "require.resolve('kafkajs')" >/dev/null 2>&1); }

# 0 if a Kafka broker answers an authenticated describeCluster() on 127.0.0.1:$KAFKA_PORT;
# 5 if something answers but refuses this installation's admin credentials (or does not speak
# SASL: a plaintext broker of an older checkout); 1 otherwise.
answering() {
  # Fast path: nothing listening at all.
  (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null || return 1
  # Without kafkajs only the TCP probe above is possible.
  have_kafkajs || return 0
  # No credentials yet: whatever answers was not started by this installation with SASL (an old
  # plaintext broker would accept an unauthenticated client: never use it silently).
  [[ -s "$CRED_FILE" ]] || return 5
  local rc=0
  node "$WAIT_READY" --once --quiet --timeout 5 || rc=$?
  return "$rc"
}

# Runs the TypeScript tool tools/kafka/kafka-security.ts (swc, as tools/platform does).
security_tool() {
  (cd "$REPO_ROOT" && SWC_NODE_PROJECT="$REPO_ROOT/tsconfig.json" node -r @swc-node/register "$SECURITY_TOOL" "$@")
}

# The ACLs of the node principals, derived from CORRIDORS (created/deleted to match).
apply_acls() {
  if ! security_tool acls "$@"; then
    err "could not apply the Kafka ACLs (tools/kafka/kafka-security.ts acls)"
    return 1
  fi
}

ensure_libs() {
  if [[ -d "$LIBS_DIR" && -f "$LIBS_STAMP" && ! "$POM" -nt "$LIBS_STAMP" ]]; then
    return 0
  fi
  local parent tmp
  parent="$(dirname "$LIBS_DIR")"
  mkdir -p "$parent"
  exec 8>"$parent/.libs.lock"
  flock -w 600 8 || { err "could not lock $parent/.libs.lock"; exit 1; }
  if [[ -d "$LIBS_DIR" && -f "$LIBS_STAMP" && ! "$POM" -nt "$LIBS_STAMP" ]]; then
    exec 8>&-
    return 0
  fi
  command -v mvn >/dev/null || { err "mvn not found; it is needed once to fetch the broker jars"; exit 1; }
  # Never swap the jars under a running broker (any data dir): the JVM opens jars lazily.
  local users=() p cmd
  for p in /proc/[0-9]*; do
    cmd="$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null)" || continue
    [[ "$cmd" == *"-cp $LIBS_DIR/* kafka.Kafka "* ]] && users+=("${p#/proc/}")
  done
  if ((${#users[@]})); then
    err "$POM changed but broker(s) ${users[*]} still run from $LIBS_DIR; stop them first"
    exit 1
  fi
  log "resolving broker jars with Maven into $LIBS_DIR"
  tmp="$(mktemp -d "$parent/libs.tmp.XXXXXX")"
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
      -DoutputDirectory="$tmp" -DincludeScope=runtime >"$parent/mvn.log" 2>&1; then
    cat "$parent/mvn.log" >&2
    rm -rf "$tmp"
    err "mvn dependency:copy-dependencies failed (log: $parent/mvn.log)"
    exit 1
  fi
  # Replace the whole folder so jars of an older version never stay on the classpath.
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  chmod 755 "$LIBS_DIR"
  touch "$LIBS_STAMP"
  exec 8>&-
}

credential_of() {
  node -e 'const c = require(process.argv[1]).principals[process.argv[2]]; if (!c) process.exit(1); console.log(c.password)' "$CRED_FILE" "$1"
}

write_configs() {
  mkdir -p "$LOG_DIRS" "$LOGS_DIR"
  local broker_password
  broker_password="$(credential_of broker)" || { err "no broker principal in $CRED_FILE"; exit 1; }
  ( umask 077 && : >"$PROPS" )
  chmod 600 "$PROPS"
  cat >"$PROPS" <<EOF
# Generated by infra/kafka/broker.sh on every start; edit the script, not this file.
# Mode 600: it holds the broker's own password (from $CRED_FILE).
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${KAFKA_CONTROLLER_PORT}
listeners=SASL_PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:${KAFKA_PORT}
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
log.dirs=${LOG_DIRS}

# Clients: SASL/SCRAM-SHA-512, credentials in the metadata log (written at format time, KIP-900).
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="${broker_password}";
# Controller listener: SASL/PLAIN with a static JAAS user (SCRAM credentials live in the metadata
# log the controller serves, so the broker->controller connection cannot use them).
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="${broker_password}" user_broker="${broker_password}";

# Authorization: ACLs in the metadata log; what no ACL allows is refused.
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:broker;User:admin

# Single node: replication factor 1 everywhere.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# Fast tests.
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
num.partitions=3
delete.topic.enable=true

# After a crash (kill -9) the controller refuses the restarted broker's registration
# (DUPLICATE_BROKER_REGISTRATION) until the old session expires: default 9 s, here 4 s.
broker.session.timeout.ms=4000
broker.heartbeat.interval.ms=1000

# Small machine (2 cores).
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1

# Generous retention for dev data.
log.retention.hours=720
log.retention.bytes=-1
log.segment.bytes=134217728
EOF

  cat >"$LOG4J2" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by infra/kafka/broker.sh. WARN for most, INFO for the "Kafka Server started" line. -->
<Configuration status="WARN">
  <Appenders>
    <Console name="STDOUT" target="SYSTEM_OUT">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </Console>
    <RollingFile name="FILE" fileName="${SERVER_LOG}" filePattern="${LOGS_DIR}/server.log.%i">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
      <Policies><SizeBasedTriggeringPolicy size="10 MB"/></Policies>
      <DefaultRolloverStrategy max="5"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <Root level="${KAFKA_LOG_LEVEL}">
      <AppenderRef ref="STDOUT"/>
      <AppenderRef ref="FILE"/>
    </Root>
    <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
    <Logger name="kafka.Kafka" level="INFO"/>
  </Loggers>
</Configuration>
EOF
}

java_base_opts() {
  # shellcheck disable=SC2206
  local heap=($KAFKA_HEAP_OPTS)
  JAVA_OPTS=(
    "${heap[@]}"
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
    -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15
    -Djava.awt.headless=true
    -Dlog4j2.configurationFile="file:$LOG4J2"
    -Dkafka.logs.dir="$LOGS_DIR"
  )
  # shellcheck disable=SC2206
  [[ -z "${KAFKA_JVM_OPTS:-}" ]] || JAVA_OPTS+=(${KAFKA_JVM_OPTS})
  # Keep "-cp <libs>/* kafka.Kafka" adjacent: ensure_libs looks for it to find running brokers.
  JAVA_OPTS+=(-cp "$LIBS_DIR/*")
}

# Makes sure the credentials file is complete and the storage was formatted with its SCRAM users.
# A data dir formatted without them (a plaintext broker of an older checkout) or with an older set
# (a node country added since) is formatted again: a dev/test broker's data is disposable.
ensure_credentials() {
  local state
  mkdir -p "$(dirname "$CRED_FILE")"
  state="$(security_tool credentials "$CRED_FILE")" || { err "could not write $CRED_FILE"; exit 1; }
  if [[ -f "$LOG_DIRS/meta.properties" ]]; then
    if [[ "$state" != unchanged ]]; then
      log "storage in $LOG_DIRS has no SCRAM users for the principals in $CRED_FILE ($state); dev data is disposable: formatting it again"
      rm -rf "$LOG_DIRS"
      mkdir -p "$LOG_DIRS"
    fi
  fi
}

format_if_needed() {
  if [[ -f "$LOG_DIRS/meta.properties" ]]; then
    return 0
  fi
  local cid
  if [[ -s "$CLUSTER_ID_FILE" ]]; then
    cid="$(cat "$CLUSTER_ID_FILE")"
  else
    # Kafka cluster ids are 16 random bytes, base64url without padding (22 chars). Like Kafka's
    # own Uuid.randomUuid, never start with '-': the tool would read the id as an option.
    cid="-"
    while [[ "$cid" == -* ]]; do
      cid="$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    done
    printf '%s\n' "$cid" >"$CLUSTER_ID_FILE"
  fi
  log "formatting KRaft storage in $LOG_DIRS (cluster id $cid)"
  # Static quorum (controller.quorum.voters, as in the apache/kafka image examples), so no
  # --standalone: that flag is for the dynamic quorum (controller.quorum.bootstrap.servers).
  java_base_opts
  # One --add-scram per principal (KIP-900). The passwords are on this short-lived JVM's command
  # line for a moment: acceptable for a dev broker on a single-user machine (see ADR 0007).
  local scram=() line
  while IFS= read -r line; do [[ -n "$line" ]] && scram+=(--add-scram "$line"); done < <(security_tool scram-args "$CRED_FILE")
  ((${#scram[@]})) || { err "no SCRAM credentials in $CRED_FILE"; exit 1; }
  if ! "$JAVA" "${JAVA_OPTS[@]}" -Xms64m -Xmx256m kafka.tools.StorageTool format \
      --cluster-id="$cid" -c "$PROPS" --ignore-formatted "${scram[@]}" >"$LOGS_DIR/format.out" 2>&1; then
    cat "$LOGS_DIR/format.out" >&2
    err "kafka-storage format failed"
    exit 1
  fi
}

print_log_tail() {
  local f
  for f in "$OUT_LOG" "$SERVER_LOG"; do
    if [[ -s "$f" ]]; then
      printf '\n----- last 60 lines of %s -----\n' "$f" >&2
      tail -n 60 "$f" >&2
    fi
  done
}

stop_pid() {
  local pid="$1" i
  log "stopping broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || { log "stopped"; return 0; }
    sleep 0.1
  done
  log "broker did not exit within 30 s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || { log "killed"; return 0; }
    sleep 0.1
  done
  err "pid $pid still alive after SIGKILL"
  return 1
}

wait_ready() {
  local pid="$1" rc=0
  node "$WAIT_READY" --timeout "$KAFKA_READY_TIMEOUT" --log "$OUT_LOG" --pid "$pid" || rc=$?
  if ((rc != 0)); then
    if ((rc == 2)); then
      err "broker process $pid exited during startup"
    else
      err "broker not ready within ${KAFKA_READY_TIMEOUT}s on 127.0.0.1:$KAFKA_PORT"
    fi
    print_log_tail
    if [[ "${KAFKA_KEEP_ON_FAILURE:-0}" != 1 ]] && kill -0 "$pid" 2>/dev/null; then
      stop_pid "$pid" >&2 || true
    fi
    [[ -f "$PID_FILE" && "$(read_pid)" == "$pid" ]] && ! kill -0 "$pid" 2>/dev/null && rm -f "$PID_FILE"
    exit 1
  fi
}

cmd_start() {
  take_lock
  local pid t0
  t0=$(date +%s%N)
  pid="$(read_pid)"

  local rc=0
  answering || rc=$?
  if ((rc == 0)); then
    if is_our_broker "$pid"; then
      log "already running (pid $pid) and answering on 127.0.0.1:$KAFKA_PORT"
      apply_acls || exit 1
    else
      log "a Kafka broker already answers on 127.0.0.1:$KAFKA_PORT (not started from $DATA_DIR) and accepts this installation's admin credentials; not starting another"
    fi
    return 0
  fi
  if ((rc == 5)); then
    if is_our_broker "$pid"; then
      # Ours, from before SASL (or with other credentials): restart it with the current config.
      log "our broker (pid $pid) answers on 127.0.0.1:$KAFKA_PORT but cannot be authenticated with $CRED_FILE (started before SASL?); restarting it"
      stop_pid "$pid"
      rm -f "$PID_FILE"
      pid=""
    else
      err "a Kafka broker answers on 127.0.0.1:$KAFKA_PORT but SASL/SCRAM as admin with $CRED_FILE fails (file missing, or refused):"
      err "  it is not this installation's broker (probably a plaintext broker started from an older checkout or another data dir)."
      err "  Stop it from the checkout that started it ('bash infra/kafka/broker.sh stop' there), or run this one elsewhere:"
      err "  KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093 KAFKA_DATA_DIR=.data/kafka-19092 and KAFKA_BROKERS=127.0.0.1:19092."
      exit 1
    fi
  fi

  if [[ -n "$pid" ]]; then
    if is_our_broker "$pid"; then
      # Alive but not answering yet (still starting, or hung): wait for it rather than start a second one.
      log "broker pid $pid is running but not answering yet; waiting for it"
      wait_ready "$pid"
      apply_acls || exit 1
      return 0
    fi
    log "removing stale pid file (pid ${pid:-?} is not running)"
    rm -f "$PID_FILE"
  fi

  command -v node >/dev/null || { err "node not found (needed for the readiness check)"; exit 1; }
  if ! have_kafkajs; then
    err "kafkajs not found: run 'npm install' at $REPO_ROOT (or set NODE_PATH) first"
    exit 1
  fi
  command -v "$JAVA" >/dev/null || { err "java not found (Kafka 4.x needs Java 17+)"; exit 1; }

  ensure_libs
  ensure_credentials
  write_configs
  format_if_needed
  java_base_opts

  : >"$OUT_LOG"
  log "starting Kafka on 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT), data $DATA_DIR"
  # setsid: own session, so a test runner killing its process group does not take the broker along.
  # The inner bash writes its own pid and execs java, so broker.pid is the JVM's pid.
  # shellcheck disable=SC2016
  nohup setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" \
    "$JAVA" "${JAVA_OPTS[@]}" kafka.Kafka "$PROPS" >>"$OUT_LOG" 2>&1 </dev/null 9>&- &
  local i
  for ((i = 0; i < 50; i++)); do
    pid="$(read_pid)"
    [[ -n "$pid" ]] && break
    sleep 0.1
  done
  [[ -n "$pid" ]] || { err "broker did not write $PID_FILE"; print_log_tail; exit 1; }

  wait_ready "$pid"
  apply_acls || { print_log_tail; exit 1; }
  log "started (pid $pid) in $((($(date +%s%N) - t0) / 1000000)) ms; logs in $LOGS_DIR"
}

cmd_stop() {
  take_lock
  local pid
  pid="$(read_pid)"
  if [[ -z "$pid" ]]; then
    log "not running (no pid file)"
    return 0
  fi
  if ! is_our_broker "$pid"; then
    log "not running (removing stale pid file, pid $pid)"
    rm -f "$PID_FILE"
    return 0
  fi
  stop_pid "$pid"
  rm -f "$PID_FILE"
}

# For docker-compose.yml: the credentials file, plus compose.env (mode 600) next to it with what the
# container needs (the broker's password, the --add-scram values). Never committed (.data/).
cmd_credentials() {
  mkdir -p "$(dirname "$CRED_FILE")"
  local state env_file scram
  state="$(security_tool credentials "$CRED_FILE")" || { err "could not write $CRED_FILE"; exit 1; }
  env_file="$(dirname "$CRED_FILE")/compose.env"
  scram="$(security_tool scram-args "$CRED_FILE" | paste -sd' ' -)"
  ( umask 077 && printf 'KAFKA_BROKER_PASSWORD=%s\nKAFKA_SCRAM_USERS=%s\n' "$(credential_of broker)" "$scram" >"$env_file" )
  log "credentials $state: $CRED_FILE; compose env: $env_file"
}

cmd_status() {
  local pid rc=0
  pid="$(read_pid)"
  answering || rc=$?
  if ((rc == 5)); then
    log "a Kafka broker answers on 127.0.0.1:$KAFKA_PORT but SASL/SCRAM with $CRED_FILE fails (a plaintext broker of an older checkout?); 'start' restarts it if it is ours, else says what to do"
    return 4
  fi
  if ((rc == 0)); then
    if is_our_broker "$pid"; then
      log "running (pid $pid), answering on 127.0.0.1:$KAFKA_PORT"
    else
      log "a Kafka broker answers on 127.0.0.1:$KAFKA_PORT (not started from $DATA_DIR)"
    fi
    return 0
  fi
  if is_our_broker "$pid"; then
    log "process $pid is running but not answering on 127.0.0.1:$KAFKA_PORT"
  else
    log "not running"
  fi
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  credentials) cmd_credentials ;;
  acls)
    answering || { err "no broker of this installation answers on 127.0.0.1:$KAFKA_PORT"; exit 1; }
    apply_acls --list
    ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  restart)
    cmd_stop
    exec 9>&-
    cmd_start
    ;;
  *)
    echo "usage: $0 {start|stop|status|restart|acls|credentials}" >&2
    exit 64
    ;;
esac
