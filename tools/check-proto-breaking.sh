#!/usr/bin/env bash
# Fails when proto/ breaks wire compatibility with the last landed version: the newest commit
# of origin/main (or main) that is not the working tree, falling back to HEAD's parent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
against=""
for ref in origin/main main; do
  if git rev-parse --verify -q "$ref" >/dev/null; then against="$ref"; break; fi
done
if [ -z "$against" ]; then
  echo "no main branch to compare with: skipping the breaking-change check (nothing has landed yet)"
  exit 0
fi
# On main itself compare with the previous commit, so the check still has a baseline in CI.
if [ "$(git rev-parse "$against")" = "$(git rev-parse HEAD)" ] && git diff --quiet HEAD -- proto; then
  if git rev-parse --verify -q HEAD~1 >/dev/null; then against="HEAD~1"; else echo "first commit: nothing to compare"; exit 0; fi
fi
if ! git ls-tree -d "$against" proto >/dev/null 2>&1 || [ -z "$(git ls-tree "$against" proto)" ]; then
  echo "$against has no proto/: nothing to compare"
  exit 0
fi
npx buf breaking --against ".git#ref=$(git rev-parse "$against")"
echo "proto/ is wire compatible with $against"
