#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ORLIVE_FUZZ=ON: coverage + ASan + UBSan) into
# build-fuzz/ and runs each for SECONDS (default 30; CI runs 20 through run-tests.sh).
# A longer run, e.g. before a release:   bash packaging/run-fuzzers.sh 600
# Idempotent: the corpus each run grows is kept in build-fuzz/corpus/<target>/ (never
# committed; the small seeds live in tests/fuzz/corpus/), so later runs start from it.
# A crash leaves its input in build-fuzz/artifacts/ and fails the script, naming the command
# that reproduces it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
targets=(fuzz_phi_filter fuzz_template_parser fuzz_settings fuzz_mastodon_answers fuzz_bluesky_answers
         fuzz_webhook_answers fuzz_graph_answers fuzz_x_answers)
declare -A dict=([fuzz_template_parser]=tests/fuzz/json.dict [fuzz_settings]=tests/fuzz/json.dict
                 [fuzz_mastodon_answers]=tests/fuzz/json.dict [fuzz_bluesky_answers]=tests/fuzz/json.dict
                 [fuzz_webhook_answers]=tests/fuzz/json.dict [fuzz_graph_answers]=tests/fuzz/json.dict
                 [fuzz_x_answers]=tests/fuzz/json.dict)

bash packaging/install-deps.sh
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DORLIVE_FUZZ=ON \
  -DORLIVE_BUILD_TESTS=OFF -DORLIVE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"

export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p build-fuzz/artifacts build-fuzz/logs

# One fuzzer: its log in build-fuzz/logs/<target>.log, its status its exit code.
fuzz_one() {
  local target=$1 corpus=build-fuzz/corpus/$1
  mkdir -p "$corpus"
  local args=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1
              -artifact_prefix="build-fuzz/artifacts/$target-")
  [[ -n "${dict[$target]:-}" ]] && args+=(-dict="${dict[$target]}")
  # The working corpus comes first: libFuzzer adds new inputs to the first directory only.
  build-fuzz/bin/"$target" "${args[@]}" "$corpus" "tests/fuzz/corpus/$target" >"build-fuzz/logs/$target.log" 2>&1
}

# Each fuzzer is one process on one core: run as many at once as there are cores. Each writes
# its exit status beside its log.
running=0
for target in "${targets[@]}"; do
  if ((running >= $(nproc))); then wait -n || true; running=$((running - 1)); fi
  rm -f "build-fuzz/logs/$target.status"  # a status left from an earlier run must not count
  (if fuzz_one "$target"; then echo 0; else echo $?; fi >"build-fuzz/logs/$target.status") &
  running=$((running + 1))
done
wait
failed=()
for target in "${targets[@]}"; do
  log=build-fuzz/logs/$target.log
  if [[ $(cat "build-fuzz/logs/$target.status" 2>/dev/null) == 0 ]]; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "run-fuzzers: $target: ${runs:-?} executions in ${seconds} s, no findings"
  else
    echo "run-fuzzers: $target FAILED; the end of $log:" >&2
    tail -n 40 "$log" >&2
    echo "reproduce with: build-fuzz/bin/$target build-fuzz/artifacts/$target-*" >&2
    failed+=("$target")
  fi
done
[[ ${#failed[@]} -eq 0 ]] || { echo "run-fuzzers: findings in ${failed[*]}" >&2; exit 1; }
