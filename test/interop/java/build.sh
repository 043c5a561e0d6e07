#!/usr/bin/env bash
# Builds the Java consumer when it is missing or older than its pom, its sources or proto/: protoc
# (from Maven Central) generates the classes from proto/, javac compiles them, and the runtime
# classpath is written to target/classpath.txt for `java -cp`. The first run needs Maven Central;
# later runs are offline (-o) as long as the pom is unchanged.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$DIR/../../.." && pwd)"
STAMP="$DIR/target/.built"
newest="$(find "$DIR/pom.xml" "$DIR/src" "$ROOT/proto" -type f -newer "$STAMP" 2>/dev/null | head -1 || true)"
if [ -f "$STAMP" ] && [ -f "$DIR/target/classpath.txt" ] && [ -z "$newest" ]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "[interop-java] mvn not found: install Maven and a JDK 17" >&2; exit 1; }
exec 8>"$DIR/.build.lock"
flock -w 600 8
offline=()
# Resolved once (the resolved marker is written after the first successful online build).
[ -f "$DIR/target/.resolved" ] && [ ! "$DIR/pom.xml" -nt "$DIR/target/.resolved" ] && offline=(-o)
echo "[interop-java] building the Java consumer from proto/ ${offline[*]:+(offline)}"
log="$(mktemp)"
if ! mvn -q -B -Dstyle.color=never "${offline[@]}" -f "$DIR/pom.xml" compile dependency:build-classpath \
    -Dmdep.outputFile="$DIR/target/classpath.txt" >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "[interop-java] mvn failed" >&2
  exit 1
fi
rm -f "$log"
touch "$DIR/target/.resolved" "$STAMP"
