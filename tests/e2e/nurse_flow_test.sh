#!/usr/bin/env bash
# The coordinator's day, as a nurse would do it with a finger, under Xvfb at 1280x800:
# start a case on the screen, tap three milestones, undo one, post a pre-approved note, open
# the feed, then a wrong and the right compliance PIN. Each step is checked through
# `orlivectl queue --json` and the redaction log, never through the app's internals; that the
# feed shows the posts is read from the window's pixels (tests/e2e/busy_rows.py).
set -euo pipefail
app=$1 ctl=$2
source "$(dirname "$0")/lib.sh"
under_xvfb "$@"
make_workdir

printf '{"undo_seconds": 10, "compliance_pin": "2468"}' > "$work/config.json"
d=(--data-dir "$work/data" --config "$work/config.json")
start_app "$app" "${d[@]}"
log_actions() { "$ctl" "${d[@]}" log export --format jsonl | jq -r 'select(.action) | .action'; }

# What the feed draws: rows below the header that are not one flat colour, read from the
# window itself. First the empty feed, as the baseline step 5 compares against.
busy_rows() { python3 "$(dirname "$0")/busy_rows.py" "$window"; }
tap_ui 994 57
empty_feed_rows=$(busy_rows)
tap_ui 748 57

# 1. Start a case without typing: the Laparoscopic cholecystectomy tile (4th), then Start.
tap_ui 1112 223
tap 1130 713
for _ in $(seq 25); do "$ctl" "${d[@]}" case show | grep -q lap-chole && break; sleep 0.2; done
"$ctl" "${d[@]}" case show | grep -q "lap-chole, consent none" || fail "case not started from the screen"

# 2. Three milestones, in a row of tiles; 3. undo the last one from the undo bar.
tap 167 190; wait_for 'length == 1' "first tap"
tap 482 190; wait_for 'length == 2' "second tap"
tap 797 190; wait_for '[.[] | select(.state == "pending")] | length == 3' "three taps"
sleep 0.5
tap 1150 740
wait_for 'any(.[]; .milestone == "pneumoperitoneum" and .state == "cancelled")' "undo"
expect_eq "$(queue | jq '[.[] | select(.milestone == "anaesthesia" or .milestone == "time-out") | select(.state != "cancelled")] | length')" 2 "the other two stay"

# 4. A pre-approved note on tile 4 ("Ports placed"): + Note, then the first phrase.
tap_ui 1010 248
tap 640 250
wait_for 'any(.[]; .milestone == "ports-placed" and (.text | contains("\n")))' "note post"

# 5. The feed screen shows the posts: four of them (one undone) fill far more rows than the
# empty feed did (about 80 rows a post at 1280x800; an empty feed is one line of text).
tap_ui 994 57
kill -0 "$app_pid" || fail "the app died on the feed screen: $(cat "$work/app.err")"
feed_rows=$(busy_rows)
((feed_rows >= empty_feed_rows + 150)) ||
  fail "the feed shows no posts: $feed_rows drawn rows, $empty_feed_rows when it was empty"

# 6. Compliance: a wrong PIN, then the right one; both are in the log.
tap_ui 1105 57
for key in "496 299" "496 299" "496 299" "496 299"; do tap $key; done; tap_ui 784 581   # 1111, Enter
for _ in $(seq 25); do log_actions | grep -q pin-failed && break; sleep 0.2; done
for key in "640 299" "496 393" "784 393" "640 487"; do tap $key; done; tap_ui 784 581   # 2468, Enter
for _ in $(seq 25); do log_actions | grep -q review-opened && break; sleep 0.2; done
actions=$(log_actions | tr '\n' ' ')
expect_contains "$actions" "pin-failed review-opened" "wrong then right PIN, in that order"
"$ctl" "${d[@]}" log verify >/dev/null || fail "the log does not verify after the session"

stop_app
echo "nurse flow under Xvfb: ok"
