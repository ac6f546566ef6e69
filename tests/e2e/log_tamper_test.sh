#!/usr/bin/env bash
# The redaction log under attack from the sqlite3 shell: after any single edit, deletion,
# insertion, reordering or tail truncation, `orlivectl log verify` exits 2 naming the entry.
set -euo pipefail
ctl=$1
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
base="$work/base"
c() { "$ctl" --data-dir "$base" "$@" >/dev/null; }
c case start --procedure lap-chole --consent deidentified --patient-name "Maria Lopez" --mrn 12345678
c post --text "Maria Lopez's daughter Ana called from 555-201-3344"
c post --milestone time-out --note "MRN 12345678 checked"
c post --text "Seen on 03/04/2025 at 12 Oak Street"
c case consent none
c log sign-off --through 3 --by "Compliance"
expect_status 0 "$ctl" --data-dir "$base" log verify
expect_contains "$out" "intact" "verify on an untouched log"
entries=$(sqlite3 "$base/orlive.db" "SELECT count(*) FROM redaction_log")
(( entries >= 8 )) || fail "expected at least 8 log entries, got $entries"

# The log never holds the PHI itself.
dump=$(sqlite3 "$base/orlive.db" "SELECT * FROM redaction_log")
for secret in Maria Lopez 555-201-3344 12345678 "Oak Street"; do
  [[ "$dump" != *"$secret"* ]] || fail "the redaction log holds '$secret'"
done
# ...but compliance can check whether an exact string was caught.
expect_status 0 "$ctl" --data-dir "$base" log find-span "555-201-3344"
expect_contains "$out" "redacted PHONE" "find-span"

tamper() {  # tamper NAME SQL EXPECTED_IN_MESSAGE [FORGED_HEAD_LINE]
  local dir="$work/$1"; rm -rf "$dir"; cp -r "$base" "$dir"
  sqlite3 "$dir/orlive.db" "$2"
  if [[ -n "${4:-}" ]]; then printf '%s\n' "$4" >"$dir/redaction-log.head"; fi
  expect_status 2 "$ctl" --data-dir "$dir" log verify
  expect_contains "$err" "$3" "$1"
}
tamper edit     "UPDATE redaction_log SET category = 'DATE' WHERE seq = 2"            "entry 2 "
tamper edit-at  "UPDATE redaction_log SET at = at + 1 WHERE seq = 5"                   "entry 5 "
tamper delete   "DELETE FROM redaction_log WHERE seq = 3"                              "entry 4 "
tamper insert   "INSERT INTO redaction_log (seq, at, action, prev_hash, hash) SELECT max(seq) + 1, 0, 'redacted', (SELECT hash FROM redaction_log ORDER BY seq DESC LIMIT 1), 'forged' FROM redaction_log" "entry $((entries + 1)) "
tamper reorder  "UPDATE redaction_log SET seq = -1 WHERE seq = 2; UPDATE redaction_log SET seq = 2 WHERE seq = 3; UPDATE redaction_log SET seq = 3 WHERE seq = -1" "entry 2 "
tamper truncate "DELETE FROM redaction_log WHERE seq >= $((entries - 1))"              "entry $((entries - 1)) is missing"
tamper rechain  "UPDATE redaction_log SET detail = 'nothing to see', hash = '$(printf '0%.0s' {1..64})' WHERE seq = $entries" "entry $entries "

# The sealed head is authenticated by the device key: a head written by hand is refused, in
# the old two-field format as in the new one, with the log itself untouched or rolled back.
zeros=$(printf '0%.0s' {1..64})
last_hash=$(sqlite3 "$base/orlive.db" "SELECT hash FROM redaction_log WHERE seq = $entries")
first_hash=$(sqlite3 "$base/orlive.db" "SELECT hash FROM redaction_log WHERE seq = 1")
tamper head-zero     "SELECT 1" "old unauthenticated format" "0 $zeros"
tamper head-forged   "SELECT 1" "not authenticated" "$entries $last_hash $zeros"
tamper head-rollback "DELETE FROM redaction_log WHERE seq > 1" "not authenticated" "1 $first_hash $zeros"
# A later entry does not launder a rollback: the next seal keeps the evidence.
dir="$work/launder"; rm -rf "$dir"; cp -r "$base" "$dir"
sqlite3 "$dir/orlive.db" "DELETE FROM redaction_log WHERE seq > 1"
"$ctl" --data-dir "$dir" log sign-off --through 1 --by "Someone" >/dev/null
expect_status 2 "$ctl" --data-dir "$dir" log verify
expect_contains "$err" "sealed at entry $entries" "a rollback then a new entry"

# Export: CSV and JSON Lines, with the sealed head, and time filters.
expect_status 0 "$ctl" --data-dir "$base" log export --format csv
expect_contains "$out" "seq,time,case_id" "csv header"
expect_contains "$out" "# sealed head: entry $entries" "csv seal"
expect_status 0 "$ctl" --data-dir "$base" log export --format jsonl
expect_eq "$(tail -n 1 <<<"$out" | jq -r .seal.seq)" "$entries" "jsonl seal"
expect_status 0 "$ctl" --data-dir "$base" log export --format jsonl --since 2999-01-01T00:00:00Z
expect_eq "$(wc -l <<<"$out")" 1 "since in the future leaves only the seal"
expect_status 1 "$ctl" --data-dir "$base" log export --format xml
expect_status 1 "$ctl" --data-dir "$base" log export --format csv --since yesterday
echo "redaction log tamper evidence: ok"
