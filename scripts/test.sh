#!/usr/bin/env bash
# Runs every check of the project: format, clippy (native and wasm32),
# native tests, wasm tests (wasm-pack test) in Node, headless Chromium and
# headless Firefox, the release build and the tests of the released
# packages. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s\n' "$*"; }

step "rustfmt"
cargo fmt --check
step "clippy, native"
cargo clippy --locked --all-targets -- -D warnings
step "clippy, wasm32"
cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings

step "the design's crates, no stand-ins, stable Rust"
./scripts/check-design.sh
step "native tests (the pure core, the run on a fake runtime with a virtual clock)"
cargo test --locked
step "the run's property test, 10 000 random fault sequences (optimised)"
cargo test --locked --release --test run_props -- --nocapture

# The mock service for the wasm browser tests, on a free port; stopped on exit.
mock_log=$(mktemp)
node tests/mock/server.mjs 0 >"$mock_log" 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true; rm -f "$mock_log"' EXIT
for _ in $(seq 100); do grep -q listening "$mock_log" && break; sleep 0.1; done
CARVIEWS_MOCK_URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$mock_log")
export CARVIEWS_MOCK_URL

step "wasm tests in Node"
wasm-pack test --node -- --locked --test web_node
step "wasm tests in headless Chromium"
wasm-pack test --headless --chrome -- --locked --test web_browser --test web_generate
step "wasm tests in headless Firefox"
wasm-pack test --headless --firefox -- --locked --test web_browser --test web_generate

step "release build and the demo"
./scripts/build-demo.sh
step "size of the release wasm and its glue (gzip)"
./scripts/size-budget.sh
step "TypeScript: the typed example, the lines that must not compile, and the demo (tsc --strict)"
node_modules/.bin/tsc -p tsconfig.json
(cd www && ../node_modules/.bin/tsc -p tsconfig.json)
step "tests of the release packages and the demo (Node and headless Chromium)"
node --test tests/js/*.test.mjs
