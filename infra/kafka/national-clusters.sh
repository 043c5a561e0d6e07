#!/usr/bin/env bash
# The national clusters layout (ADR 0022): a Kafka cluster of KH's and one of TH's, each a
# single-node KRaft broker started by infra/kafka/broker.sh (SASL/SCRAM and ACLs as ADR 0007, plus
# the MirrorMaker principal), linked by MirrorMaker 2 (infra/kafka/mirror-maker.sh) that mirrors
# only the KH-TH corridor topics, both ways.
#
#   infra/kafka/national-clusters.sh start|stop|status|env
#
#   env    prints the KAFKA_* settings of each node (what `npm start -- --national-clusters` uses)
#
# Env: NATIONAL_KH_PORT / NATIONAL_TH_PORT (default 9192 / 9292; the controller listens on port+1),
#      NATIONAL_DATA_DIR (default <repo>/.data; the brokers use kafka-kh/ and kafka-th/ under it,
#      MirrorMaker mirror-maker/).
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
KH_PORT="${NATIONAL_KH_PORT:-9192}"
TH_PORT="${NATIONAL_TH_PORT:-9292}"
BASE="${NATIONAL_DATA_DIR:-$REPO_ROOT/.data}"
[[ "$BASE" = /* ]] || BASE="$REPO_ROOT/$BASE"

broker() {
  local country="$1" port="$2" command="$3" cc
  cc="$(printf '%s' "$country" | tr 'A-Z' 'a-z')"
  # Only the corridor between the two clusters: no other country's node runs on them.
  env -u KAFKA_BROKERS KAFKA_PORT="$port" KAFKA_CONTROLLER_PORT="$((port + 1))" KAFKA_DATA_DIR="$BASE/kafka-$cc" \
    KAFKA_CREDENTIALS_FILE="$BASE/kafka-$cc/credentials.json" KAFKA_MIRROR_MAKER=1 CORRIDORS='KH>TH' \
    bash "$SCRIPT_DIR/broker.sh" "$command"
}

mirror() {
  MM2_A=KH MM2_B=TH MM2_A_BROKERS="127.0.0.1:$KH_PORT" MM2_B_BROKERS="127.0.0.1:$TH_PORT" \
    MM2_A_CREDENTIALS="$BASE/kafka-kh/credentials.json" MM2_B_CREDENTIALS="$BASE/kafka-th/credentials.json" \
    MM2_DATA_DIR="$BASE/mirror-maker" bash "$SCRIPT_DIR/mirror-maker.sh" "$1"
}

case "${1:-}" in
  start)
    broker KH "$KH_PORT" start
    broker TH "$TH_PORT" start
    mirror start
    ;;
  stop)
    mirror stop || true
    broker TH "$TH_PORT" stop || true
    broker KH "$KH_PORT" stop || true
    ;;
  status)
    rc=0
    broker KH "$KH_PORT" status || rc=$?
    broker TH "$TH_PORT" status || rc=$?
    mirror status || rc=$?
    exit "$rc"
    ;;
  env)
    for c in KH TH; do
      cc="$(printf '%s' "$c" | tr 'A-Z' 'a-z')"
      port="$KH_PORT"; [ "$c" = TH ] && port="$TH_PORT"
      printf '%s KAFKA_BROKERS=127.0.0.1:%s KAFKA_CREDENTIALS_FILE=%s\n' "$c" "$port" "$BASE/kafka-$cc/credentials.json"
    done
    ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
