#!/usr/bin/env bash
# Prints the path of a Chromium that Playwright can drive, installing Debian's when needed.
# Order: $CHROMIUM_PATH, Playwright's own download, a system Chromium, then apt (root only).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; exit 0; fi
for c in "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-*/chrome-linux*/chrome; do
  [ -x "$c" ] && { echo "$c"; exit 0; }
done
for c in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
  [ -x "$c" ] && { echo "$c"; exit 0; }
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "No Chromium found: installing Debian's chromium package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq chromium fonts-dejavu-core >&2
  [ -x /usr/bin/chromium ] && { echo /usr/bin/chromium; exit 0; }
fi
echo "No Chromium found. Run 'npx playwright install chromium' or install Chromium, or set CHROMIUM_PATH." >&2
exit 1
