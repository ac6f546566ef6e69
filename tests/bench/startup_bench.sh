#!/usr/bin/env bash
# Startup to a settled, saved frame and peak RSS of `orlive --screenshot` (mid-case data dir)
# against bare_imgui_window (the same GLFW window, GL context and ImGui backends, nothing else),
# RUNS runs each, alternating, under one Xvfb; prints the medians and their ratios.
# usage: tests/bench/startup_bench.sh ORLIVE ORLIVECTL BARE_IMGUI_WINDOW [RUNS]
set -euo pipefail
app=$1 ctl=$2 bare=$3 runs=${4:-7}
if [[ -z "${ORLIVE_BENCH_IN_XVFB:-}" ]]; then
  export ORLIVE_BENCH_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config  # no config file: local feed only, whatever this machine has
"$ctl" --data-dir "$work/data" case start --procedure lap-chole --consent deidentified >/dev/null
for m in anaesthesia time-out pneumoperitoneum; do
  "$ctl" --data-dir "$work/data" post --milestone "$m" --undo-seconds 0 >/dev/null
done

# One run: prints "WALL_MS MAX_RSS_KB". /usr/bin/time's %e has 10 ms steps, so wall is ours.
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>"$work/stderr" || {
    echo "startup_bench: '$*' failed: $(cat "$work/stderr")" >&2; exit 2; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(tail -1 "$work/rss")"
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

: >"$work/app"; : >"$work/bare"
measure "$bare" 4 >/dev/null  # the first run of anything pays for a cold page cache
for ((i = 0; i < runs; i++)); do
  measure "$app" --data-dir "$work/data" --screenshot "$work/shot.png" >>"$work/app"
  measure "$bare" 4 >>"$work/bare"
done
app_ms=$(cut -d' ' -f1 "$work/app" | median); app_kb=$(cut -d' ' -f2 "$work/app" | median)
bare_ms=$(cut -d' ' -f1 "$work/bare" | median); bare_kb=$(cut -d' ' -f2 "$work/bare" | median)
echo "startup: orlive --screenshot: median ${app_ms} ms, peak RSS median $((app_kb / 1024)) MiB ($runs runs)"
echo "startup: bare_imgui_window 4 frames: median ${bare_ms} ms, peak RSS median $((bare_kb / 1024)) MiB ($runs runs)"
awk -v a="$app_ms" -v b="$bare_ms" -v ar="$app_kb" -v br="$bare_kb" 'BEGIN {
  printf "ratio: startup orlive vs bare: %d ms / %d ms = %.2fx\n", a, b, a / b
  printf "ratio: peak RSS orlive vs bare: %.1f MiB / %.1f MiB = %.2fx\n", ar / 1024, br / 1024, ar / br }'
