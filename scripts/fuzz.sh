#!/usr/bin/env bash
# A longer fuzz campaign than CI's: `bash scripts/fuzz.sh [iterations] [seed]` (defaults 3000, random).
# Prints the seed; a failure message names the iteration and mutations to replay it.
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-3000}"
seed="${2:-$(( $(date +%s) % 1000000007 ))}"
node scripts/build.mjs
npx tsc -b
echo "[berthwise] fuzzing $iterations documents with seed $seed"
BERTHWISE_FUZZ_SEED="$seed" BERTHWISE_FUZZ_ITERATIONS="$iterations" node --test --test-timeout=3600000 out/test/lsp/fuzz.test.js
