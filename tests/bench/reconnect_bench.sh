#!/usr/bin/env bash
# Reconnect: how soon after the network comes back does the first queued post go out? The
# daemon (`orlivectl sync`) delivers to the loopback Mastodon peer; the peer goes away for
# OUTAGE seconds while posts are queued; then it comes back on the same port and we time, from
# its first answer, until the first post has arrived. The floor is the same delivery with the
# peer up all along (a post queued while online, until it arrives).
# usage: tests/bench/reconnect_bench.sh build/bin/orlivectl build/bin/orlive_test_peer [OUTAGE_SECONDS]
set -euo pipefail
ctl=$1 peer=$2 outage=${3:-600}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
source "$(dirname "$0")/../e2e/lib.sh"
source "$(dirname "$0")/../e2e/sync_lib.sh"
now_ms() { date +%s%3N; }
count() { "$peer" --get "http://127.0.0.1:$masto_port/_peer/statuses" 2>/dev/null | jq 'length' 2>/dev/null || echo 0; }
# Milliseconds until the peer holds at least N statuses (polled every 20 ms), or fail.
wait_for_statuses() {
  local n=$1 start; start=$(now_ms)
  for _ in $(seq 1 3000); do
    (($(count) >= n)) && { echo $(($(now_ms) - start)); return; }
    sleep 0.02
  done
  fail "fewer than $n posts arrived within 60 s; the daemon said: $(tail -5 "$work/sync.log")"
}

start_peer mastodon masto --lifetime $((outage + 300)); pids+=("$masto_pid")
printf '{"undo_seconds":0,"accounts":[{"name":"main","kind":"mastodon","base_url":"http://127.0.0.1:%s","access_token":"test-token"}]}' \
  "$masto_port" >"$work/config.json"
d=(--data-dir "$work/data" --config "$work/config.json")
"$ctl" "${d[@]}" sync 2>"$work/sync.log" & sync_pid=$!; pids+=("$sync_pid")

# The floor: online, a post queued until it is out (no case: the restarted peer below starts
# empty, so the outage's posts must not reply to anything it never saw).
"$ctl" "${d[@]}" post --text "online" >/dev/null
floor_ms=$(wait_for_statuses 1)
"$ctl" "${d[@]}" case start --procedure cabg --consent deidentified >/dev/null

# The outage: the peer is gone, posts queue, the daemon backs off.
stop_peer "$masto_pid"
for i in 1 2 3; do "$ctl" "${d[@]}" post --text "during the outage $i" >/dev/null; done
sleep "$outage"
start_peer mastodon masto --port "$masto_port" --lifetime 300; pids+=("$masto_pid")
back_ms=$(wait_for_statuses 1)  # the restarted peer starts empty: its first status is ours
all_ms=$(wait_for_statuses 3)
kill "$sync_pid"; wait "$sync_pid" 2>/dev/null || true
awk -v o="$outage" -v b="$back_ms" -v a="$all_ms" -v f="$floor_ms" 'BEGIN {
  printf "reconnect after a %d s outage: first queued post out %.2f s after the server came back (all 3 by %.2f s)\n", o, b / 1000, (b + a) / 1000
  printf "floor: a post queued while online, out after %.2f s\n", f / 1000
  printf "ratio: reconnect vs online delivery: %.2f s / %.2f s = %.1fx\n", b / 1000, f / 1000, (f > 0 ? b / f : 0) }'
