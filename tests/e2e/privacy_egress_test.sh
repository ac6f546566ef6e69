#!/usr/bin/env bash
# Privacy egress: texts full of identifiers go through `orlivectl post` (the tap pipeline)
# and `sync` to the loopback Mastodon, AT Protocol and webhook peers. Afterwards no request
# body any peer received holds an identifier the filter was given (the patient's details) or
# found (every span `orlivectl redact` reports for the same text and context).
set -euo pipefail
ctl=$1 peer=$2
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
source "$(dirname "$0")/sync_lib.sh"
d=(--data-dir "$work/data")

start_peer mastodon masto --token "tok-1"; pids+=("$masto_pid")
start_peer bluesky sky; pids+=("$sky_pid")
start_peer webhook hook; pids+=("$hook_pid")
cat > "$work/config.json" <<JSON
{"undo_seconds": 0, "accounts": [
  {"name": "main", "kind": "mastodon", "base_url": "http://127.0.0.1:$masto_port", "access_token": "tok-1"},
  {"name": "sky", "kind": "bluesky", "service": "http://127.0.0.1:$sky_port", "identifier": "or.test", "app_password": "pw-1"},
  {"name": "team", "kind": "webhook", "url": "http://127.0.0.1:$hook_port/hook/json", "format": "json"}]}
JSON
c=(--config "$work/config.json")

patient=("Maria Lopez" "José Muñoz")
mrn="MRN-00482913" dob="1938-02-14"
context=$(jq -cn --arg a "${patient[0]}" --arg b "${patient[1]}" --arg mrn "$mrn" --arg dob "$dob" \
  '{patient: {names: [$a, $b], mrn: $mrn, dob: $dob}, allow: ["Dr. Rivera"]}')
corpus=(
  "Maria Lopez is comfortable in recovery"
  "Mrs. Lopez's daughter Ana called from 555-201-3344"
  "MRN 00482913 confirmed at time-out"
  "Patient born 14 Feb 1938, now 88, doing well"
  "Family of José Muñoz can reach the ward at (617) 555-0142 ext 12"
  "Update sent to ana.lopez@example.com and posted at https://example.org/u/maria"
  "Maria's husband, 94-year-old John Lopez, is in the waiting room"
  "Home: 42 Oak Street, Springfield, IL 62704"
  "Insurance member ID XJH-4471-22, account 99817263"
  "SSN 123-45-6789 was on the old chart"
  "Her pacemaker serial SN 4471-AB-22 was checked"
  "Car with plate 7ABC123 in the visitor lot"
  "Dr. Rivera placed the Foley at 14:05; BP 120/80, SpO2 98% #SurgEd"
  "jose munoz asked for his glasses"
  "Marla Lopez (typo) thanks the team"
  "02/14/1938 is the DOB on the wristband"
)

for consent in deidentified none; do
  expect_status 0 "$ctl" "${d[@]}" "${c[@]}" case start --procedure lap-chole --consent "$consent" \
    --patient-name "${patient[0]}" --patient-name "${patient[1]}" --mrn "$mrn" --dob "$dob" --staff "Dr. Rivera"
  for text in "${corpus[@]}"; do
    expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --text "$text"
    # Held posts are sent as shown, i.e. redacted, as a coordinator would after review.
    if [[ "$(jq -r .state <<<"$out")" == held ]]; then
      expect_status 0 "$ctl" "${d[@]}" "${c[@]}" approve "$(jq -r .id <<<"$out")"
    fi
  done
  expect_status 0 "$ctl" "${d[@]}" "${c[@]}" post --milestone time-out --note "MRN 00482913 and Maria checked"
  [[ "$(jq -r .state <<<"$out")" == held ]] && "$ctl" "${d[@]}" "${c[@]}" approve "$(jq -r .id <<<"$out")" >/dev/null
  expect_status 0 "$ctl" "${d[@]}" "${c[@]}" case end
done
expect_status 0 "$ctl" "${d[@]}" "${c[@]}" sync --once --timeout 60

# Everything any peer received.
received="$work/received.txt"
{
  "$peer" --get "http://127.0.0.1:$masto_port/_peer/statuses"
  "$peer" --get "http://127.0.0.1:$sky_port/_peer/records"
  "$peer" --get "http://127.0.0.1:$hook_port/_peer/requests"
} > "$received"
sent=$(jq -s '[.[][]] | length' "$received")
(( sent >= 30 )) || fail "expected the peers to receive posts, got $sent items"

# Every identifier: what the filter was given, and every span it found in every input.
# What a person would call the identifiers in the corpus, whether or not the filter found them.
identifiers=("${patient[@]}" "$mrn" "00482913" "$dob" "Maria" "Lopez" "José" "Muñoz" "Ana" "555-201-3344"
             "(617) 555-0142" "555-0142" "ana.lopez" "Oak Street" "62704" "XJH-4471-22" "99817263" "123-45-6789"
             "4471-AB-22" "7ABC123" "Feb 1938" "02/14/1938" "munoz" "Marla")
for text in "${corpus[@]}"; do
  while IFS= read -r span; do identifiers+=("$span"); done < <(
    jq -cn --arg t "$text" --argjson ctx "$context" '{id: 1, text: $t, context: $ctx}' |
      "$ctl" redact | jq -r '.text as $t | .spans[] | .start as $s | .end as $e | "\($s) \($e)"' 2>/dev/null |
      while read -r s e; do printf '%s' "$text" | head -c "$e" | tail -c "$((e - s))"; echo; done)
done
leaks=()
for id in "${identifiers[@]}"; do
  [[ ${#id} -ge 3 ]] || continue
  if grep -qiF -- "$id" "$received"; then leaks+=("$id"); fi
done
[[ -z "${ORLIVE_SHOW_IDS:-}" ]] || printf 'identifier: %s\n' "${identifiers[@]}" >&2
[[ ${#leaks[@]} -eq 0 ]] || fail "identifiers reached a peer: ${leaks[*]}"
echo "privacy egress: ${#identifiers[@]} identifiers, $sent items received by 3 peers, none leaked"
