#!/usr/bin/env bash
# Builds the officer console's web app (services/console/web → web/dist) when a source is newer
# than the build, type-checks it first, then checks the first-screen JavaScript budget; then the
# same for the public portal (web/portal → web/dist-portal, ADR 0028).
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

# The public portal (ADR 0028): its own light entry, its own build and its own 100 KB budget.
portal="$web/portal"
portal_stamp="$web/dist-portal/.vite/manifest.json"
npx tsc -p "$portal/tsconfig.json"
if [ "${1:-}" != --force ] && [ -f "$portal_stamp" ] && [ -z "$(find "$portal" "$web/src/locales.ts" "$web/src/calendar-fallback.ts" -newer "$portal_stamp" -print -quit)" ]; then
  echo "public portal is up to date ($web/dist-portal)"
else
  npx vite build --config "$portal/vite.config.mts" --logLevel warn
fi
SWC_NODE_PROJECT="$ROOT/tsconfig.json" node -r @swc-node/register tools/console-budget.ts portal
