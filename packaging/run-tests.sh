#!/usr/bin/env bash
# Sets up, builds and runs every test (core, sync, ui, end-to-end under Xvfb), then the proof
# suite's short run (benchmarks, scale, faults; see the README's "Proof suite"), then the same
# test suite under ASan+UBSan and each fuzzer for a bounded time. CI runs exactly this.
# Extra arguments go to the first ctest run. ORLIVE_QUICK_TESTS=1 stops after that run, for a
# fast local loop; CI never sets it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh
# The real AT Protocol PDS test installs its npm packages once, outside the repository
# (~/.cache/orlive); without the npm registry it skips, saying why.
export ORLIVE_REAL_PDS_INSTALL=${ORLIVE_REAL_PDS_INSTALL:-1}
(cd build && ctest --output-on-failure -j"$(nproc)" "$@")
if [[ -n "${ORLIVE_QUICK_TESTS:-}" ]]; then exit 0; fi

# The proof suite's short run on the same build; its report stays in build/, not in the repo.
bash packaging/run-proof-suite.sh --short --build-dir build --report build/proof-report.md
bash packaging/run-sanitized-tests.sh
bash packaging/run-fuzzers.sh "${ORLIVE_CI_FUZZ_SECONDS:-20}"
