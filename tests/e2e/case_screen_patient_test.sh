#!/usr/bin/env bash
# The Case screen knows whom to protect, under Xvfb at 1280x800: a USB barcode scanner (typed
# with xdotool, as a scanner types: the MRN, then Return) fills the MRN, the patient's name is
# typed on a physical keyboard into its field, the case is started with a tap. Then a post
# carrying the MRN in another format and the surname in lowercase goes out without either,
# and the redaction log names the patient matcher's rules. Nothing is read from the app's
# internals: only `orlivectl` output.
set -euo pipefail
app=$1 ctl=$2
source "$(dirname "$0")/lib.sh"
under_xvfb "$@"
make_workdir

printf '{"undo_seconds": 0}' > "$work/config.json"
d=(--data-dir "$work/data" --config "$work/config.json")
start_app "$app" "${d[@]}"

# The scanner: characters then Return, with no field open.
xdotool type --delay 20 "00482913"; xdotool key Return; sleep 0.6
# The name: tap "Patient name: add" (left of the patient row), type, Return.
tap_ui 200 499
xdotool type --delay 20 "Ana Okafor"; xdotool key Return; sleep 0.6
# The Laparoscopic cholecystectomy tile, de-identified consent, Start.
tap_ui 1112 255
tap_ui 640 620
tap 1130 708
for _ in $(seq 25); do "$ctl" "${d[@]}" case show | grep -q lap-chole && break; sleep 0.2; done
"$ctl" "${d[@]}" case show | grep -q "lap-chole, consent deidentified" ||
  fail "case not started from the screen: $("$ctl" "${d[@]}" case show)"
shown=$("$ctl" "${d[@]}" case show)
[[ "$shown" != *00482913* && "$shown" != *Okafor* ]] || fail "case show prints the patient: $shown"

expect_status 0 "$ctl" "${d[@]}" post --text "update: okafor resting, board says 0048-2913" --undo-seconds 0
posted=$(queue | jq -r '.[-1].text')
[[ "$posted" != *2913* && "$posted" != *okafor* ]] || fail "the patient's identifiers went into the post: $posted"
rules=$("$ctl" "${d[@]}" log export --format jsonl | jq -r 'select(.rule) | .rule' | sort -u | tr '\n' ' ')
expect_contains "$rules" "patient-mrn" "the MRN from the scanner protects the post"
expect_contains "$rules" "patient-name" "the name from the keyboard protects the post"
echo "ok: scanned MRN and typed name protect the case's posts"
