# Shared by the fault scripts: the e2e assertions plus the checks every fault ends with.
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/lib.sh"

# Cycle number as letters (0 -> "zqa"): a token the PHI filter leaves alone, unlike digits.
letters() {
  local n=$1 s=""
  while :; do s=$(printf "\\$(printf '%03o' $((97 + n % 26)))")$s; n=$((n / 26)); ((n > 0)) || break; done
  echo "zq$s"
}

# The database is whole and the redaction log's chain verifies.
expect_database_intact() {
  local ctl=$1 dir=$2
  expect_eq "$(sqlite3 "$dir/orlive.db" 'PRAGMA integrity_check')" ok "integrity_check of $dir"
  expect_status 0 "$ctl" --data-dir "$dir" log verify
  expect_contains "$out" "redaction log intact" "log verify"
}
