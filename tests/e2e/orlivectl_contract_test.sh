#!/usr/bin/env bash
# orlivectl as the README's contract section describes it: commands, JSON output, exit statuses, clear errors.
set -euo pipefail
ctl=$1
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
d=(--data-dir "$work/data")

expect_status 0 "$ctl" --version;  expect_contains "$out" "orlivectl " "--version"
expect_status 0 "$ctl" --help;     expect_contains "$out" "case start" "--help"
expect_status 1 "$ctl" frobnicate; expect_contains "$err" "unknown command" "bad command"
expect_status 1 "$ctl" "${d[@]}" post; expect_contains "$err" "--milestone" "post without input"

# Templates: list succeeds; validate names file, milestone and reason.
expect_status 0 "$ctl" templates list; expect_contains "$out" "lap-chole" "templates list"
printf '{"id":"x","name":"X","hashtags":[],"milestones":[{"id":"m","label":"M","text":"{patient}"}]}' > "$work/x.json"
expect_status 2 "$ctl" templates validate "$work/x.json"
expect_contains "$err" "x.json: milestone 'm': unknown placeholder {patient}" "templates validate"

# No case yet: a milestone post is refused and nothing is written.
expect_status 2 "$ctl" "${d[@]}" post --milestone time-out
expect_contains "$err" "no case is active" "post without case"

expect_status 1 "$ctl" "${d[@]}" case start --procedure lap-chole --consent maybe
expect_status 2 "$ctl" "${d[@]}" case start --procedure no-such-thing
expect_contains "$err" "unknown procedure" "unknown procedure"
expect_status 2 "$ctl" "${d[@]}" case start --procedure tka --consent full
expect_contains "$err" "release reference" "full consent without release"
expect_status 0 "$ctl" "${d[@]}" case start --procedure lap-chole --consent none \
  --patient-name "Maria Lopez" --mrn 12345678 --dob 1950-03-04 --staff "Dr. Rivera" --hashtag '#MedEd'
case_id=$out; [[ "$case_id" =~ ^[0-9]+$ ]] || fail "case start printed '$case_id', not an id"
expect_status 2 "$ctl" "${d[@]}" case start --procedure tka
expect_contains "$err" "still active" "second active case"

# post prints one JSON object with id, state, text and redactions.
expect_status 0 "$ctl" "${d[@]}" post --milestone time-out
expect_eq "$(jq -r .state <<<"$out")" pending "milestone post state"
expect_contains "$(jq -r .text <<<"$out")" "#MedEd" "case hashtag in text"
expect_eq "$(jq -r .redactions <<<"$out")" 0 "redactions"
first=$(jq -r .id <<<"$out")
expect_status 0 "$ctl" "${d[@]}" post --milestone critical-view --undo-seconds 0
expect_eq "$(jq -r .state <<<"$out")" queued "undo-seconds 0"
expect_status 0 "$ctl" "${d[@]}" post --text "Maria Lopez is doing fine"
expect_eq "$(jq -r .state <<<"$out")" blocked "patient name under consent none"
[[ "$(jq -r .text <<<"$out")" != *Maria* ]] || fail "blocked text still holds the name"

# queue --json lists every post with its delivery states; undo works in the window.
expect_status 0 "$ctl" "${d[@]}" queue --json
expect_eq "$(jq length <<<"$out")" 3 "queue length"
expect_eq "$(jq -r '.[0].milestone' <<<"$out")" time-out "queue order"
expect_status 0 "$ctl" "${d[@]}" undo "$first"
expect_status 0 "$ctl" "${d[@]}" queue --json
expect_eq "$(jq -r '.[0].state' <<<"$out")" cancelled "undone post"

# Withdrawal cancels unsent posts; end closes the case.
expect_status 0 "$ctl" "${d[@]}" case consent none
expect_status 0 "$ctl" "${d[@]}" case end
expect_status 2 "$ctl" "${d[@]}" case end

# A config with plain http to a remote host is refused, naming the account, not the token.
printf '{"accounts":[{"name":"main","kind":"mastodon","base_url":"http://example.social","access_token":"SECRET123"}]}' > "$work/bad.json"
expect_status 2 "$ctl" "${d[@]}" --config "$work/bad.json" post --text hello
expect_contains "$err" "account 'main'" "bad config"
[[ "$err" != *SECRET123* ]] || fail "secret leaked into an error"

# A corrupt database is refused and left as it was.
mkdir -p "$work/bad"; head -c 4096 /dev/urandom > "$work/bad/orlive.db"; before=$(sha256sum < "$work/bad/orlive.db")
expect_status 2 "$ctl" --data-dir "$work/bad" queue
expect_eq "$(sha256sum < "$work/bad/orlive.db")" "$before" "corrupt db untouched"
echo "orlivectl contract: ok"
