#!/usr/bin/env bash
# A finger on a milestone: runs the real app under Xvfb, taps the first milestone tile with
# xdotool, and finds the post with `orlivectl queue --json`. Then taps UNDO on a second one.
set -euo pipefail
app=$1 ctl=$2
source "$(dirname "$0")/lib.sh"
under_xvfb "$@"
make_workdir

printf '{"undo_seconds": 10}' > "$work/config.json"
d=(--data-dir "$work/data" --config "$work/config.json")
"$ctl" "${d[@]}" case start --procedure lap-chole >/dev/null
start_app "$app" "${d[@]}"


# Tile 1 (Anaesthesia induced) is top-left of the grid at 1280x800.
tap 160 200
wait_for 'any(.[]; .milestone == "anaesthesia" and .state == "pending")'

# Tap tile 2, then UNDO at the right end of the bottom bar: that post is cancelled.
tap 480 200
wait_for 'any(.[]; .milestone == "time-out" and .state == "pending")'
sleep 1
tap 1150 740
wait_for 'any(.[]; .milestone == "time-out" and .state == "cancelled")'
expect_eq "$(queue | jq '[.[] | select(.milestone == "anaesthesia")] | length')" 1 "one post per tap"
stop_app
[[ ! -s "$work/app.err" ]] || echo "app stderr: $(cat "$work/app.err")"
echo "tap under Xvfb: ok"
