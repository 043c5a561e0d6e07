#!/usr/bin/env bash
# Fails when proto/ breaks the last landed contracts. The reference is a committed image, not a
# git ref, so a break cannot hide behind later commits: proto/baseline.binpb is the image of the
# contracts as last accepted, rewritten only by `npm run proto:baseline` (which runs this check
# first, so it cannot accept a break either), and every contract version recorded with fixtures
# (test/interop/fixtures/<label>/proto.binpb, never rewritten) must still be satisfied too.
#   1. buf breaking with the rules of buf.yaml: WIRE_JSON plus no message, enum, extension or
#      package deleted or renamed anywhere in the package;
#   2. event level (tools/contracts/check-event-compat.ts): every event of the older version is
#      still an event with the same stage, visibility and key; a consumer built from the older
#      image reads every current event and vice versa; every registered event type decodes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
baseline=proto/baseline.binpb
if [ ! -f "$baseline" ]; then
  echo "$baseline is missing: run 'npm run proto:baseline' once and commit it" >&2
  exit 1
fi
images=("$baseline")
for image in test/interop/fixtures/*/proto.binpb; do
  [ -f "$image" ] && images+=("$image")
done
for image in "${images[@]}"; do
  if ! npx buf breaking --against "$image"; then
    echo "proto/ breaks the contracts of $image (see above). A breaking change is a new package (corridor.v2) and new .v2 topics." >&2
    exit 1
  fi
done
node -r @swc-node/register tools/contracts/check-event-compat.ts
echo "proto/ is compatible with ${images[*]}"
