#!/usr/bin/env bash
# Installs playwright-core (npm) for gallery_browser_test.sh, outside the repository, once:
# under $ORLIVE_PLAYWRIGHT_CACHE (default ~/.cache/orlive), keyed by version. It drives
# Debian's own /usr/bin/chromium; no browser is downloaded. Exit 0 when ready, 77 when npm or
# the npm registry cannot be reached (the test then skips, saying so), 1 when the install
# fails with the registry up.
set -uo pipefail
PLAYWRIGHT_VERSION=1.65.1
cache=${ORLIVE_PLAYWRIGHT_CACHE:-$HOME/.cache/orlive}
dir=$cache/playwright-core-$PLAYWRIGHT_VERSION
if [[ -f "$dir/.installed" ]]; then exit 0; fi
command -v npm >/dev/null || { echo "gallery browser test: npm is not installed" >&2; exit 77; }
timeout 60 npm ping >/dev/null 2>&1 || { echo "gallery browser test: the npm registry cannot be reached" >&2; exit 77; }
mkdir -p "$dir"
# PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core never downloads, but say so anyway.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout 600 npm install --no-audit --no-fund --prefix "$dir" \
  "playwright-core@$PLAYWRIGHT_VERSION" >"$dir/install.log" 2>&1 \
  || { echo "gallery browser test: npm install playwright-core failed (see $dir/install.log)" >&2; exit 1; }
touch "$dir/.installed"
