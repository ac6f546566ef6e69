# Shared helpers for the end-to-end scripts: assertions that name what failed.
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() { [[ "$1" == "$2" ]] || fail "$3: expected '$2', got '$1'"; }
expect_contains() { [[ "$1" == *"$2"* ]] || fail "$3: '$2' not found in: $1"; }
# Runs a command expecting exit status $1; stores stdout in $out, stderr in $err.
expect_status() {
  local want=$1; shift
  local errfile; errfile=$(mktemp)
  set +e; out=$("$@" 2>"$errfile"); local got=$?; set -e
  err=$(cat "$errfile"); rm -f "$errfile"
  [[ $got -eq $want ]] || fail "'$*' exited $got, expected $want. stderr: $err"
}

# --- GUI tests: the real app under Xvfb at 1280x800 ---
# Re-runs the calling script once under its own Xvfb display: call as `under_xvfb "$@"`.
under_xvfb() {
  if [[ -z "${ORLIVE_E2E_IN_XVFB:-}" ]]; then
    export ORLIVE_E2E_IN_XVFB=1
    exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
  fi
}
# A scratch dir ($work) removed on exit, with the app ($app_pid) stopped first.
make_workdir() {
  work=$(mktemp -d)
  trap '[[ -n "${app_pid:-}" ]] && kill "$app_pid" 2>/dev/null; rm -rf "$work"' EXIT
}
# Starts APP with the given flags at 1280x800 and waits for its window ($window).
start_app() {
  local app=$1; shift
  "$app" "$@" --size 1280x800 2>"$work/app.err" &
  app_pid=$!
  window=$(timeout 20 xdotool search --sync --name '^ORLive$' | head -n 1) ||
    fail "the app window never appeared: $(cat "$work/app.err")"
  sleep 1
}
stop_app() {
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
}

# The outbox as JSON, through the contract's `queue --json` ($ctl and the flags in $d).
queue() { "$ctl" "${d[@]}" queue --json; }
# wait_for JQ_FILTER [WHAT]: until the queue satisfies the filter (10 s), else fail.
wait_for() {
  for _ in $(seq 50); do [[ "$(queue | jq -r "$1")" == true ]] && return 0; sleep 0.2; done
  fail "${2:-queue}: never satisfied $1: $(queue)"
}
# A tap at X Y in the window, then time for the app to draw: two clicks in one frame merge.
tap() { xdotool mousemove --window "$window" "$1" "$2" click 1; sleep 0.4; }
# A tap that only changes the screen (nothing to poll for): give a loaded machine longer.
tap_ui() { xdotool mousemove --window "$window" "$1" "$2" click 1; sleep 1.2; }
