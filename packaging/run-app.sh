#!/usr/bin/env bash
# Sets up, builds and runs the app on its default data dir. With no display it runs under
# xvfb-run and writes a screenshot instead, saying where.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh
if [[ -n "${DISPLAY:-}" ]]; then
  exec build/bin/orlive "$@"
fi
shot="$PWD/build/screenshots/coordinator.png"
mkdir -p "$(dirname "$shot")"
xvfb-run -a -s "-screen 0 1920x1080x24" build/bin/orlive --screenshot "$shot" "$@"
echo "No display: ran ORLive under xvfb-run and wrote a screenshot to $shot"
