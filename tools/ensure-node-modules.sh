#!/usr/bin/env bash
# Installs the npm packages when they are missing or older than package-lock.json (fresh clone,
# or a pull that changed dependencies). `npm install` installs the locked versions; not `npm ci`,
# because npm 11 writes lock files without other platforms' optional binaries (buf, swc) and
# then refuses them in `npm ci` as out of sync.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "[deps] installing npm packages"
  npm install --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
