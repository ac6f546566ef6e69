#!/usr/bin/env bash
# The audit witness with a real rsyslogd from Debian on loopback: every redaction-log entry
# reaches the collector as an RFC 5424 message (tcp with octet counting, and udp), store and
# forward skips none while the collector is down, the collector holds no PHI, and a log rolled
# back on the device (entries deleted, head forged to match) fails `log verify --witness`.
set -euo pipefail
ctl=$1
source "$(dirname "$0")/lib.sh"
command -v rsyslogd >/dev/null || { echo "rsyslogd not installed (packaging/install-deps.sh): skipped"; exit 77; }
work=$(mktemp -d)
collector_pid=
trap '[[ -n "$collector_pid" ]] && kill "$collector_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

# A port nothing listens on yet (tcp checked; udp taken as the next one up).
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
tcp_port=$(free_port); udp_port=$((tcp_port + 1))
mkdir -p "$work/rsyslog"
cat >"$work/rsyslog.conf" <<CONF
global(workDirectory="$work/rsyslog")
module(load="imtcp")
module(load="imudp")
input(type="imtcp" address="127.0.0.1" port="$tcp_port")
input(type="imudp" address="127.0.0.1" port="$udp_port")
template(name="witness" type="string" string="%app-name% %msgid% %msg%\n")
*.* action(type="omfile" file="$work/collector.log" template="witness" flushOnTXEnd="on" asyncWriting="off")
CONF
start_collector() {
  rsyslogd -n -f "$work/rsyslog.conf" -i "$work/rsyslog.pid" 2>"$work/rsyslog.err" &
  collector_pid=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$tcp_port") 2>/dev/null && return 0
    sleep 0.1
  done
  fail "rsyslogd never listened on $tcp_port: $(cat "$work/rsyslog.err")"
}
# lines_for SEQ: how many times the collector recorded entry SEQ
lines_for() { grep -c "orlive-log seq=$1 " "$work/collector.log" 2>/dev/null || true; }
wait_for_entry() {
  for _ in $(seq 100); do [[ "$(lines_for "$1")" -ge 1 ]] && return 0; sleep 0.1; done
  fail "the collector never recorded entry $1: $(cat "$work/collector.log" 2>/dev/null)"
}
count() { sqlite3 "$1/orlive.db" "SELECT count(*) FROM redaction_log"; }

data="$work/data"
echo "{\"audit_syslog\": \"tcp://127.0.0.1:$tcp_port\"}" >"$work/tcp.json"
c() { "$ctl" --data-dir "$data" --config "$work/tcp.json" "$@"; }
c case start --procedure lap-chole --consent deidentified --patient-name "Maria Lopez" --mrn 12345678 >/dev/null
c post --text "Maria Lopez's daughter called from 555-201-3344" --undo-seconds 0 >/dev/null
c post --text "MRN 12345678 checked" --undo-seconds 0 >/dev/null
entries=$(count "$data")
(( entries >= 3 )) || fail "expected at least 3 log entries, got $entries"

# The collector is down: nothing is lost, the cursor stays, delivery itself goes on.
expect_status 0 c sync --once
expect_eq "$(jq -r .witnessed <<<"$out")" "0" "nothing witnessed while the collector is down"
expect_contains "$(jq -r .connectivity <<<"$out")" "audit collector" "connectivity names the collector"

start_collector
expect_status 0 c sync --once
expect_eq "$(jq -r .witnessed <<<"$out")" "$entries" "every waiting entry forwarded once the collector is back"
wait_for_entry "$entries"
c post --text "Call 555-777-1212 after" --undo-seconds 0 >/dev/null
later=$(count "$data")
expect_status 0 c sync --once
expect_eq "$(jq -r .witnessed <<<"$out")" "$((later - entries))" "the next pass resumes after the last one sent"
wait_for_entry "$later"
for seq in $(seq 1 "$later"); do
  expect_eq "$(lines_for "$seq")" "1" "entry $seq recorded exactly once"
