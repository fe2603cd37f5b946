#!/usr/bin/env bash
# Renders docs/contact-sheet.html (every body type from several angles) and
# screenshots it to docs/contact-sheet.png with headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --release --example contact_sheet
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=1750,3100 --virtual-time-budget=3000 --screenshot="$PWD/docs/contact-sheet.png" \
  "file://$PWD/docs/contact-sheet.html" 2>/dev/null
echo "docs/contact-sheet.png"
