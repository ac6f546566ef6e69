#!/usr/bin/env bash
# orlivectl account add|list|test|remove from the outside: every kind added with its secrets on
# stdin (never in argv, not even while the command waits for them), mode 0600, no secret in any
# output; bad input refused (exit 2) with the file unchanged; `account test` against the
# loopback peers, a refused token (401) and a dead port; remove refuses while posts are owed.
set -euo pipefail
ctl=$1 peer=$2
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
source "$(dirname "$0")/sync_lib.sh"
cfg="$work/conf/config.json"  # its directory does not exist yet: the first add makes both
d=(--data-dir "$work/data" --config "$cfg")
add() { expect_status "$1" "$ctl" "${d[@]}" account add "${@:2}"; }
sum() { sha256sum "$cfg" | cut -d' ' -f1; }

start_peer mastodon masto --token "mast-SECRET-token"; pids+=("$masto_pid")
start_peer bluesky sky; pids+=("$sky_pid")
start_peer webhook hook; pids+=("$hook_pid")
start_peer facebook fb; pids+=("$fb_pid")
start_peer x xx; pids+=("$xx_pid")
start_peer threads th; pids+=("$th_pid")
loop=http://127.0.0.1
hook_url="$loop:$hook_port/hook/json-SECRET-path"
secrets=(mast-SECRET-token app-pass-1234 json-SECRET-path page-token consumer-key consumer-secret user-token
         user-secret threads-token wrong-SECRET-token)
no_secret() {
  for s in "${secrets[@]}"; do [[ "$1" != *"$s"* ]] || fail "$2: the secret '$s' was shown"; done
}

# --- add: every kind, secrets on stdin (threads from a file) --------------------------------
# While add waits on stdin, its argv (what ps shows every user) holds no secret.
mkfifo "$work/fifo"
"$ctl" "${d[@]}" account add main --kind mastodon --base-url "$loop:$masto_port" <"$work/fifo" >"$work/add.out" &
add_pid=$!
exec 3>"$work/fifo"
sleep 0.3
args=$(ps -o args= -p "$add_pid") || fail "account add did not wait for its secrets on stdin"
expect_contains "$args" "account add main" "ps while add waits"
no_secret "$args" "ps while add waits"
echo '{"access_token": "mast-SECRET-token"}' >&3; exec 3>&-
wait "$add_pid" || fail "account add main failed: $(cat "$work/add.out")"
expect_eq "$(stat -c %a "$cfg")" 600 "settings file mode after the first add"
add 0 sky --kind bluesky --service "$loop:$sky_port" --identifier or.test --secrets-stdin \
  <<<'{"app_password": "app-pass-1234"}'
add 0 team --kind webhook --format json <<<"{\"url\": \"$hook_url\"}"
add 0 fb --kind facebook --graph-base "$loop:$fb_port" --api-version v21.0 --page-id 1001 \
  <<<'{"page_access_token": "page-token"}'
add 0 x --kind x --api-base "$loop:$xx_port" <<<'{"consumer_key": "consumer-key", "consumer_secret":
  "consumer-secret", "access_token": "user-token", "access_token_secret": "user-secret"}'
echo '{"access_token": "threads-token"}' >"$work/th-secrets.json"
add 0 th --kind threads --graph-base "$loop:$th_port" --api-version v1.0 --user-id 17841400000 \
  --secrets-file "$work/th-secrets.json" </dev/null
add 0 stale --kind mastodon --base-url "$loop:$masto_port" <<<'{"access_token": "wrong-SECRET-token"}'
no_secret "$out$err" "account add"
expect_eq "$(stat -c %a "$cfg")" 600 "settings file mode"
# The app's own loader reads what add wrote, and the secrets are there for it.
expect_eq "$(jq -r '.accounts[] | select(.name == "x") | .access_token_secret' "$cfg")" user-secret "x secret stored"
expect_eq "$(jq -r '.accounts[] | select(.name == "team") | .url' "$cfg")" "$hook_url" "webhook url stored"

# --- list: names, kinds and the other keys, never a secret -----------------------------------
expect_status 0 "$ctl" "${d[@]}" account list
no_secret "$out$err" "account list"
t=$'\t'
expect_contains "$out" "main${t}mastodon${t}base_url=$loop:$masto_port" "list mastodon"
expect_contains "$out" "sky${t}bluesky${t}service=$loop:$sky_port${t}identifier=or.test" "list bluesky"
expect_status 0 "$ctl" "${d[@]}" account list --json
no_secret "$out$err" "account list --json"
expect_eq "$(jq -c '[.[].name]' <<<"$out")" '["main","sky","team","fb","x","th","stale"]' "list --json names"
expect_eq "$(jq -c '.[] | select(.name == "team")' <<<"$out")" '{"format":"json","kind":"webhook","name":"team"}' \
  "webhook listed without its url"
expect_eq "$(jq -c '.[] | select(.name == "th")' <<<"$out")" "$(jq -nc --arg g "$loop:$th_port" \
  '{api_version: "v1.0", graph_base: $g, kind: "threads", name: "th", user_id: "17841400000"}')" "threads listed"

