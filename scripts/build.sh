#!/usr/bin/env bash
# Builds the release wasm and its JS packages with wasm-pack: pkg/web
# (plain <script type="module">), pkg/bundler (Vite/webpack) and
# pkg/nodejs, each optimised by binaryen's wasm-opt from npm. Prints their
# sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# wasm-pack builds each package on stable Rust: cargo's release profile
# (opt-level "z", lto, one codegen unit, panic = "abort"), wasm-bindgen, and
# binaryen's wasm-opt -Oz (from npm: first on PATH above; Debian's is too
# old, see TOOLCHAIN.md). No post-processing beyond that.
for target in web bundler nodejs; do
  rm -rf "pkg/$target"
  wasm-pack --quiet build --release --target "$target" --out-dir "pkg/$target" \
    --out-name carviews --no-pack
  # wasm-pack's "*" .gitignore would keep the build out of `npm pack`.
  rm -f "pkg/$target/.gitignore"
done
# The package a page loads directly gets its glue minified (its docs are in
# carviews.d.ts); bundlers minify pkg/bundler themselves, pkg/nodejs stays
# readable.
terser pkg/web/carviews.js --module --compress --mangle -o pkg/web/carviews.js

# carviews/web's entry: the web build, its init() rejecting with a
# CarViewsError when the module cannot start (entries/web.js).
cp entries/web.js pkg/web/index.js
cp entries/web.d.ts pkg/web/index.d.ts

# carviews/react: the useCarImages hook, compiled with its typings (React's
# types come from the demo's packages, which setup.sh installs).
rm -rf pkg/react
tsc -p react/tsconfig.json

raw=$(stat -c %s pkg/web/carviews_bg.wasm)
gz=$(gzip -9 -n -c pkg/web/carviews_bg.wasm | wc -c)
glue=$(stat -c %s pkg/web/carviews.js)
gluegz=$(gzip -9 -n -c pkg/web/carviews.js | wc -c)
printf '[build] pkg/web: carviews_bg.wasm %d B (gzip %d B), carviews.js %d B (gzip %d B)\n' "$raw" "$gz" "$glue" "$gluegz"

# The publishable package: pkg/ with the three builds and one package.json.
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
# Each build's own package.json says its module kind, and (for resolvers
# that predate "exports") where its entry and typings are.
printf '{ "type": "module", "main": "index.js", "types": "index.d.ts" }\n' > pkg/web/package.json
printf '{ "type": "module" }\n' > pkg/bundler/package.json
printf '{ "type": "commonjs", "main": "carviews.js", "types": "carviews.d.ts" }\n' > pkg/nodejs/package.json
printf '{ "type": "module", "main": "useCarImages.js", "types": "useCarImages.d.ts" }\n' > pkg/react/package.json
cp README.md CHANGELOG.md pkg/ 2>/dev/null || true
cat > pkg/package.json <<JSON
{
  "name": "carviews",
  "version": "$version",
  "description": "Images of one car from several angles, generated in parallel by hosted image models, always the same car, with an offline fallback (Rust/WebAssembly)",
  "license": "MIT OR Apache-2.0",
  "repository": { "type": "git", "url": "git+https://github.com/carviews/carviews.git" },
  "type": "commonjs",
  "keywords": ["car", "images", "wasm", "pollinations", "dall-e", "marketplace"],
  "main": "./nodejs/carviews.js",
  "module": "./bundler/carviews.js",
  "types": "./bundler/carviews.d.ts",
  "exports": {
    ".": {
      "node": { "types": "./nodejs/carviews.d.ts", "default": "./nodejs/carviews.js" },
      "browser": { "types": "./bundler/carviews.d.ts", "default": "./bundler/carviews.js" },
      "default": { "types": "./bundler/carviews.d.ts", "default": "./bundler/carviews.js" }
    },
    "./web": { "types": "./web/index.d.ts", "default": "./web/index.js" },
    "./nodejs": { "types": "./nodejs/carviews.d.ts", "default": "./nodejs/carviews.js" },
    "./react": { "types": "./react/useCarImages.d.ts", "default": "./react/useCarImages.js" },
    "./package.json": "./package.json"
  },
  "files": ["web/", "bundler/", "nodejs/", "react/", "README.md", "CHANGELOG.md"],
  "peerDependencies": { "react": ">=18" },
  "peerDependenciesMeta": { "react": { "optional": true } },
  "sideEffects": ["./bundler/carviews.js"]
}
JSON
