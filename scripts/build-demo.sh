#!/usr/bin/env bash
# Builds the wasm package and the React demo (www/dist); setup.sh installs
# whatever is missing first (a no-op when everything is present).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh >&2
(cd www && node_modules/.bin/vite build --logLevel warn)
