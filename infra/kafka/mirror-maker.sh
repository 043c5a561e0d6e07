#!/usr/bin/env bash
# MirrorMaker 2 in dedicated mode between two national clusters (KH and TH), from Maven artifacts.
#
#   infra/kafka/mirror-maker.sh start|stop|status
#
# Mirrors only the corridor topics of the corridor between the two countries, each way, with the
# topic names kept (IdentityReplicationPolicy) and consumer group offsets translated
# (sync.group.offsets). Each record crosses once: org.corridor.mirror.MirrorOnce (built here from
# infra/kafka/mirror/src with javac) marks what it mirrors and never sends a marked record back.
# It authenticates on both clusters as its own principal, User:mirror-maker (SASL/SCRAM, written
# into each cluster's credentials when the broker was started with KAFKA_MIRROR_MAKER=1; its ACLs
# in tools/kafka/kafka-security.ts). See docs/adr/0022-national-clusters-linked-by-mirrormaker-2.md.
#
# Env:
#   MM2_A / MM2_B                  the two countries (default KH / TH); aliases are lower case (kh, th)
#   MM2_A_BROKERS / MM2_B_BROKERS  bootstrap of each cluster (default 127.0.0.1:9192 / 127.0.0.1:9292)
#   MM2_A_CREDENTIALS / MM2_B_CREDENTIALS  each cluster's credentials.json (default .data/kafka-kh/... / .data/kafka-th/...)
#   MM2_DATA_DIR                   config, pid and logs (default <repo>/.data/mirror-maker)
#   MM2_HEAP_OPTS                  JVM heap (default -Xms128m -Xmx384m)
#   MM2_READY_TIMEOUT              seconds to wait for both flows to run (default 120)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
POM="$SCRIPT_DIR/mirror/pom.xml"
SRC_DIR="$SCRIPT_DIR/mirror/src"
LIBS_DIR="$REPO_ROOT/.data/kafka/mirror-libs"
LIBS_STAMP="$LIBS_DIR/.resolved.stamp"
PLUGIN_DIR="$REPO_ROOT/.data/kafka/mirror-plugin"

