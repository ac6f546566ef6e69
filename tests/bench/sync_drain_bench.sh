#!/usr/bin/env bash
# Drain throughput: N posts (default 1000, one case, so each replies to the one before) through
# `orlivectl sync --once` to the loopback Mastodon peer, against a shell loop running one curl
# per post to a second, identical peer. Then CPU use of `orlivectl sync` while it backs off
# from a peer that is down. Posts are inserted with sqlite3 so only delivery is timed.
# usage: tests/bench/sync_drain_bench.sh build/bin/orlivectl build/tests/../bin/orlive_test_peer [N] [BACKOFF_SECONDS]
set -euo pipefail
ctl=$1 peer=$2 n=${3:-1000} backoff_seconds=${4:-20}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
source "$(dirname "$0")/../e2e/lib.sh"
source "$(dirname "$0")/../e2e/sync_lib.sh"
now_ms() { date +%s%3N; }

start_peer mastodon engine_peer; pids+=("$engine_peer_pid")
start_peer mastodon loop_peer; pids+=("$loop_peer_pid")
printf '{"undo_seconds":0,"accounts":[{"name":"main","kind":"mastodon","base_url":"http://127.0.0.1:%s","access_token":"test-token"}]}' \
  "$engine_peer_port" > "$work/config.json"
d=(--data-dir "$work/data" --config "$work/config.json")
"$ctl" "${d[@]}" case start --procedure cabg --consent deidentified >/dev/null
t=$(now_ms)
sqlite3 "$work/data/orlive.db" <<SQL
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < $n)
INSERT INTO posts (case_id, kind, text, state, created_at, release_at)
SELECT 1, 'text', 'bench post ' || i, 'queued', $t + i, $t + i FROM seq;
INSERT INTO deliveries (post_id, account, state, updated_at) SELECT id, 'main', 'queued', $t FROM posts;
SQL

start=$(date +%s.%N)
"$ctl" "${d[@]}" sync --once --timeout 600 >/dev/null
end=$(date +%s.%N)
sent=$(curl -sf "http://127.0.0.1:$engine_peer_port/_peer/statuses" | jq 'length')
awk -v n="$sent" -v s="$start" -v e="$end" 'BEGIN { printf "orlivectl sync --once: %d posts in %.2f s = %.0f posts/s\n", n, e - s, n / (e - s) }'

start=$(date +%s.%N)
previous=""
for i in $(seq 1 "$n"); do
  body="{\"status\":\"loop post $i\"${previous:+,\"in_reply_to_id\":\"$previous\"}}"
  previous=$(curl -sf -X POST "http://127.0.0.1:$loop_peer_port/api/v1/statuses" -H "Authorization: Bearer test-token" \
    -H "Content-Type: application/json" -H "Idempotency-Key: loop-$i" -d "$body" | jq -r .id)
done
end=$(date +%s.%N)
sent=$(curl -sf "http://127.0.0.1:$loop_peer_port/_peer/statuses" | jq 'length')
awk -v n="$sent" -v s="$start" -v e="$end" 'BEGIN { printf "curl-per-post loop:   %d posts in %.2f s = %.0f posts/s\n", n, e - s, n / (e - s) }'

# Backing off: the peer is gone; the daemon must sleep, not spin.
kill "$engine_peer_pid"; wait "$engine_peer_pid" 2>/dev/null || true
"$ctl" "${d[@]}" post --text "while offline" >/dev/null
"$ctl" "${d[@]}" sync 2>/dev/null & pid=$!; pids+=("$pid")
sleep 2
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(cpu); start=$(date +%s.%N)
sleep "$backoff_seconds"
after=$(cpu); end=$(date +%s.%N)
awk -v b="$before" -v a="$after" -v t="$ticks" -v s="$start" -v e="$end" \
  'BEGIN { printf "orlivectl sync backing off for %.1f s: %.2f%% of one core (%d ticks)\n", e - s, 100 * (a - b) / t / (e - s), a - b }'
