#!/usr/bin/env bash
# npm run bench [-- --only soak,micro]: installs the bench-only dependencies, type-checks the
# harness, runs the sections and regenerates bench/RESULTS.md. Needs redis-server on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix bench --no-audit --no-fund --loglevel=error
npx tsc --noEmit -p bench/tsconfig.json
exec node --expose-gc bench/index.ts "$@"
