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
