#!/usr/bin/env bash
# The size check of the release package (pkg/web, built by build.sh): the
# wasm and its JS glue, each compressed with gzip -9, summed, in bytes
# (1 KB = 1000 B). Fails when the sum grows past BUDGET (96 KB, the
# budget of issue 9) or past LIMIT, a ratchet set a little above the
# current build so that no change makes the module bigger unnoticed; lower
# it whenever a change makes the module smaller. GOAL (64 KB) is printed
# with how far off it is.
set -euo pipefail
cd "$(dirname "$0")/.."

LIMIT=94500
BUDGET=96000
GOAL=64000

wasm=pkg/web/carviews_bg.wasm
glue=pkg/web/carviews.js
if [ ! -f "$wasm" ] || [ ! -f "$glue" ]; then
  echo "[size] $wasm or $glue missing: run scripts/build.sh first" >&2
  exit 1
fi
wasm_raw=$(stat -c %s "$wasm")
glue_raw=$(stat -c %s "$glue")
wasm_gz=$(gzip -9 -n -c "$wasm" | wc -c)
glue_gz=$(gzip -9 -n -c "$glue" | wc -c)
total=$((wasm_gz + glue_gz))

printf '[size] wasm %d B (gzip %d B) + glue %d B (gzip %d B) = %d B gzip\n' \
  "$wasm_raw" "$wasm_gz" "$glue_raw" "$glue_gz" "$total"
for pair in "budget:$BUDGET" "goal:$GOAL"; do
  name=${pair%%:*}
  bytes=${pair##*:}
  if [ "$total" -le "$bytes" ]; then
    printf '[size] %d B under the %s of %d B\n' $((bytes - total)) "$name" "$bytes"
  else
    printf '[size] %d B over the %s of %d B\n' $((total - bytes)) "$name" "$bytes"
  fi
done
if [ "$total" -gt "$BUDGET" ]; then
  printf '[size] FAIL: %d B is over the budget of %d B\n' "$total" "$BUDGET" >&2
  exit 1
fi
if [ "$total" -gt "$LIMIT" ]; then
  printf '[size] FAIL: %d B is over the limit of %d B (the last accepted size): find what grew with twiggy (see BENCHMARKS.md)\n' "$total" "$LIMIT" >&2
  exit 1
fi
printf '[size] ok: within the limit of %d B (%d B to spare)\n' "$LIMIT" $((LIMIT - total))
