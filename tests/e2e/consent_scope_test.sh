#!/usr/bin/env bash
# Consent from the outside, with the real binaries and a loopback Mastodon peer:
# - under full consent a third party's name and date are redacted, the patient's own name goes out;
# - withdrawal after `case end`, with --case, cancels what is queued and deletes what was sent,
#   and `queue --json` shows those deliveries `deleted` (with their platform);
# - `case start --patient-stdin` protects the MRN given that way.
set -euo pipefail
ctl=$1 peer=$2
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
source "$(dirname "$0")/sync_lib.sh"
d=(--data-dir "$work/data")

start_peer mastodon masto --token "tok-1"; pids+=("$masto_pid")
cat > "$work/config.json" <<JSON
{"undo_seconds": 0, "accounts": [
  {"name": "main", "kind": "mastodon", "base_url": "http://127.0.0.1:$masto_port", "access_token": "tok-1"}]}
JSON
c=(--config "$work/config.json")

# 1. Full consent covers the patient only.
echo '{"names":["Ana Okafor"],"mrn":"WB-00917734","dob":"1962-07-19"}' > "$work/patient.json"
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" case start --procedure lap-chole --consent full --release-ref REL-77 \
  --patient-stdin < "$work/patient.json"
case_id=$out
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --text \
  "Ana Okafor is awake. Her husband John Smith and Mr. Delgado in bay 3 (DOB 4/5/1950) say hi"
text=$(jq -r .text <<<"$out")
expect_contains "$text" "Ana Okafor" "the patient's own name goes out under full consent"
for leak in "John Smith" "Delgado" "4/5/1950"; do
  [[ "$text" != *"$leak"* ]] || fail "full consent let a third party's '$leak' out: $text"
done
expect_eq "$(jq -r .state <<<"$out")" "held" "a post with a redacted third party waits for review"
held_id=$(jq -r .id <<<"$out")
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" approve "$held_id"

# 2. The MRN given on stdin is caught like any patient detail.
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --text "Wristband WB 00917734 checked at time-out"
[[ "$(jq -r .text <<<"$out")" != *"00917734"* ]] || fail "the MRN from --patient-stdin went out: $out"

# Two posts go out; a third stays queued because the peer answers 503 to it.
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --text "Incision at 09:12 #SurgEd" --undo-seconds 0
sent_a=$(jq -r .id <<<"$out")
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --text "Closing now #SurgEd" --undo-seconds 0
sent_b=$(jq -r .id <<<"$out")
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" sync --once --timeout 20
live=$("$peer" --get "http://127.0.0.1:$masto_port/_peer/statuses")
expect_eq "$(jq '[.[] | select(.deleted | not)] | length' <<<"$live")" "$(jq 'length' <<<"$live")" "nothing deleted yet"
"$peer" --post "http://127.0.0.1:$masto_port/_peer/fault?kind=503&times=100" >/dev/null
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --text "Patient in recovery #SurgEd" --undo-seconds 0
queued_id=$(jq -r .id <<<"$out")
"$ctl" "${d[@]}" "${c[@]}" sync --once --timeout 1 >/dev/null 2>&1 || true
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" queue --json
expect_eq "$(jq -r --argjson id "$queued_id" '.[] | select(.id == $id) | .deliveries[0].state' <<<"$out")" "queued" \
  "the refused post waits in the queue"
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" case end

# 3. Withdrawal after the case ended reaches it through --case.
expect_status 2 "$ctl" "${d[@]}" "${c[@]}" case consent none
expect_contains "$err" "--case" "withdrawing with no active case names the flag to use"
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" case consent none --case "$case_id"
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" sync --once --timeout 20
statuses=$("$peer" --get "http://127.0.0.1:$masto_port/_peer/statuses")
expect_eq "$(jq '[.[] | select(.deleted | not)] | length' <<<"$statuses")" "0" \
  "every post of the withdrawn case is deleted on the peer: $(jq -c . <<<"$statuses" | head -c 2000)"
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" queue --json
for id in "$sent_a" "$sent_b"; do
  expect_eq "$(jq -r --argjson id "$id" '.[] | select(.id == $id) | .deliveries[0].deletion' <<<"$out")" "deleted" \
    "queue --json shows post $id deleted"
  expect_eq "$(jq -r --argjson id "$id" '.[] | select(.id == $id) | .deliveries[0].platform' <<<"$out")" "mastodon" \
    "queue --json names the platform"
done
expect_eq "$(jq -r --argjson id "$queued_id" '.[] | select(.id == $id) | .deliveries[0].state' <<<"$out")" "cancelled" \
  "the queued post of the withdrawn case is cancelled"
unsent=$(jq '[.[] | select(.case_id == '"$case_id"') | .deliveries[] | select(.state == "queued" or .state == "pending")]
             | length' <<<"$out")
expect_eq "$unsent" "0" "nothing of the withdrawn case is left to send"
expect_eq "$(jq '[.[] | .text] | map(select(test("Recovery"; "i"))) | length' <<<"$statuses")" "0" \
  "the refused post never reached the peer"

# 4. The patient details never show in a process list: --patient-stdin takes no values on the
#    command line, and refuses to be mixed with them.
expect_status 1 "$ctl" "${d[@]}" "${c[@]}" case start --procedure lap-chole --patient-stdin --mrn 123 < /dev/null
expect_status 2 "$ctl" "${d[@]}" "${c[@]}" case start --procedure lap-chole --patient-stdin <<<'{"mrn": 5}'
expect_contains "$err" "mrn" "a wrong type is named"
echo "consent scope: ok"
