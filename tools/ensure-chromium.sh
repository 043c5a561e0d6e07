#!/usr/bin/env bash
# The browser suite drives Debian's Chromium (Playwright's own download does not work on these
# machines): installed here where it is missing, as root on a clean machine (docs/testing.md).
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "chromium present: $CHROMIUM"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "$CHROMIUM is missing and this is not root: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium
echo "chromium installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
