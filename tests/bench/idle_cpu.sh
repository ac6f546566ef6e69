#!/usr/bin/env bash
# Idle CPU, wake-ups and peak RSS of the app left untouched mid-case, beside its floor in the
# same run: bare_imgui_window redrawing once a second (the same GLFW window, GL context and
# ImGui backends). Both run at once under one Xvfb for SECONDS seconds; CPU time from /proc,
# frames and wake-ups from the app's own counters (ORLIVE_LOOP_STATS, printed at SIGTERM).
# While it runs, orlivectl posts once from another process (without an undo window) at
# SECONDS/2: the app must notice it by its file watcher and draw it.
# usage: tests/bench/idle_cpu.sh ORLIVE ORLIVECTL BARE_IMGUI_WINDOW [SECONDS]
set -euo pipefail
app=$1 ctl=$2 bare=$3 seconds=${4:-20}
if [[ -z "${ORLIVE_BENCH_IN_XVFB:-}" ]]; then
  export ORLIVE_BENCH_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi
work=$(mktemp -d); pid='' bare_pid=''
trap 'kill $pid $bare_pid 2>/dev/null || true; rm -rf "$work"' EXIT
printf '{"undo_seconds": 10}' > "$work/config.json"
"$ctl" --data-dir "$work" case start --procedure lap-chole >/dev/null
ORLIVE_LOOP_STATS=1 "$app" --data-dir "$work" --config "$work/config.json" --size 1280x800 2>"$work/app.err" & pid=$!
"$bare" $((seconds + 30)) 1000 & bare_pid=$!
sleep 3  # startup and the first frames are not idle
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=$(cpu $pid); bare_before=$(cpu $bare_pid); start=$(date +%s.%N)
sleep $((seconds / 2))
"$ctl" --data-dir "$work" post --milestone anaesthesia --undo-seconds 0 >/dev/null
sleep $((seconds - seconds / 2))
after=$(cpu $pid); bare_after=$(cpu $bare_pid); end=$(date +%s.%N)
app_hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status"); bare_hwm=$(awk '/VmHWM/ {print $2}' "/proc/$bare_pid/status")
kill -TERM $pid; wait $pid || true; pid=''
kill $bare_pid; wait $bare_pid 2>/dev/null || true; bare_pid=''
read -r frames wakeups < <(sed -n 's/.*loop stats: \([0-9]*\) frames, \([0-9]*\) wake-ups.*/\1 \2/p' "$work/app.err") || true
awk -v b="$before" -v a="$after" -v bb="$bare_before" -v ba="$bare_after" -v t="$ticks" -v s="$start" -v e="$end" \
    -v f="${frames:-0}" -v w="${wakeups:-0}" -v ah="$app_hwm" -v bh="$bare_hwm" 'BEGIN {
  d = e - s; app = 100 * (a - b) / t / d; bare = 100 * (ba - bb) / t / d
  printf "idle CPU over %.1f s: orlive %.2f%% of one core (%d ticks), bare window redrawing 1/s %.2f%% (%d ticks)\n", d, app, a - b, bare, ba - bb
  printf "ratio: idle CPU orlive vs bare 1/s window: %.2fx\n", (bare > 0 ? app / bare : 0)
  printf "orlive loop (whole run, from start-up): %d frames, %d wake-ups\n", f, w
  printf "peak RSS: orlive %.1f MiB, bare window %.1f MiB\n", ah / 1024, bh / 1024
  printf "ratio: peak RSS orlive vs bare: %.2fx\n", ah / bh }'
