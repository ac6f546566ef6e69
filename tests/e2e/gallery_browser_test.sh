#!/usr/bin/env bash
# The LAN gallery in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by
# playwright-core from npm. Three released posts, one in its undo window and one held:
# /feed.json and the page list exactly the three; a new post appears without a reload within
# 5 s; withdrawal (case consent none) empties the page within 5 s; no request leaves the
# gallery's origin and the Content-Security-Policy blocks nothing the page needs.
# Screenshots at phone and projector sizes go to $ORLIVE_SCREENSHOT_DIR when set
# (packaging/make-screenshots.sh sets assets/screenshots). Skips (77) only when npm or its
# registry is unreachable; fails on anything else.
set -euo pipefail
ctl=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing (packaging/install-deps.sh installs it)"
set +e; bash "$here/gallery_browser_setup.sh"; setup=$?; set -e
if [[ $setup -eq 77 ]]; then echo "SKIP: playwright-core is not installed and npm cannot fetch it (see above)"; exit 77; fi
[[ $setup -eq 0 ]] || fail "playwright-core could not be installed"
modules=${ORLIVE_PLAYWRIGHT_CACHE:-$HOME/.cache/orlive}/playwright-core-1.65.1/node_modules

work=$(mktemp -d)
server_pid=
trap '[[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
printf '{"hospital_name": "Riverside General"}' > "$work/config.json"
d=(--data-dir "$work/data" --config "$work/config.json")
"$ctl" "${d[@]}" case start --procedure lap-chole --consent deidentified --patient-name "Maria Lopez" >/dev/null
for m in anaesthesia time-out pneumoperitoneum; do "$ctl" "${d[@]}" post --milestone "$m" --undo-seconds 0 >/dev/null; done
"$ctl" "${d[@]}" post --milestone ports-placed --undo-seconds 300 >/dev/null            # in its undo window
held=$("$ctl" "${d[@]}" post --text "Maria Lopez is comfortable" --undo-seconds 0)       # held: a patient name
expect_contains "$held" '"state":"held"' "the patient's name holds the post"

# A free loopback port: try a few, the server refuses one in use.
for _ in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 20000))
  "$ctl" "${d[@]}" serve --listen "127.0.0.1:$port" 2>"$work/serve.err" &
  server_pid=$!
  for _ in $(seq 1 40); do curl -sf "http://127.0.0.1:$port/feed.json" >/dev/null 2>&1 && break 2; sleep 0.25; done
  kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=
done
[[ -n "$server_pid" ]] || fail "orlivectl serve did not start: $(cat "$work/serve.err")"
url=http://127.0.0.1:$port

feed=$(curl -sf "$url/feed.json")
expect_eq "$(jq -r .version <<<"$feed")" "https://jsonfeed.org/version/1.1" "JSON Feed version"
expect_eq "$(jq '.items | length' <<<"$feed")" 3 "feed items (three released posts)"
expect_eq "$(jq -r '[.items[].content_text] | map(test("Maria|comfortable")) | any' <<<"$feed")" false "no held text in the feed"

mkdir -p "$work/shots"
NODE_PATH=$modules node "$here/gallery_browser.cjs" "$url" "$ctl" "$work/shots" "${d[@]}" \
  || fail "the browser run failed (above)"
for shot in gallery-phone-390x844.png gallery-projector-1920x1080.png gallery-phone-dark-390x844.png; do
  [[ -s "$work/shots/$shot" ]] || fail "no screenshot $shot"
  # A blank page compresses to a few hundred bytes; the thread in large type does not.
  (( $(stat -c %s "$work/shots/$shot") > 8000 )) || fail "screenshot $shot looks blank"
done
if [[ -n "${ORLIVE_SCREENSHOT_DIR:-}" ]]; then cp "$work/shots"/*.png "$ORLIVE_SCREENSHOT_DIR"/; fi
expect_eq "$(curl -sf "$url/feed.json" | jq '.items | length')" 0 "feed after withdrawal"
kill "$server_pid"; wait "$server_pid" || fail "serve did not exit cleanly on SIGTERM"; server_pid=
echo "PASS: gallery in Chromium: 3 posts listed, a new one live, all withdrawn live; screenshots taken"
