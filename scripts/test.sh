#!/usr/bin/env bash
# The README's test command: backend (unit + API against real PostgreSQL and Redis), console unit
# tests, then browser tests against the built product in Debian's Chromium. Every suite runs even
# when an earlier one fails; the last line counts the tests of all three.
set -uo pipefail
cd "$(dirname "$0")/.."
export NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
results=tmp/test-results
rm -rf "$results" && mkdir -p "$results"
status=0

# Browser tests drive Debian's Chromium; a fresh machine of this kind lacks it (root may install it).
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  printf '\n==> Installing Debian chromium for the browser tests\n'
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium) || status=1
fi

run() {
  local name=$1
  shift
  printf '\n==> %s tests\n' "$name"
  "$@" --json --outputFile="$results/$name.json" || status=1
}

NODE_OPTIONS="--experimental-vm-modules --no-warnings" run backend node node_modules/jest/bin/jest.js -c backend/jest.config.cts
run console node node_modules/jest/bin/jest.js -c admin-web/jest.config.cts
if npx nx run-many -t build -p backend admin-web --outputStyle=static; then
  run e2e node node_modules/jest/bin/jest.js -c e2e/jest.config.cts
else
  status=1
fi

node scripts/test-summary.mjs "$results" || status=1
exit $status
