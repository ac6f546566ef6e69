#!/usr/bin/env bash
# kill -9 at random points of a tap: `orlivectl post` (the tap's exact pipeline) killed after a
# random delay spread over its whole run, CYCLES times. Acknowledged = it printed its JSON id.
# At least one post must be acknowledged (late kills are added until one is). Then: every
# acknowledged post is there with its own text and both delivery rows, no post is
# there twice, integrity_check is ok and the redaction log verifies. Half the posts carry a
# phone number, so they are redacted and write log entries and the sealed head too.
# usage: tests/faults/kill_nine_test.sh ORLIVECTL [CYCLES]
set -euo pipefail
ctl=$1 cycles=${2:-50}
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
d=(--data-dir "$work/data" --config "$work/config.json")
cat >"$work/config.json" <<'JSON'
{"undo_seconds": 10, "accounts": [
  {"name": "main", "kind": "mastodon", "base_url": "https://example.social", "access_token": "t"},
  {"name": "team", "kind": "webhook", "url": "http://127.0.0.1:9/hook", "format": "json"}]}
JSON
"$ctl" "${d[@]}" case start --procedure lap-chole --consent deidentified >/dev/null
text_for() {  # cycle -> post text, unique by its token
  local token; token=$(letters "$1")
  if (($1 % 2)); then echo "Family liaison ref $token: please call 555-201-7788"; else echo "Team update ref $token"; fi
}

# How long one post takes here, so the kill delays cover start-up, filter load and commit.
start=$(date +%s%N)
for i in 1 2 3; do "$ctl" "${d[@]}" post --text "Warm-up $(letters $i)" >/dev/null; done
run_us=$(( ($(date +%s%N) - start) / 3000 ))
max_delay_us=$(( run_us * 13 / 10 ))

acked=0 killed_early=0
: >"$work/acked"
# One cycle: post, kill -9 after DELAY_US, record the id when the post was acknowledged.
cycle() {  # cycle-number delay-us
  local i=$1 delay_us=$2 pid id
  # Removed first: a kill before the child's redirection would leave the last cycle's output.
  rm -f "$work/out"
  "$ctl" "${d[@]}" post --text "$(text_for "$i")" >"$work/out" 2>/dev/null & pid=$!
  sleep "$(printf '%d.%06d' $((delay_us / 1000000)) $((delay_us % 1000000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # jq -e succeeds on an empty file: ask for a number explicitly.
  if [[ -f "$work/out" ]] && id=$(jq -er .id "$work/out" 2>/dev/null) && [[ "$id" =~ ^[0-9]+$ ]]; then
    echo "$id $i" >>"$work/acked"; acked=$((acked + 1))
  else
    killed_early=$((killed_early + 1))
  fi
}
for ((i = 0; i < cycles; i++)); do
  cycle "$i" $(( (RANDOM * 32768 + RANDOM) % max_delay_us ))
done
# A run where every kill landed before the acknowledgement would check nothing about
# acknowledged posts: kill late (well after a post's run time) until one was acknowledged.
for ((late = 0; acked == 0 && late < 5; late++, i++)); do
  cycle "$i" $(( run_us * (3 + late) ))
done
((acked > 0)) || fail "no post was acknowledged in $i cycles, even killed at $((run_us * 7 / 1000)) ms: nothing was checked"
cycles=$i

expect_database_intact "$ctl" "$work/data"
expect_status 0 "$ctl" "${d[@]}" queue --json
queue=$out
while read -r id i; do
  text=$(jq -r --argjson id "$id" '.[] | select(.id == $id) | .text' <<<"$queue")
  [[ -n "$text" ]] || fail "acknowledged post $id (cycle $i) was lost"
  expect_contains "$text" "ref $(letters "$i")" "post $id holds cycle $i's text"
done <"$work/acked"
dupes=$(jq -r '.[].text' <<<"$queue" | { grep -o 'ref zq[a-z]*' || true; } | sort | uniq -d)
[[ -z "$dupes" ]] || fail "posts written twice: $dupes"
partial=$(jq '[.[] | select((.deliveries | length) != 2)] | length' <<<"$queue")
expect_eq "$partial" 0 "posts without both delivery rows"
stored=$(jq '[.[] | select(.text | test("ref zq[a-z]+"))] | length' <<<"$queue")
echo "kill -9 during post: $cycles cycles (kill delay 0-$((max_delay_us / 1000)) ms, a post takes ~$((run_us / 1000)) ms):" \
     "$acked acknowledged and all present, $((stored - acked)) committed but killed before printing," \
     "$((cycles - stored)) killed before commit, 0 duplicates, integrity ok, log verify ok"
