#!/usr/bin/env bash
# The main job. Until the React demo lands, it builds the release package and
# prints the offline plan (session id, seeds, prompts) of a car through the
# real wasm module: the seed document's example car by default, or
#   scripts/demo.sh BRAND MODEL YEAR [COLOUR] [BODY_TYPE] [ANGLE...]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh >&2
exec node examples/plan.mjs "$@"
