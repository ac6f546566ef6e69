#!/usr/bin/env bash
# A finger on a milestone: runs the real app under Xvfb, taps the first milestone tile with
# xdotool, and finds the post with `orlivectl queue --json`. Then taps UNDO on a second one.
set -euo pipefail
app=$1 ctl=$2
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
cleanup() { [[ -n "${app_pid:-}" ]] && kill "$app_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

if [[ -z "${ORLIVE_E2E_IN_XVFB:-}" ]]; then
  export ORLIVE_E2E_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi

printf '{"undo_seconds": 10}' > "$work/config.json"
d=(--data-dir "$work/data" --config "$work/config.json")
"$ctl" "${d[@]}" case start --procedure lap-chole >/dev/null
"$app" "${d[@]}" --size 1280x800 2>"$work/app.err" &
app_pid=$!
window=$(timeout 20 xdotool search --sync --name '^ORLive$' | head -n 1) || fail "the app window never appeared: $(cat "$work/app.err")"
sleep 1

queue() { "$ctl" "${d[@]}" queue --json; }
wait_for() {  # wait_for JQ_FILTER: until the queue satisfies it (10 s)
  for _ in $(seq 50); do [[ "$(queue | jq -r "$1")" == true ]] && return 0; sleep 0.2; done
  fail "queue never satisfied $1: $(queue)"
}

# Tile 1 (Anaesthesia induced) is top-left of the grid at 1280x800.
xdotool mousemove --window "$window" 160 200 click 1
wait_for 'any(.[]; .milestone == "anaesthesia" and .state == "pending")'

# Tap tile 2, then UNDO at the right end of the bottom bar: that post is cancelled.
xdotool mousemove --window "$window" 480 200 click 1
wait_for 'any(.[]; .milestone == "time-out" and .state == "pending")'
sleep 1
xdotool mousemove --window "$window" 1150 740 click 1
wait_for 'any(.[]; .milestone == "time-out" and .state == "cancelled")'
expect_eq "$(queue | jq '[.[] | select(.milestone == "anaesthesia")] | length')" 1 "one post per tap"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
[[ ! -s "$work/app.err" ]] || echo "app stderr: $(cat "$work/app.err")"
echo "tap under Xvfb: ok"
