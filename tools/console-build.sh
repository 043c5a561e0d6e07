#!/usr/bin/env bash
# Builds the officer console's web app (services/console/web → web/dist) when a source is newer
# than the build, type-checks it first, then checks the first-screen JavaScript budget.
# --force builds whatever the dates say.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
web=services/console/web
stamp="$web/dist/.vite/manifest.json"
npx tsc -p "$web/tsconfig.json"
if [ "${1:-}" != --force ] && [ -f "$stamp" ] && [ -z "$(find "$web/src" "$web/index.html" "$web/vite.config.mts" -newer "$stamp" -print -quit)" ]; then
  echo "console web app is up to date ($web/dist)"
else
  npx vite build --config "$web/vite.config.mts" --logLevel warn
fi
SWC_NODE_PROJECT="$ROOT/tsconfig.json" node -r @swc-node/register tools/console-budget.ts
