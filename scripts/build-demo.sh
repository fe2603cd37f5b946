#!/usr/bin/env bash
# Builds the wasm package and the React demo (www/dist), installing the
# demo's npm packages when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >&2
if [ ! -x www/node_modules/.bin/vite ]; then
  (cd www && npm ci --no-audit --no-fund --loglevel=error)
fi
(cd www && node_modules/.bin/vite build --logLevel warn)
