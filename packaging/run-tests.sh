#!/usr/bin/env bash
# Sets up, builds and runs every test (core, sync, ui, end-to-end under Xvfb), then the same
# suite under ASan+UBSan and each fuzzer for a bounded time. CI runs exactly this.
# Extra arguments go to the first ctest run. ORLIVE_QUICK_TESTS=1 stops after that run, for a
# fast local loop; CI never sets it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)" "$@")
if [[ -n "${ORLIVE_QUICK_TESTS:-}" ]]; then exit 0; fi

bash packaging/run-sanitized-tests.sh
bash packaging/run-fuzzers.sh "${ORLIVE_CI_FUZZ_SECONDS:-20}"
