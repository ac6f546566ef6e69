#!/usr/bin/env bash
# The redaction log under attack from the sqlite3 shell: after any single edit, deletion,
# insertion, reordering or tail truncation, `orlivectl log verify` exits 2 naming the entry.
set -euo pipefail
ctl=$1
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
base="$work/base"
conf="$work/config.json"
c() { "$ctl" --data-dir "$base" --config "$conf" "$@" >/dev/null; }

# PINs: only a salted slow hash reaches the settings file, mode 0600; an old plain PIN still
# works and says it should be migrated.
echo '{"undo_seconds": 5, "compliance_pin": "864213"}' >"$conf"
expect_status 0 "$ctl" --data-dir "$base" --config "$conf" sync --once
expect_contains "$err" "orlivectl pin set compliance" "a plain PIN is flagged for migration"
expect_status 0 bash -c "echo 4711 | '$ctl' --data-dir '$base' --config '$conf' pin set compliance"
echo 97531 | "$ctl" --data-dir "$base" --config "$conf" pin set admin >/dev/null
! grep -Eq '4711|97531|864213' "$conf" || fail "the settings file holds PIN digits: $(cat "$conf")"
expect_contains "$(cat "$conf")" '"compliance_pin_hash": "pbkdf2-sha256$' "compliance hash"
expect_contains "$(cat "$conf")" '"admin_pin_hash": "pbkdf2-sha256$' "admin hash"
expect_eq "$(stat -c %a "$conf")" "600" "settings mode after pin set"
expect_eq "$(jq -r .undo_seconds "$conf")" "5" "pin set keeps the other settings"
expect_status 2 bash -c "echo 12ab | '$ctl' --data-dir '$base' --config '$conf' pin set compliance"
expect_status 1 "$ctl" --data-dir "$base" --config "$conf" pin set nobody
c case start --procedure lap-chole --consent deidentified --patient-name "Maria Lopez" --mrn 12345678
c post --text "Maria Lopez's daughter Ana called from 555-201-3344"
c post --milestone time-out --note "MRN 12345678 checked"
c post --text "Seen on 03/04/2025 at 12 Oak Street"
c case consent none
# Sign-off from the CLI asks for the compliance PIN on stdin; a wrong one is refused and logged.
expect_status 2 bash -c "echo 0000 | '$ctl' --data-dir '$base' --config '$conf' log sign-off --through 3 --by Compliance"
expect_contains "$err" "Wrong PIN" "sign-off with a wrong PIN"
expect_eq "$(sqlite3 "$base/orlive.db" "SELECT count(*) FROM redaction_log WHERE action = 'sign-off'")" "0" "no sign-off without the PIN"
expect_eq "$(sqlite3 "$base/orlive.db" "SELECT count(*) FROM redaction_log WHERE action = 'pin-failed'")" "1" "the wrong PIN is logged"
echo 4711 | c log sign-off --through 3 --by "Compliance"
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
expect_status 2 "$ctl" --data-dir "$base" --config "$conf" log find-span "555-201-3344" </dev/null
expect_status 0 bash -c "echo 4711 | '$ctl' --data-dir '$base' --config '$conf' log find-span 555-201-3344"
expect_contains "$out" "redacted PHONE" "find-span behind the compliance PIN"
entries=$(sqlite3 "$base/orlive.db" "SELECT count(*) FROM redaction_log")  # the wrong PIN was logged

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
echo 4711 | "$ctl" --data-dir "$dir" --config "$conf" log sign-off --through 1 --by "Someone" >/dev/null
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