done
# rsyslog parsed them as RFC 5424 (APP-NAME and MSGID fields), and the text holds no PHI.
expect_contains "$(head -n 1 "$work/collector.log")" "orlive redaction-log orlive-log seq=1 hash=" "RFC 5424 fields"
expect_contains "$(cat "$work/collector.log")" "action=redacted category=" "action and category"
for secret in Maria Lopez 555-201-3344 12345678 555-777-1212; do
  ! grep -q -- "$secret" "$work/collector.log" || fail "the collector received '$secret'"
done
cp "$work/collector.log" "$work/witness.log"

expect_status 0 "$ctl" --data-dir "$data" log verify --witness "$work/witness.log"
expect_contains "$out" "all $later entries it recorded are in the log" "an intact log agrees with its witness"

# Rolled back on the device: entries deleted and the head forged to match the shortened log
# (the old, unauthenticated head format, which plain verify believes when it names the tail).
rolled="$work/rolled"; cp -r "$data" "$rolled"
sqlite3 "$rolled/orlive.db" "DELETE FROM redaction_log WHERE seq > 1"
echo "1 $(sqlite3 "$rolled/orlive.db" "SELECT hash FROM redaction_log WHERE seq = 1")" >"$rolled/redaction-log.head"
expect_status 2 "$ctl" --data-dir "$rolled" log verify --witness "$work/witness.log"
expect_contains "$err" "entry 2, which the witness" "the witness names the first entry the log lost"
# A changed entry is named too.
changed="$work/changed"; cp -r "$data" "$changed"
sed -i "s/orlive-log seq=2 hash=[0-9a-f]*/orlive-log seq=2 hash=$(printf 'a%.0s' {1..64})/" "$work/witness.log"
expect_status 2 "$ctl" --data-dir "$changed" log verify --witness "$work/witness.log"
expect_contains "$err" "entry 2 differs from what the witness" "a changed entry"
# A forged head alone (the log untouched) fails plain verify.
forged="$work/forged"; cp -r "$data" "$forged"
echo "0 $(printf '0%.0s' {1..64})" >"$forged/redaction-log.head"
expect_status 2 "$ctl" --data-dir "$forged" log verify
expect_status 1 "$ctl" --data-dir "$data" log verify --witness
expect_status 2 "$ctl" --data-dir "$data" log verify --witness "$work/no-such-file"

# udp: one datagram per entry, to the same collector.
udp_data="$work/udp"
echo "{\"audit_syslog\": \"udp://127.0.0.1:$udp_port\"}" >"$work/udp.json"
"$ctl" --data-dir "$udp_data" --config "$work/udp.json" post --text "Room 4 ready, 555-201-9999" --undo-seconds 0 >/dev/null
expect_status 0 "$ctl" --data-dir "$udp_data" --config "$work/udp.json" sync --once
(( $(jq -r .witnessed <<<"$out") >= 1 )) || fail "udp forwarded nothing: $out"
udp_entries=$(count "$udp_data")
for _ in $(seq 100); do (( $(grep -c "orlive-log" "$work/collector.log") >= later + udp_entries )) && break; sleep 0.1; done
grep "orlive-log" "$work/collector.log" | tail -n "$udp_entries" >"$work/udp-witness.log"
expect_status 0 "$ctl" --data-dir "$udp_data" log verify --witness "$work/udp-witness.log"

# A bad endpoint is refused when the settings are read.
echo '{"audit_syslog": "http://127.0.0.1:514"}' >"$work/bad.json"
expect_status 2 "$ctl" --data-dir "$data" --config "$work/bad.json" sync --once
expect_contains "$err" "audit_syslog" "a bad audit_syslog"
kill "$collector_pid"; wait "$collector_pid" 2>/dev/null || true; collector_pid=
echo "audit witness: ok"
