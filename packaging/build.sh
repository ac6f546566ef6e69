#!/usr/bin/env bash
# Configures and builds ORLive into build/ (binaries in build/bin). Used by the README's commands.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE="${ORLIVE_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build build -j"$(nproc)"
