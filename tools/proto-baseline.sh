#!/usr/bin/env bash
# `npm run proto:baseline`: the deliberate step that accepts the contracts in proto/ as landed.
# Checks them against the current baseline and every recorded version first (a break is never
# accepted: it is a corridor.v2 package instead), then rewrites proto/baseline.binpb. Commit the
# result with the proto change it accepts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ -f proto/baseline.binpb ]; then
  bash tools/check-proto-breaking.sh
fi
npx buf lint
npx buf build --exclude-source-info -o proto/baseline.binpb
echo "proto/baseline.binpb now holds the contracts of proto/: commit it"
