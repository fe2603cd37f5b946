#!/usr/bin/env bash
# Builds the release wasm and its JS packages: pkg/web (plain <script
# type="module">), pkg/bundler (Vite/webpack) and pkg/nodejs, each shrunk
# by binaryen's wasm-opt from npm. Prints their sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cargo build --release --target wasm32-unknown-unknown --quiet
wasm=target/wasm32-unknown-unknown/release/carviews.wasm
for target in web bundler nodejs; do
  out=pkg/$target
  rm -rf "$out"
  wasm-bindgen --target "$target" --out-dir "$out" "$wasm"
  wasm-opt -Oz "$out/carviews_bg.wasm" -o "$out/carviews_bg.wasm"
done

raw=$(stat -c %s pkg/web/carviews_bg.wasm)
gz=$(gzip -9 -c pkg/web/carviews_bg.wasm | wc -c)
glue=$(stat -c %s pkg/web/carviews.js)
gluegz=$(gzip -9 -c pkg/web/carviews.js | wc -c)
printf '[build] pkg/web: carviews_bg.wasm %d B (gzip %d B), carviews.js %d B (gzip %d B)\n' "$raw" "$gz" "$glue" "$gluegz"
