#!/usr/bin/env bash
# "secrets_file" from the outside: account add/remove write the secrets to the secrets file
# (0600) and the rest to the settings file; account list/test read both; split-secrets moves
# inline secrets out, idempotently; a user that may not read the secrets file lists accounts
# but refuses to sync or test, and changes nothing.
set -euo pipefail
ctl=$1 peer=$2
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
chmod 0755 "$work"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
source "$(dirname "$0")/sync_lib.sh"
cfg="$work/conf/config.json" sec="$work/conf/secrets.json"
d=(--data-dir "$work/data" --config "$cfg")
sum() { sha256sum "$@" | cut -d' ' -f1 | tr '\n' ' '; }

start_peer mastodon masto --token "mast-SECRET-token"; pids+=("$masto_pid")
start_peer webhook hook; pids+=("$hook_pid")
hook_url="http://127.0.0.1:$hook_port/hook/json-SECRET-path"

# --- add and remove with "secrets_file" set ---------------------------------------------------
mkdir -p "$work/conf"
printf '{"secrets_file": "secrets.json", "accounts": []}\n' >"$cfg"
expect_status 0 "$ctl" "${d[@]}" account add main --kind mastodon --base-url "http://127.0.0.1:$masto_port" \
  <<<'{"access_token": "mast-SECRET-token"}'
expect_contains "$out" "its secrets to $sec" "add names where the secrets went"
expect_status 0 "$ctl" "${d[@]}" account add team --kind webhook --format json <<<"{\"url\": \"$hook_url\"}"
grep -q SECRET "$cfg" && fail "account add wrote a secret into the settings file: $(cat "$cfg")"
expect_eq "$(jq -r .secrets_file "$cfg")" "secrets.json" "the settings keep naming the secrets file"
expect_eq "$(jq -c . "$sec")" "{\"accounts\":{\"main\":{\"access_token\":\"mast-SECRET-token\"},\"team\":{\"url\":\"$hook_url\"}}}" \
  "the secrets file holds exactly the secrets"
expect_eq "$(stat -c %a "$sec")" 600 "secrets file mode"
expect_eq "$(jq -c '[.accounts[] | keys]' "$cfg")" '[["base_url","kind","name"],["format","kind","name"]]' \
  "the settings file holds the other keys"
expect_status 0 "$ctl" "${d[@]}" account list
expect_eq "$out" $'main\tmastodon\tbase_url=http://127.0.0.1:'"$masto_port"$'\nteam\twebhook\tformat=json' "list"
expect_status 0 "$ctl" "${d[@]}" account test main  # the token came from the secrets file
expect_contains "$out" "main: ok" "account test with the secret from the secrets file"
expect_status 0 "$ctl" "${d[@]}" account remove team
expect_eq "$(jq -c '.accounts | keys' "$sec")" '["main"]' "remove took the account's secrets out"
expect_eq "$(jq -c '[.accounts[].name]' "$cfg")" '["main"]' "remove took the account out"

# --- split-secrets: inline secrets move out, once -------------------------------------------
old="$work/old/config.json"
mkdir -p "$work/old"
jq -n --arg url "$hook_url" '{undo_seconds: 5, accounts: [{name: "team", kind: "webhook", format: "json", url: $url}]}' >"$old"
expect_status 0 "$ctl" --config "$old" account split-secrets
expect_contains "$out" "are in $work/old/secrets.json" "split names the secrets file"
grep -q SECRET "$old" && fail "split-secrets left a secret in the settings file"
expect_eq "$(jq -r .secrets_file "$old")" "$work/old/secrets.json" "split set secrets_file"
expect_eq "$(jq -r .accounts.team.url "$work/old/secrets.json")" "$hook_url" "split moved the url"
expect_eq "$(jq -r .undo_seconds "$old")" 5 "split kept the other settings"
before=$(sum "$old" "$work/old/secrets.json")
expect_status 0 "$ctl" --config "$old" account split-secrets
expect_contains "$out" "no secrets left" "split run again"
expect_eq "$(sum "$old" "$work/old/secrets.json")" "$before" "split run again changed nothing"
expect_status 2 "$ctl" --config "$old" account split-secrets --secrets-file "$work/elsewhere.json"
expect_contains "$err" "names the secrets file $work/old/secrets.json already" "split to another path"
expect_status 1 "$ctl" --config "$old" account split-secrets --bogus
# A bad secrets file is named, its value never shown.
cp "$work/old/secrets.json" "$work/old/good.json"
jq '.accounts.ghost = {"access_token": "ghost-SECRET"}' "$work/old/good.json" >"$work/old/secrets.json"
expect_status 2 "$ctl" --config "$old" account list
expect_contains "$err" "names account 'ghost', which the settings file does not have" "unknown account"
[[ "$err" != *ghost-SECRET* ]] || fail "the error showed a secret"
cp "$work/old/good.json" "$work/old/secrets.json"

# --- a user that may not read the secrets file ----------------------------------------------
chmod 0755 "$work/conf"; chmod 0644 "$cfg"; chmod 0600 "$sec"
mkdir -p "$work/data"
if [[ $(id -u) -eq 0 ]]; then
  chown -R nobody "$work/data"
  as_other() { runuser -u nobody -- "$@"; }
else
  chmod 0000 "$sec"
  as_other() { "$@"; }
fi
before=$(sum "$cfg" "$sec")
expect_status 0 as_other "$ctl" "${d[@]}" account list
expect_contains "$out" $'main\tmastodon' "list without the secrets"
expect_status 2 as_other "$ctl" "${d[@]}" sync --once --timeout 2
expect_contains "$err" "may not read the secrets file $sec" "sync without the secrets"
expect_status 2 as_other "$ctl" "${d[@]}" account test main
expect_contains "$err" "may not read the secrets file" "test without the secrets"
expect_status 2 as_other "$ctl" "${d[@]}" account add other --kind webhook --format json <<<"{\"url\": \"$hook_url\"}"
expect_contains "$err" "may not read the secrets file" "add without the secrets"
expect_eq "$(sum "$cfg" "$sec")" "$before" "nothing changed by a user without the secrets"
expect_eq "$("$peer" --get "http://127.0.0.1:$masto_port/_peer/statuses" | jq length)" 0 "nothing posted"
echo "secrets file: ok"
