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
  shoot feed "$size" "${demo[@]}" --screen feed
  shoot gallery "$size" "${demo[@]}" --screen gallery
  shoot compliance "$size" "${demo[@]}" --screen compliance
  shoot settings "$size" "${demo[@]}" --screen settings
  shoot case-setup "$size" "${setup[@]}"
  shoot review "$size" "${review[@]}"
done
echo "wrote $(ls "$out" | wc -l) screenshots to $out"
