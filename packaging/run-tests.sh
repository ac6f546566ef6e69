#!/usr/bin/env bash
# Sets up, builds and runs every test (core, sync, ui, end-to-end under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh
cd build
ctest --output-on-failure -j"$(nproc)" "$@"
