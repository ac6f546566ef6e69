#!/usr/bin/env bash
# Sets up, builds and runs every test (core, sync, ui, end-to-end under Xvfb), then the proof
# suite's short run (benchmarks, scale, faults; see the README's "Proof suite").
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)" "$@")
# The proof suite's short run on the same build; its report stays in build/, not in the repo.
bash packaging/run-proof-suite.sh --short --build-dir build --report build/proof-report.md
