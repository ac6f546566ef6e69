#!/usr/bin/env bash
# Followers' questions from the outside, against the Mastodon-behaving peer: two followers'
# replies to a case's thread appear in `questions --json` (exactly the contract's keys) with the
# right post and author; `answer` prints what `post` prints and the answer arrives as a reply to
# the follower's status; an answer carrying a phone number is held and the number never reaches
# the peer; `hide` is logged without the question's text; unknown ids are clear errors; a backup
# keeps no question text.
set -euo pipefail
ctl=$1 peer=$2
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
source "$(dirname "$0")/sync_lib.sh"
d=(--data-dir "$work/data")

start_peer mastodon masto --token "tok-Q"
pids+=("$masto_pid")
url="http://127.0.0.1:$masto_port"
cat > "$work/config.json" <<JSON
{"undo_seconds": 0, "accounts": [
  {"name": "main", "kind": "mastodon", "base_url": "$url", "access_token": "tok-Q"}]}
JSON
c=(--config "$work/config.json")
ctl_() { "$ctl" "${d[@]}" "${c[@]}" "$@"; }

expect_status 0 ctl_ case start --procedure lap-chole --consent deidentified --patient-name "Maria Lopez"
expect_status 0 ctl_ post --text "Time-out complete."
expect_status 0 ctl_ post --text "Incision made."
expect_status 0 ctl_ sync --once --timeout 10
expect_status 0 ctl_ questions --json
expect_eq "$out" "[]" "no questions before any reply"
expect_status 0 ctl_ queue --json
first_remote=$(jq -r '.[0].deliveries[0].remote_id' <<<"$out")
second_remote=$(jq -r '.[1].deliveries[0].remote_id' <<<"$out")
[[ -n "$first_remote" && -n "$second_remote" ]] || fail "the thread did not go out: $out"

# Two followers reply, one to each post (and one to the other follower: not a question to us).
reply() {  # reply IN_REPLY_TO ACCT HTML -> prints the new status id
  local html; html=$(jq -rn --arg h "$3" '$h | @uri')
  "$peer" --post "$url/_peer/reply?in_reply_to_id=$1&acct=$2&html=$html" | jq -r .id
}
alice=$(reply "$first_remote" "alice%40med.example" "<p>How long does it take? Is that Maria Lopez?</p>")
bob=$(reply "$second_remote" "bob" "<p>Is the camera <b>inside</b>?</p>")
reply "$alice" "carol" "<p>me too</p>" >/dev/null
expect_status 0 ctl_ sync --once --timeout 10
expect_status 0 ctl_ questions --json
q=$out
expect_eq "$(jq length <<<"$q")" 2 "two questions"
expect_eq "$(jq -c '[.[] | keys_unsorted]' <<<"$q" | jq -c '[.[] | sort] | unique')" \
  '[["account","author","case_id","id","platform","received_at","remote_id","reply_to_post","state","text"]]' \
  "questions --json keys"
expect_eq "$(jq -r '.[0].author, .[0].remote_id, .[0].reply_to_post, .[0].platform, .[0].account, .[0].state' <<<"$q" | paste -sd ' ')" \
  "alice@med.example $alice 1 mastodon main new" "first question"
expect_eq "$(jq -r '.[1].author, .[1].remote_id, .[1].reply_to_post, .[1].text' <<<"$q" | paste -sd '|')" \
  "bob|$bob|2|Is the camera inside?" "second question (markup stripped)"
[[ "$(jq -r '.[0].received_at' <<<"$q")" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T.*Z$ ]] || fail "received_at is not UTC ISO 8601"
expect_status 0 ctl_ questions --case 1 --json
expect_eq "$(jq length <<<"$out")" 2 "questions --case 1"
expect_status 0 ctl_ questions --case 2 --json
expect_eq "$out" "[]" "questions --case 2"
expect_status 0 ctl_ questions
expect_contains "$out" "alice@med.example" "questions (text)"
# Polling again never duplicates a question.
expect_status 0 ctl_ sync --once --timeout 10
expect_status 0 ctl_ questions --json
expect_eq "$(jq length <<<"$out")" 2 "still two questions"

# An answer: the same JSON as post, out as a reply to alice's status.
expect_status 0 ctl_ answer 1 --text "About an hour, start to finish."
expect_eq "$(jq -c 'keys' <<<"$out")" '["id","redactions","state","text"]' "answer JSON"
expect_eq "$(jq -r .state <<<"$out")" queued "answer state"
expect_status 0 ctl_ sync --once --timeout 10
statuses=$("$peer" --get "$url/_peer/statuses")
expect_eq "$(jq -r '.[] | select(.text == "About an hour, start to finish.") | .in_reply_to_id' <<<"$statuses")" \
  "$alice" "the answer replies to the follower's status"
expect_status 0 ctl_ questions --json
expect_eq "$(jq -r '.[0].state' <<<"$out")" answered "answered question"

# An answer with a phone number is held, redacted; sent as shown, the number never arrives.
expect_status 0 ctl_ answer 2 --text "Call the family desk at 555-201-3344 for that."
expect_eq "$(jq -r .state <<<"$out")" held "answer with a phone number"
held_id=$(jq -r .id <<<"$out")
[[ "$out" != *555-201-3344* ]] || fail "the held answer shows the number: $out"
expect_status 0 ctl_ approve "$held_id"
expect_status 0 ctl_ sync --once --timeout 10
statuses=$("$peer" --get "$url/_peer/statuses")
expect_eq "$(jq --arg b "$bob" '[.[] | select(.in_reply_to_id == $b)] | length' <<<"$statuses")" 1 \
  "the redacted answer arrived under bob's status"
[[ "$statuses" != *201-3344* ]] || fail "the phone number reached the peer"

# Hide: logged by id, never the text.
expect_status 0 ctl_ hide 2
expect_contains "$out" "hidden" "hide"
expect_status 0 ctl_ questions --json
expect_eq "$(jq -r '.[1].state' <<<"$out")" hidden "hidden question"
expect_status 0 ctl_ log export --format jsonl
expect_contains "$out" '"question-hidden"' "log export has the hide"
[[ "$out" != *camera* && "$out" != *"How long"* ]] || fail "a question's text reached the log"
expect_status 0 ctl_ log verify

# Clear errors.
expect_status 2 ctl_ answer 99 --text "hello"
expect_contains "$err" "no question 99" "answer unknown"
expect_status 2 ctl_ hide 99
expect_contains "$err" "no question 99" "hide unknown"
expect_status 2 ctl_ hide 2
expect_contains "$err" "already hidden" "hide twice"
expect_status 2 ctl_ answer 2 --text "hello"
expect_contains "$err" "hidden" "answer hidden"
expect_status 1 ctl_ answer abc --text "hello"
expect_status 1 ctl_ answer 1
expect_status 1 ctl_ questions --case x

# A backup keeps the rows but not their words.
expect_status 0 ctl_ backup "$work/b.orlive"
expect_eq "$(sqlite3 "$work/b.orlive" "SELECT count(*), group_concat(text, ''), group_concat(author, '') FROM questions")" \
  "2||" "backup question text"
echo "questions e2e: 2 questions, answer threaded under the follower, phone number held, hide logged: ok"