A="${MM2_A:-KH}"
B="${MM2_B:-TH}"
a="$(printf '%s' "$A" | tr 'A-Z-' 'a-z_')"
b="$(printf '%s' "$B" | tr 'A-Z-' 'a-z_')"
A_BROKERS="${MM2_A_BROKERS:-127.0.0.1:9192}"
B_BROKERS="${MM2_B_BROKERS:-127.0.0.1:9292}"
A_CRED="${MM2_A_CREDENTIALS:-$REPO_ROOT/.data/kafka-$a/credentials.json}"
B_CRED="${MM2_B_CREDENTIALS:-$REPO_ROOT/.data/kafka-$b/credentials.json}"
DATA_DIR="${MM2_DATA_DIR:-$REPO_ROOT/.data/mirror-maker}"
[[ "$DATA_DIR" = /* ]] || DATA_DIR="$REPO_ROOT/$DATA_DIR"
PROPS="$DATA_DIR/mm2.properties"
LOG4J2="$DATA_DIR/log4j2.xml"
PID_FILE="$DATA_DIR/mirror-maker.pid"
OUT_LOG="$DATA_DIR/mirror-maker.out"
HEAP="${MM2_HEAP_OPTS:--Xms128m -Xmx384m}"
READY_TIMEOUT="${MM2_READY_TIMEOUT:-120}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
JAR="${JAVA_HOME:+$JAVA_HOME/bin/}jar"

log() { printf '[mirror-maker] %s\n' "$*"; }
err() { printf '[mirror-maker] ERROR: %s\n' "$*" >&2; }

read_pid() { [[ -s "$PID_FILE" ]] && tr -dc '0-9' <"$PID_FILE" || true; }
is_ours() {
  local pid="$1"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q " org.apache.kafka.connect.mirror.MirrorMaker $PROPS"
}

ensure_libs() {
  if [[ -d "$LIBS_DIR" && -f "$LIBS_STAMP" && ! "$POM" -nt "$LIBS_STAMP" ]]; then return 0; fi
  local parent tmp
  parent="$(dirname "$LIBS_DIR")"
  mkdir -p "$parent"
  exec 8>"$parent/.mirror-libs.lock"
  flock -w 600 8 || { err "could not lock $parent/.mirror-libs.lock"; exit 1; }
  if [[ -d "$LIBS_DIR" && -f "$LIBS_STAMP" && ! "$POM" -nt "$LIBS_STAMP" ]]; then exec 8>&-; return 0; fi
  command -v mvn >/dev/null || { err "mvn not found; it is needed once to fetch MirrorMaker's jars"; exit 1; }
  log "resolving MirrorMaker 2 jars with Maven into $LIBS_DIR"
  tmp="$(mktemp -d "$parent/mirror-libs.tmp.XXXXXX")"
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies -DoutputDirectory="$tmp" -DincludeScope=runtime >"$parent/mvn-mirror.log" 2>&1; then
    cat "$parent/mvn-mirror.log" >&2
    rm -rf "$tmp"
    err "mvn dependency:copy-dependencies failed (log: $parent/mvn-mirror.log)"
    exit 1
  fi
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  touch "$LIBS_STAMP"
  exec 8>&-
}

# The MirrorOnce transformation, compiled against the resolved jars when its source changed.
ensure_plugin() {
  local jar="$PLUGIN_DIR/corridor-mirror.jar" src
  mkdir -p "$PLUGIN_DIR"
  for src in "$SRC_DIR"/org/corridor/mirror/*.java "$SRC_DIR"/META-INF/services/*; do
    if [[ ! -f "$jar" || "$src" -nt "$jar" || "$LIBS_STAMP" -nt "$jar" ]]; then
      command -v "$JAVAC" >/dev/null || { err "javac not found (a JDK 17+ is needed to build the MirrorOnce transformation)"; exit 1; }
      local classes
      classes="$(mktemp -d "$PLUGIN_DIR/classes.XXXXXX")"
      "$JAVAC" -nowarn -d "$classes" -cp "$LIBS_DIR/*" "$SRC_DIR"/org/corridor/mirror/*.java
      # With its ServiceLoader manifest, so the workers find it without scanning the classpath.
      cp -r "$SRC_DIR/META-INF" "$classes/"
      (cd "$classes" && "$JAR" cf "$jar.tmp" .) || { err "could not package $jar"; exit 1; }
      mv "$jar.tmp" "$jar"
      rm -rf "$classes"
      return 0
    fi
  done
}

password_of() {
  node -e 'const c = require(process.argv[1]).principals["mirror-maker"]; if (!c) process.exit(1); console.log(c.password)' "$1" \
    || { err "no mirror-maker principal in $1: start that broker with KAFKA_MIRROR_MAKER=1 (infra/kafka/national-clusters.sh does)"; exit 1; }
}

write_configs() {
  mkdir -p "$DATA_DIR"
  local a_pw b_pw topics
  a_pw="$(password_of "$A_CRED")"
  b_pw="$(password_of "$B_CRED")"
  # The corridor's own topics, not their dead letters (.dlq stays with the node that parked it),
  # and never a country's internal topics (country.<cc>.*).
  topics="corridor\\.${a}-${b}\\.[a-z0-9-]+\\.v[0-9]+|corridor\\.${b}-${a}\\.[a-z0-9-]+\\.v[0-9]+"
  ( umask 077 && : >"$PROPS" )
  cat >"$PROPS" <<EOF
# Generated by infra/kafka/mirror-maker.sh on every start (mode 600: it holds MirrorMaker's passwords).
clusters = ${a}, ${b}
${a}.bootstrap.servers = ${A_BROKERS}
${b}.bootstrap.servers = ${B_BROKERS}
${a}.security.protocol = SASL_PLAINTEXT
${a}.sasl.mechanism = SCRAM-SHA-512
${a}.sasl.jaas.config = org.apache.kafka.common.security.scram.ScramLoginModule required username="mirror-maker" password="${a_pw}";
${b}.security.protocol = SASL_PLAINTEXT
${b}.sasl.mechanism = SCRAM-SHA-512
${b}.sasl.jaas.config = org.apache.kafka.common.security.scram.ScramLoginModule required username="mirror-maker" password="${b_pw}";

# Both ways, only the corridor's topics, names kept.
${a}->${b}.enabled = true
${b}->${a}.enabled = true
topics = ${topics}
topics.exclude = .*\\.dlq
replication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy
${a}->${b}.transforms = once
${a}->${b}.transforms.once.type = org.corridor.mirror.MirrorOnce
${a}->${b}.transforms.once.source.cluster = ${a}
${b}->${a}.transforms = once
${b}->${a}.transforms.once.type = org.corridor.mirror.MirrorOnce
${b}->${a}.transforms.once.source.cluster = ${b}

# Consumer offsets translated: each node's groups (<cc>.*) get their offsets on the other cluster.
${a}->${b}.groups = ${a}\\..*
${b}->${a}.groups = ${b}\\..*
emit.checkpoints.enabled = true
emit.checkpoints.interval.seconds = 5
sync.group.offsets.enabled = true
sync.group.offsets.interval.seconds = 5
refresh.topics.interval.seconds = 5
refresh.groups.interval.seconds = 5

# No config or ACL sync (each cluster has its own, from the same derivation), no heartbeats.
sync.topic.configs.enabled = false
sync.topic.acls.enabled = false
emit.heartbeats.enabled = false

# Single-node clusters here (the k8s manifests use 3 and min.insync.replicas 2).
replication.factor = 1
checkpoints.topic.replication.factor = 1
heartbeats.topic.replication.factor = 1
offset-syncs.topic.replication.factor = 1
offset.storage.replication.factor = 1
status.storage.replication.factor = 1
config.storage.replication.factor = 1
tasks.max = 1
# Every plugin (Kafka's and MirrorOnce) has a ServiceLoader manifest: no classpath scan per flow.
plugin.discovery = service_load
# Low latency for a corridor's few records (defaults batch for throughput).
producer.override.linger.ms = 0
consumer.fetch.max.wait.ms = 200
EOF
  chmod 600 "$PROPS"
  cat >"$LOG4J2" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders>
    <Console name="STDOUT" target="SYSTEM_OUT"><PatternLayout pattern="[%d] %p %m (%c)%n"/></Console>
  </Appenders>
  <Loggers>
    <Root level="WARN"><AppenderRef ref="STDOUT"/></Root>
    <Logger name="org.apache.kafka.connect.mirror.MirrorMaker" level="INFO"/>
    <Logger name="org.apache.kafka.connect.runtime.WorkerSourceTask" level="INFO"/>
  </Loggers>
</Configuration>
EOF
}

cmd_start() {
  local pid
  pid="$(read_pid)"
  if is_ours "$pid"; then log "already running (pid $pid)"; return 0; fi
  command -v "$JAVA" >/dev/null || { err "java not found (Java 17+)"; exit 1; }
  ensure_libs
  ensure_plugin
  write_configs
  : >"$OUT_LOG"
  # shellcheck disable=SC2206
  local heap=($HEAP)
  log "starting MirrorMaker 2 ${a}<->${b} (${A_BROKERS} <-> ${B_BROKERS}), data $DATA_DIR"
  # shellcheck disable=SC2016
  nohup setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" \
    "$JAVA" "${heap[@]}" -XX:+UseG1GC -Djava.awt.headless=true -Dlog4j2.configurationFile="file:$LOG4J2" \
    -cp "$LIBS_DIR/*:$PLUGIN_DIR/*" org.apache.kafka.connect.mirror.MirrorMaker "$PROPS" >>"$OUT_LOG" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 50; i++)); do pid="$(read_pid)"; [[ -n "$pid" ]] && break; sleep 0.1; done
  # Ready: MirrorMaker logs "Kafka MirrorMaker started" once every herder runs.
  for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then err "MirrorMaker exited during start"; tail -n 60 "$OUT_LOG" >&2; exit 1; fi
    if grep -q "Kafka MirrorMaker started" "$OUT_LOG"; then log "started (pid $pid); log $OUT_LOG"; return 0; fi
    sleep 0.5
  done
  err "MirrorMaker not started within ${READY_TIMEOUT}s"
  tail -n 60 "$OUT_LOG" >&2
  kill -TERM "$pid" 2>/dev/null || true
  exit 1
}

cmd_stop() {
  local pid i
  pid="$(read_pid)"
  if ! is_ours "$pid"; then log "not running"; rm -f "$PID_FILE"; return 0; fi
  kill -TERM "$pid"
  for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; log "stopped"; return 0; }; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  log "killed after 30 s"
}

cmd_status() {
  local pid
  pid="$(read_pid)"
  if is_ours "$pid"; then log "running (pid $pid)"; return 0; fi
  log "not running"
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
