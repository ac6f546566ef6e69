#!/usr/bin/env bash
# Regenerates assets/screenshots/*.png with the app's own --screenshot, under Xvfb, from demo
# data made with orlivectl (nothing real). Run after a build: bash packaging/make-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
app=build/bin/orlive ctl=build/bin/orlivectl out=assets/screenshots
[[ -x $app && -x $ctl ]] || { echo "build first: bash packaging/build.sh" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
printf '{"hospital_name": "Riverside General", "hashtags": ["MedEd"], "compliance_pin": "2468", "admin_pin": "1357"}' > "$work/config.json"

# A case in progress: four milestones out, one in its undo window.
demo=(--data-dir "$work/demo" --config "$work/config.json")
"$ctl" "${demo[@]}" case start --procedure lap-chole --consent deidentified --surgeon "Dr. Rivera" \
  --patient-name "Maria Lopez" >/dev/null
for m in anaesthesia time-out pneumoperitoneum; do "$ctl" "${demo[@]}" post --milestone "$m" --undo-seconds 0 >/dev/null; done
"$ctl" "${demo[@]}" post --milestone ports-placed --note "Four ports, all under vision" --undo-seconds 0 >/dev/null
"$ctl" "${demo[@]}" post --milestone critical-view --undo-seconds 300 >/dev/null
# Followers' questions: the poller's rows, written directly (no platform is reached here).
python3 - "$work/demo/orlive.db" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
now = int(time.time() * 1000)
rows = [("main", "mastodon", "9001", "sam.okoro@med.school", "Why CO2 and not room air for the pneumoperitoneum?", 3, "new", 240),
        ("sky", "bluesky", "at://did:plc:demo/app.bsky.feed.post/3k", "nursing-y2.bsky.social",
         "How do you decide between three and four ports?", 4, "new", 120),
        ("main", "mastodon", "9002", "dr_lee@scrubs.example", "How long does the whole case usually take?", 2, "answered", 600)]
for account, platform, remote, author, text, post, state, age_s in rows:
    db.execute("INSERT INTO questions (case_id, account, platform, remote_id, author, text, received_at, reply_to_post, state)"
               " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)", (account, platform, remote, author, text, now - age_s * 1000, post, state))
db.commit()
PY
# A held post waiting for review.
review=(--data-dir "$work/review" --config "$work/config.json")
"$ctl" "${review[@]}" case start --procedure tka --consent deidentified --patient-name "José Muñoz" >/dev/null
"$ctl" "${review[@]}" post --text "José Muñoz's daughter Ana says thank you to the team (call 555-201-3344)" >/dev/null
# Nothing yet: the case set-up screen.
setup=(--data-dir "$work/setup" --config "$work/config.json")

shoot() {  # shoot NAME SIZE DATA... -- ARGS...
  local name=$1 size=$2; shift 2
  xvfb-run -a -s "-screen 0 ${size}x24" "$app" "$@" --size "$size" --screenshot "$out/$name-$size.png"
}
for size in 1280x800 1920x1080; do
  shoot coordinator "$size" "${demo[@]}"
  shoot questions "$size" "${demo[@]}" --screen questions
  shoot feed "$size" "${demo[@]}" --screen feed
  shoot gallery "$size" "${demo[@]}" --screen gallery
  shoot compliance "$size" "${demo[@]}" --screen compliance
  shoot settings "$size" "${demo[@]}" --screen settings
  shoot case-setup "$size" "${setup[@]}"
  shoot review "$size" "${review[@]}"
done
echo "wrote $(ls "$out" | wc -l) screenshots to $out"
