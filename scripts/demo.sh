#!/usr/bin/env bash
# The main job: builds carviews and its React demo, and serves the demo on
# localhost (it prints the URL). With no key and no network every view is the
# built-in preview; `scripts/demo.sh --mock` also runs the mock of every
# service and points the demo at it, to watch the whole pipeline offline.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-demo.sh
exec node scripts/serve-demo.mjs "$@"
