#!/usr/bin/env bash
# `npm run test:mutation [-- --incremental]`: Stryker over the domain-rule modules, then the score
# per module (tools/mutation/scores.ts), which fails the run when one is under the threshold.
# Arguments go to `stryker run` (e.g. --incremental, --mutate <file>, --concurrency 1).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mkdir -p .data/mutation
start=$(date +%s)
npx stryker run "$@"
stryker=$?
echo "stryker finished in $(($(date +%s) - start))s (exit $stryker)"
[ -f .data/mutation/mutation-report.json ] || exit "$((stryker == 0 ? 1 : stryker))"
SWC_NODE_PROJECT="$ROOT/tsconfig.json" node -r @swc-node/register tools/mutation/scores.ts
scores=$?
[ "$stryker" -ne 0 ] && exit "$stryker"
exit "$scores"
