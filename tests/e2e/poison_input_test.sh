#!/usr/bin/env bash
# Nothing poisons the queue, from the outside: text that is not UTF-8 is refused at the door
# (post, case start --surgeon/--staff/--patient-name, a redact line, the settings file) with
# exit 2, one line, and nothing stored; a poison row planted with sqlite3 (invalid text, its
# delivery committed `sending`, as a crash left it) fails alone, and `sync --once` delivers
# every valid post before and after it, exits normally, and `queue --json` stays readable.
set -euo pipefail
ctl=$1 peer=$2
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
source "$(dirname "$0")/sync_lib.sh"
d=(--data-dir "$work/data")
bad=$'All good \xf1 team'

start_peer mastodon masto; pids+=("$masto_pid")
cat > "$work/config.json" <<JSON
{"undo_seconds": 0, "accounts": [
  {"name": "main", "kind": "mastodon", "base_url": "http://127.0.0.1:$masto_port", "access_token": "test-token"}]}
JSON
c=(--config "$work/config.json")
count_posts() { "$ctl" "${d[@]}" queue --json | jq length; }

# Refused at every door: exit 2, one line naming the flag, nothing stored.
expect_status 2 "$ctl" "${d[@]}" "${c[@]}" case start --procedure lap-chole --surgeon "Dr. $bad"
expect_contains "$err" "the value of --surgeon is not valid UTF-8" "surgeon refused"
expect_eq "$(wc -l <<<"$err")" 1 "one line"
expect_status 2 "$ctl" "${d[@]}" "${c[@]}" case start --procedure lap-chole --staff "$bad"
expect_status 2 "$ctl" "${d[@]}" "${c[@]}" case start --procedure lap-chole "--patient-name=$bad"
expect_contains "$err" "the value of --patient-name" "patient name refused"
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" case show
expect_contains "$out$err" "no active case" "no case was started"
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" case start --procedure lap-chole --surgeon "Dr. Rivera"
expect_status 2 "$ctl" "${d[@]}" "${c[@]}" post --text "$bad"
expect_contains "$err" "the value of --text is not valid UTF-8" "post refused"
expect_status 2 "$ctl" "${d[@]}" "${c[@]}" post --milestone anaesthesia --note "$bad"
expect_eq "$(count_posts)" 0 "nothing stored by the refused posts"

# A redact line gets its own error; the lines around it go on.
printf '%s\n' '{"id":1,"text":"ok"}' "{\"id\":2,\"text\":\"$bad\"}" '{"id":3,"text":"fine"}' > "$work/lines"
expect_status 0 "$ctl" redact < "$work/lines"
expect_eq "$(jq -c 'select(.error) | .error' <<<"$out")" '"line 2: the line is not valid UTF-8 text (byte 26); retype it, or save the file as UTF-8"' "redact line error"
expect_eq "$(jq -s 'map(select(.redacted)) | length' <<<"$out")" 2 "other lines redacted"

# A settings file with a bad byte is refused naming the byte.
printf '{"hospital_name": "Riverside \xf1"}' > "$work/bad-config.json"
expect_status 2 "$ctl" "${d[@]}" --config "$work/bad-config.json" post --text "hello"
expect_contains "$err" "is not valid UTF-8 text (byte 30)" "settings refused"

# The poison pill, planted as an older build or a crash left it.
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --text "Before the poison"
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --text "placeholder"
poison=$(jq .id <<<"$out")
sqlite3 "$work/data/orlive.db" "UPDATE posts SET text = CAST(X'416C6C20676F6F6420F1207465616D' AS TEXT) WHERE id = $poison;
  UPDATE deliveries SET state = 'sending', attempts = 1 WHERE post_id = $poison;"
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --text "After the poison"
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --milestone anaesthesia

expect_status 0 "$ctl" "${d[@]}" "${c[@]}" sync --once --timeout 20
expect_eq "$(jq -c '[.sent, .failed]' <<<"$out")" "[3,1]" "three sent, the poison failed"
expect_status 0 "$ctl" "${d[@]}" queue --json
expect_eq "$(jq -r ".[] | select(.id == $poison) | .deliveries[0].state" <<<"$out")" failed "poison row failed"
expect_contains "$(jq -r ".[] | select(.id == $poison) | .deliveries[0].last_error" <<<"$out")" "not valid UTF-8" "its reason"
expect_contains "$(jq -r ".[] | select(.id == $poison) | .text" <<<"$out")" $'\xef\xbf\xbd' "shown with U+FFFD"
statuses=$("$peer" --get "http://127.0.0.1:$masto_port/_peer/statuses")
expect_eq "$(jq length <<<"$statuses")" 3 "three statuses on the peer"
expect_thread "http://127.0.0.1:$masto_port" "Before the poison" "After the poison"
echo "poison input: PASS"
