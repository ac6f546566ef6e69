#!/usr/bin/env bash
# Disk full during a tap: the data dir on a 1 MiB tmpfs, `orlivectl post` (the tap's pipeline)
# until the disk is full. The failing post must exit 2 with one clear line, every post
# acknowledged before it must be there, and after space is freed the database is whole, the
# log verifies and taps work again. Half the posts are redacted, so log entries and the sealed
# head are written too. Needs root for the tmpfs; without it falls back to RLIMIT_FSIZE
# (`ulimit -f`), which fails writes past a file size the same way (EFBIG instead of ENOSPC).
# usage: tests/faults/disk_full_test.sh ORLIVECTL
set -euo pipefail
ctl=$1
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
mnt=$work/mnt; mkdir -p "$mnt"
cleanup() { mountpoint -q "$mnt" && umount "$mnt"; rm -rf "$work"; }
trap cleanup EXIT
if mount -t tmpfs -o size=1M orlive-full "$mnt" 2>/dev/null; then
  method="tmpfs of 1 MiB"
  limit() { "$@"; }
  free_space() { mount -o remount,size=16M "$mnt"; }
else
  method="RLIMIT_FSIZE of 1 MiB (mount not permitted)"
  # SIGXFSZ ignored, so a write past the limit fails with EFBIG instead of killing the process.
  limit() { (trap '' XFSZ; ulimit -f 1024; exec "$@"); }
  free_space() { limit() { "$@"; }; }
fi
data=$mnt/data
d=(--data-dir "$data" --config "$work/config.json")
cat >"$work/config.json" <<'JSON'
{"undo_seconds": 0, "accounts": [
  {"name": "main", "kind": "mastodon", "base_url": "https://example.social", "access_token": "t"},
  {"name": "team", "kind": "webhook", "url": "http://127.0.0.1:9/hook", "format": "json"}]}
JSON
limit "$ctl" "${d[@]}" case start --procedure lap-chole --consent deidentified >/dev/null
note=$(printf 'Progress note %.0s' {1..40})  # ~600 bytes a post
# Most of the disk taken by other files (logs, say), so a few dozen taps fill the rest.
if [[ $method == tmpfs* ]]; then
  avail_kb=$(df -k --output=avail "$mnt" | tail -1)
  dd if=/dev/zero of="$mnt/filler" bs=1K count=$((avail_kb - 160)) status=none
fi

# Taps until three have failed: when a failed tap's connection closes, SQLite checkpoints and
# drops the WAL, which can free room for a few more, so failures and successes may alternate.
acked=0 failures=0 first_error=""
: >"$work/acked"
for ((i = 0; i < 5000 && failures < 3; i++)); do
  if ((i % 2)); then text="Ref $(letters $i): call 555-201-7788. $note"; else text="Ref $(letters $i). $note"; fi
  set +e; out=$(limit "$ctl" "${d[@]}" post --text "$text" 2>"$work/err"); status=$?; set -e
  if ((status == 0)); then
    echo "$(jq -r .id <<<"$out") $(letters $i)" >>"$work/acked"; acked=$((acked + 1)); continue
  fi
  err=$(cat "$work/err"); failures=$((failures + 1)); first_error=${first_error:-$err}
  expect_eq "$status" 2 "exit status of a tap on the full disk (stderr: $err)"
  expect_eq "$(wc -l <<<"$err")" 1 "one error line"
  expect_contains "$err" "NOT saved" "error says the post was not saved"
done
((failures == 3)) || fail "5000 posts fit on the small disk: the disk never filled"


free_space
expect_database_intact "$ctl" "$data"
expect_status 0 "$ctl" "${d[@]}" queue --json
queue=$out
while read -r id token; do
  expect_contains "$(jq -r --argjson id "$id" '.[] | select(.id == $id) | .text' <<<"$queue")" "Ref $token" \
    "acknowledged post $id after the disk filled"
done <"$work/acked"
expect_eq "$(jq length <<<"$queue")" "$acked" "posts in the database (no half-written one)"
expect_status 0 "$ctl" "${d[@]}" post --text "After freeing space"
expect_database_intact "$ctl" "$data"
echo "disk full during a tap ($method): $acked taps fitted, the failing taps exited 2 with: $first_error;" \
     "after freeing space: integrity ok, log verify ok, all $acked acknowledged posts present, taps work again"
