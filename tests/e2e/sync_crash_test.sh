#!/usr/bin/env bash
# kill -9 the `orlivectl sync` daemon at random moments, over and over, while it drains three
# cases to a Mastodon peer that answers slowly (so kills land mid-request, leaving unknown
# outcomes) and an AT Protocol peer. Afterwards every post exists exactly once on each peer,
# in thread order.
# SYNC_CRASH_CYCLES (default 20) sets how many kills; CI keeps the default (well under 60 s).
set -euo pipefail
ctl=$1 peer=$2
cycles=${SYNC_CRASH_CYCLES:-20}
posts_per_case=${SYNC_CRASH_POSTS:-20}
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
source "$(dirname "$0")/sync_lib.sh"
d=(--data-dir "$work/data")

start_peer mastodon masto --latency-ms 15; pids+=("$masto_pid")
start_peer bluesky sky --latency-ms 15; pids+=("$sky_pid")
url="http://127.0.0.1:$masto_port"
sky="http://127.0.0.1:$sky_port"
printf '{"undo_seconds":0,"accounts":[{"name":"main","kind":"mastodon","base_url":"%s","access_token":"test-token"},
  {"name":"sky","kind":"bluesky","service":"%s","identifier":"or.test","app_password":"app-pass-1234"}]}' \
  "$url" "$sky" > "$work/config.json"
c=(--config "$work/config.json")

declare -a texts1 texts2 texts3
for case_no in 1 2 3; do
  "$ctl" "${d[@]}" "${c[@]}" case start --procedure cabg --consent deidentified >/dev/null
  for i in $(seq 1 "$posts_per_case"); do
    text="crash case $case_no post $i"
    "$ctl" "${d[@]}" "${c[@]}" post --text "$text" >/dev/null
    eval "texts$case_no+=(\"\$text\")"
  done
  "$ctl" "${d[@]}" "${c[@]}" case end >/dev/null
done

killed_in_flight=0
for cycle in $(seq 1 "$cycles"); do
  "$ctl" "${d[@]}" "${c[@]}" sync 2>/dev/null &
  sync_pid=$!; pids+=("$sync_pid")
  # 10..200 ms: sometimes before the first request, mostly in the middle of one.
  sleep "0.$(printf '%03d' $(( (RANDOM % 191) + 10 )))"
  kill -9 "$sync_pid" 2>/dev/null || true
  wait "$sync_pid" 2>/dev/null || true
  if sqlite3 "$work/data/orlive.db" "SELECT count(*) FROM deliveries WHERE state = 'sending'" | grep -q '^[12]$'; then
    killed_in_flight=$((killed_in_flight + 1))
  fi
done

expect_status 0 "$ctl" "${d[@]}" "${c[@]}" sync --once --timeout 60
expect_thread "$url" "${texts1[@]}"
expect_thread "$url" "${texts2[@]}"
expect_thread "$url" "${texts3[@]}"
expect_bsky_thread "$sky" "${texts1[@]}"
expect_bsky_thread "$sky" "${texts2[@]}"
expect_bsky_thread "$sky" "${texts3[@]}"
expect_eq "$("$peer" --get "$sky/_peer/records" | jq length)" $((3 * posts_per_case)) "records on the PDS"
total=$("$peer" --get "$url/_peer/statuses" | jq 'length')
expect_eq "$total" $((3 * posts_per_case)) "statuses on the peer"
replays=$("$peer" --get "$url/_peer/stats" | jq .replays)
rewrites=$("$peer" --get "$sky/_peer/records" | jq '[.[] | select(.writes > 1)] | length')
echo "sync crash: ok ($cycles kill -9 cycles, $killed_in_flight left a delivery in flight;" \
     "$replays Mastodon retries answered from Idempotency-Key, $rewrites Bluesky records rewritten in place)"
