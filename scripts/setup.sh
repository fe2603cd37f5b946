#!/usr/bin/env bash
# Installs what building and testing carviews needs, on a fresh machine of
# this kind (Debian 12, rustup, node 20, root). Idempotent: each step checks
# first and skips what is present at the right version.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '[setup] %s\n' "$*" >&2; }

if ! cargo clippy --version >/dev/null 2>&1 || ! cargo fmt --version >/dev/null 2>&1; then
  log "adding clippy and rustfmt"
  rustup component add clippy rustfmt
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly. Its own
# lockfile pins a crate the registry mirror lacks, so no --locked here.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  log "installing wasm-bindgen-cli $want (about 6 minutes on 2 cores)"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# wasm-pack builds the packages and runs the wasm tests (about 3 minutes).
if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack 0.15.1" ]; then
  log "installing wasm-pack 0.15.1"
  cargo install wasm-pack --version 0.15.1 --locked --force
fi

# nginx and envsubst run the DALL-E proxy recipe's test (examples/proxy).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/firefox-esr ] \
  || [ ! -x /usr/sbin/nginx ] || ! command -v envsubst >/dev/null; then
  log "installing Debian's chromium, chromium-driver, firefox-esr, nginx and gettext-base"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver firefox-esr nginx gettext-base >/dev/null
fi

# geckodriver drives Firefox for the wasm browser tests (about 4.5 minutes to build).
if [ ! -x "$HOME/.cargo/bin/geckodriver" ]; then
  log "installing geckodriver"
  cargo install geckodriver --locked
fi

# npm: binaryen's wasm-opt (Debian's is too old and breaks the module),
# playwright-core (drives /usr/bin/chromium; never downloads a browser) and
# TypeScript. Installed again only when package-lock.json changed.
npm_install() { # DIR
  local stamp="$1/node_modules/.carviews-lock"
  local want
  want=$(sha256sum "$1/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing npm packages in $1"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}
npm_install .
npm_install www
log "ready"