# --- bad input: exit 2 (1 for usage), one line, nothing written ------------------------------
before=$(sum)
refused() {  # refused STATUS WHAT SECRETS_JSON ADD_ARGS...: refused, file unchanged, no secret shown
  local want=$1 what=$2 json=$3; shift 3
  add "$want" "$@" <<<"$json"
  expect_eq "$(sum)" "$before" "$what: the settings file changed"
  no_secret "$out$err" "$what"
  expect_eq "$(wc -l <<<"$err")" 1 "$what: one line on stderr"
}
refused 2 duplicate '{"access_token": "mast-SECRET-token"}' main --kind mastodon --base-url "$loop:$masto_port"
expect_contains "$err" "exists already" "duplicate"
refused 2 "unclosed JSON" '{"access_token": "mast-SECRET-token' new --kind mastodon --base-url "$loop:1"
expect_contains "$err" "not one JSON object" "unclosed JSON"
refused 2 "wrong key" '{"token": "mast-SECRET-token"}' new --kind mastodon --base-url "$loop:1"
expect_contains "$err" '"token", which is not a secret of --kind mastodon' "wrong key"
refused 2 "token as a key" '{"mast-SECRET-token": "x"}' new --kind mastodon --base-url "$loop:1"
expect_contains "$err" "hold a key, which is not a secret" "token as a key"
refused 2 "missing key" '{"consumer_key": "consumer-key"}' new --kind x --api-base "$loop:1"
expect_contains "$err" 'lack "consumer_secret"' "missing key"
refused 2 "flag in secrets" '{"access_token": "mast-SECRET-token", "base_url": "http://evil.example"}' new \
  --kind mastodon --base-url "$loop:1"
expect_contains "$err" "give it as --base-url" "flag in secrets"
refused 2 "empty secret" '{"access_token": ""}' new --kind mastodon --base-url "$loop:1"
expect_contains "$err" '"access_token" is required' "empty secret"
refused 2 "http off loopback" '{"access_token": "mast-SECRET-token"}' new --kind mastodon --base-url http://example.org
expect_contains "$err" "must use https://" "http off loopback"
refused 2 "webhook http off loopback" '{"url": "http://hooks.example.com/json-SECRET-path"}' new --kind webhook \
  --format json
expect_contains "$err" "url must use https://" "webhook http off loopback"
refused 2 "bad format" "{\"url\": \"$hook_url\"}" new --kind webhook --format xml
expect_contains "$err" "slack, teams, discord or json" "bad format"
add 2 new --kind mastodon --base-url "$loop:1" < <(printf '{"access_token": "mast-SECRET-\xff"}')
expect_contains "$err" "not valid UTF-8" "bad UTF-8 in secrets"
expect_eq "$(sum)" "$before" "bad UTF-8: the settings file changed"
refused 1 "secret as a flag" '{}' new --kind mastodon --base-url "$loop:1" --access-token mast-SECRET-token
expect_contains "$err" "--access-token is a secret" "secret as a flag"
refused 1 "missing flag" '{"access_token": "x"}' new --kind mastodon
expect_contains "$err" "needs --base-url" "missing flag"
refused 1 "flag of another kind" '{"access_token": "x"}' new --kind mastodon --base-url "$loop:1" --page-id 7
refused 1 "unknown kind" '{}' new --kind myspace
refused 1 "two secret sources" '{"access_token": "x"}' new --kind mastodon --base-url "$loop:1" --secrets-stdin \
  --secrets-file "$work/th-secrets.json"
expect_contains "$err" "not both" "two secret sources"

# --- test: the platform's own check, nothing posted -------------------------------------------
for name in main sky fb x th; do
  expect_status 0 "$ctl" "${d[@]}" account test "$name"
  expect_contains "$out" "$name: ok (" "account test $name"
  no_secret "$out$err" "account test $name"
done
expect_status 0 "$ctl" "${d[@]}" account test team
expect_contains "$out" "cannot be checked without posting" "account test webhook"
expect_status 2 "$ctl" "${d[@]}" account test stale
expect_contains "$err" "stale (Mastodon): not ok: Mastodon answered 401" "account test, refused token"
no_secret "$out$err" "account test stale"
expect_eq "$("$peer" --get "$loop:$masto_port/_peer/statuses" | jq length)" 0 "account test posted nothing"
expect_status 2 "$ctl" "${d[@]}" account test nobody

# --- remove: refused while its posts are owed, unless --force; the rows stay untouched ---------
expect_status 0 "$ctl" "${d[@]}" post --text "Room 4 is ready" --undo-seconds 0
post_id=$(jq -r .id <<<"$out")
before=$(sum)
expect_status 2 "$ctl" "${d[@]}" account remove main
expect_contains "$err" "still has 1 unsent deliveries" "remove with a queued delivery"
expect_eq "$(sum)" "$before" "refused remove changed the settings file"
set +e; "$ctl" "${d[@]}" sync --once --timeout 2 >/dev/null 2>&1; set -e
expect_status 0 "$ctl" "${d[@]}" account remove main
expect_status 2 "$ctl" "${d[@]}" account remove stale  # its delivery failed: a person must decide
expect_contains "$err" "1 unsent deliveries" "remove with a failed delivery"
expect_status 0 "$ctl" "${d[@]}" account remove stale --force
expect_contains "$err" "stay in the outbox untouched" "forced remove says what is left"
expect_status 2 "$ctl" "${d[@]}" account remove nobody
expect_contains "$err" "no account is named 'nobody'" "remove unknown"
expect_eq "$(stat -c %a "$cfg")" 600 "settings file mode after remove"
expect_status 0 "$ctl" "${d[@]}" account list --json
expect_eq "$(jq -c '[.[].name]' <<<"$out")" '["sky","team","fb","x","th"]' "list after remove"
expect_status 0 "$ctl" "${d[@]}" queue --json
expect_eq "$(jq -r --argjson id "$post_id" '.[] | select(.id == $id) | .deliveries[] | select(.account == "stale")
  | .state' <<<"$out")" failed "a removed account's delivery stays as it was"

# --- an unreachable platform: exit 2 with the reason ------------------------------------------
stop_peer "$sky_pid"
expect_status 2 "$ctl" "${d[@]}" account test sky
expect_contains "$err" "sky (Bluesky): not ok: no answer" "account test, peer down"
echo "account_cli_test: ok"
