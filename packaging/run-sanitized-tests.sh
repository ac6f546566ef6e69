#!/usr/bin/env bash
# Builds every target with ASan+UBSan (g++, ORLIVE_SANITIZE=ON) into build-asan/ and runs the
# whole test suite there. Idempotent: a second run rebuilds only what changed. Extra arguments
# go to ctest (e.g. -R Settings).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
# -O1 -g1: a third of the -O2 -g compile time, still line numbers in sanitizer reports.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" -DORLIVE_SANITIZE=ON \
      -DORLIVE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j"$(nproc)"

# UBSan is already fatal (-fno-sanitize-recover); ask for its stack trace too. Every test runs,
# the Xvfb e2e one included: the app under ASan with Mesa's llvmpipe is quiet (it is stopped
# with SIGTERM, so LeakSanitizer does not report Mesa's at-exit allocations).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_init_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
cd build-asan
# Left out under ASan, each covered by the normal run: the package lifecycle (it would package
# sanitized binaries), the real PDS (its time is Node's, not ours), the 1 MiB tmpfs disk-full
# run (ASan's shadow memory makes it slow, the code path is the same) and e2e.sync_delivery
# (six minutes of backoff under ASan; its delivery, fault and deletion paths run sanitized in
# sync_tests against the same peers, and through orlivectl in e2e.sync_crash and privacy_egress).
ctest --output-on-failure -j"$(nproc)" \
  -E '^(package\.lifecycle|e2e\.sync_real_pds|faults\.disk_full_during_tap|e2e\.sync_delivery)$' "$@"
