#!/usr/bin/env bash
# Builds the release wasm and its JS packages: pkg/web (plain <script
# type="module">), pkg/bundler (Vite/webpack) and pkg/nodejs, each shrunk
# by binaryen's wasm-opt from npm. Prints their sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The release wasm is built with its own std (rust-src, installed by
# setup.sh), compiled for size with panics that abort at once: no panic
# messages, source locations or Debug formatting are left in the module
# (-14 KB gzip). These are unstable flags of the pinned stable compiler,
# enabled for this one build by RUSTC_BOOTSTRAP; tests build normally.
RUSTC_BOOTSTRAP=1 \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
  cargo build --release --target wasm32-unknown-unknown --quiet \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
  --target-dir target/size
wasm=target/size/wasm32-unknown-unknown/release/carviews.wasm
# wasm-opt for size (-2.3 KB gzip over plain -Oz):
# - --low-memory-unused lets constant address offsets fold into loads and
#   stores; the assumption holds, as the first 1 MB is the stack (it grows
#   down from 1 MB; only a stack 1023 KB deep would reach the low 1 KB) and
#   the folding changes only address sums that wrap past 4 GB, which Rust
#   never forms;
# - a second -Oz after --flatten --rereloop, which rebuilds the control flow;
# - a third after --generate-global-effects, which tells the optimiser what
#   each function may touch, so calls without effects go (-0.5 KB);
# - all of that again while the module shrinks (--converge, -0.2 KB);
# - no producers or target-features sections (nothing reads them at run time).
WASM_OPT_FLAGS=(--low-memory-unused -Oz --flatten --rereloop -Oz --generate-global-effects -Oz
  --converge --strip-producers --strip-target-features)
for target in web bundler nodejs; do
  out=pkg/$target
  rm -rf "$out"
  wasm-bindgen --target "$target" --out-dir "$out" "$wasm"
  wasm-opt "${WASM_OPT_FLAGS[@]}" "$out/carviews_bg.wasm" -o "$out/carviews_bg.wasm"
done
# Short import names in every package (-3 KB gzip); the browser's
# <script type="module"> package also gets minified glue (its docs are in
# carviews.d.ts). Bundlers minify pkg/bundler themselves; pkg/nodejs stays
# readable.
node scripts/shrink-glue.mjs pkg/web carviews.js --minify
node scripts/shrink-glue.mjs pkg/bundler carviews_bg.js
node scripts/shrink-glue.mjs pkg/nodejs carviews.js

raw=$(stat -c %s pkg/web/carviews_bg.wasm)
gz=$(gzip -9 -n -c pkg/web/carviews_bg.wasm | wc -c)
glue=$(stat -c %s pkg/web/carviews.js)
gluegz=$(gzip -9 -n -c pkg/web/carviews.js | wc -c)
printf '[build] pkg/web: carviews_bg.wasm %d B (gzip %d B), carviews.js %d B (gzip %d B)\n' "$raw" "$gz" "$glue" "$gluegz"

# The publishable package: pkg/ with the three builds and one package.json.
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
printf '{ "type": "module" }\n' > pkg/web/package.json
printf '{ "type": "module" }\n' > pkg/bundler/package.json
printf '{ "type": "commonjs" }\n' > pkg/nodejs/package.json
cp README.md CHANGELOG.md pkg/ 2>/dev/null || true
cat > pkg/package.json <<JSON
{
  "name": "carviews",
  "version": "$version",
  "description": "Images of one car from several angles, generated in parallel by hosted image models, always the same car, with an offline fallback (Rust/WebAssembly)",
  "license": "MIT OR Apache-2.0",
  "repository": { "type": "git", "url": "https://github.com/carviews/carviews" },
  "keywords": ["car", "images", "wasm", "pollinations", "dall-e", "marketplace"],
  "main": "./nodejs/carviews.js",
  "module": "./bundler/carviews.js",
  "types": "./bundler/carviews.d.ts",
  "exports": {
    ".": {
      "types": "./bundler/carviews.d.ts",
      "node": "./nodejs/carviews.js",
      "browser": "./bundler/carviews.js",
      "default": "./bundler/carviews.js"
    },
    "./web": { "types": "./web/carviews.d.ts", "default": "./web/carviews.js" },
    "./nodejs": { "types": "./nodejs/carviews.d.ts", "default": "./nodejs/carviews.js" },
    "./package.json": "./package.json"
  },
  "files": ["web/", "bundler/", "nodejs/", "README.md", "CHANGELOG.md"],
  "sideEffects": ["./bundler/carviews.js"]
}
JSON
