#!/usr/bin/env bash
# Regenerates libs/events from proto/ and fails when the committed code differs: generated code
# must never be edited by hand nor left stale.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
npx buf lint
npx buf generate
if ! git diff --quiet --exit-code -- libs/events/src/generated || [ -n "$(git ls-files --others --exclude-standard libs/events/src/generated)" ]; then
  echo "libs/events/src/generated is stale: run 'npm run generate' and commit the result" >&2
  git --no-pager diff --stat -- libs/events/src/generated >&2
  exit 1
fi
echo "generated code matches proto/"
