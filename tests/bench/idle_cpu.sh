#!/usr/bin/env bash
# Idle CPU and peak RSS of the app left untouched: runs orlive under Xvfb with an active case
# (so the elapsed clock ticks once a second) and reads /proc for SECONDS seconds.
# usage: tests/bench/idle_cpu.sh build/bin/orlive build/bin/orlivectl [SECONDS]
set -euo pipefail
app=$1 ctl=$2 seconds=${3:-10}
if [[ -z "${ORLIVE_BENCH_IN_XVFB:-}" ]]; then
  export ORLIVE_BENCH_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi
work=$(mktemp -d); trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
printf '{"undo_seconds": 10}' > "$work/config.json"
"$ctl" --data-dir "$work" case start --procedure lap-chole >/dev/null
"$app" --data-dir "$work" --config "$work/config.json" --size 1280x800 & pid=$!
sleep 3  # startup and the first frames are not idle
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(cpu); start=$(date +%s.%N)
sleep "$seconds"
after=$(cpu); end=$(date +%s.%N)
awk -v b="$before" -v a="$after" -v t="$ticks" -v s="$start" -v e="$end" \
  'BEGIN { printf "idle CPU over %.1f s: %.2f%% of one core (%d ticks)\n", e - s, 100 * (a - b) / t / (e - s), a - b }'
grep VmHWM "/proc/$pid/status" | awk '{printf "peak RSS: %.1f MiB\n", $2 / 1024}'
