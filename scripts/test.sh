#!/usr/bin/env bash
# The README's test command: backend (unit + API against real PostgreSQL/Redis), console unit tests,
# then browser tests against the built product in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
npm run test:backend
npm run test:console
npm run test:e2e
