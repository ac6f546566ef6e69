#!/usr/bin/env bash
# The Debian package's life on this machine: build it (and one numbered lower, standing in for
# the previous release), install the older one and write data as the service user, upgrade
# (no post lost, the schema migration runs), use the installed binaries and assets, back up and
# restore, remove (data kept), purge (data deleted after a warning). Least privilege: the
# accounts' secrets in /etc/orlive/secrets.json only orlive-sync reads, delivery as orlive-sync
# to a loopback webhook peer (orlive_test_peer from BUILD_DIR), the kiosk's user without them.
# Needs root and dpkg; exits 77 (ctest: skipped) without them, or when an orlive package or
# /var/lib/orlive is already here (the test would purge them).
# Usage: package_lifecycle_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source "$(dirname "$0")/lib.sh"

skip() { echo "SKIP: $*"; exit 77; }
[[ $(id -u) -eq 0 ]] || skip "needs root (it installs the package with dpkg)"
command -v dpkg >/dev/null && command -v cpack >/dev/null || skip "needs dpkg and cpack"
# Two checkouts running their suites at once would install over each other: take turns.
exec 9>/tmp/orlive-package-test.lock
flock 9
if dpkg-query -W -f='${Status}' orlive 2>/dev/null | grep -q installed; then
  skip "an orlive package is already installed here; the test would purge it"
fi
[[ ! -e /var/lib/orlive ]] || skip "/var/lib/orlive exists; the test would delete it at purge"

work=$(mktemp -d)
chmod 0755 "$work"  # the service users run the peer's port file and the data dir below from here
peer="$build/bin/orlive_test_peer"
[[ -x "$peer" ]] || fail "no $peer: build the orlive_test_peer target"
pids=()
cleanup() {
  # Never leave the machine with a half-tested package on it.
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  dpkg -P orlive >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

install_deb() {  # dpkg -i, then let apt bring in any missing dependency (fresh CI machine)
  if ! dpkg -i "$1" >"$work/dpkg.log" 2>&1; then
    grep -q "dependency problems" "$work/dpkg.log" || { cat "$work/dpkg.log" >&2; fail "dpkg -i $1"; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq --no-install-recommends \
      >>"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "installing the dependencies of $1"; }
  fi
  cat "$work/dpkg.log"
}
as_orlive() { runuser -u orlive -- "$@"; }
as_sync() { runuser -u orlive-sync -- "$@"; }
source "$(dirname "$0")/sync_lib.sh"
installed_ctl() { (cd / && env -u ORLIVE_ASSETS_DIR HOME=/nonexistent /usr/bin/orlivectl "$@"); }
sql() { sqlite3 /var/lib/orlive/orlive.db "$1"; }

# --- build: the current package and one numbered lower from the same build ------------------
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[[ -n "$version" ]] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"
(cd "$build" && cpack -G DEB -B "$work/current" >/dev/null)
(cd "$build" && cpack -G DEB -B "$work/previous" -D CPACK_PACKAGE_VERSION=0.0.1 >/dev/null)
current="$work/current/orlive_${version}_amd64.deb"
previous="$work/previous/orlive_0.0.1_amd64.deb"
[[ -f "$current" && -f "$previous" ]] || fail "cpack did not write $current and $previous"
expect_contains "$(dpkg-deb -f "$current" Depends)" "libsqlite3-0" "Depends from dpkg-shlibdeps"

# --- install the previous version and write data as the service user --------------------------
install_deb "$previous"
expect_eq "$(dpkg-query -W -f='${Version}' orlive)" "0.0.1" "installed version"
getent passwd orlive >/dev/null || fail "postinst did not create the orlive user"
expect_eq "$(getent passwd orlive-sync | cut -d: -f7)" "/usr/sbin/nologin" "orlive-sync has no login shell"
expect_eq "$(id -gn orlive-sync)" "orlive" "orlive-sync's primary group"
expect_eq "$(stat -c '%U:%G %a' /var/lib/orlive)" "orlive:orlive 2770" "/var/lib/orlive owner and mode"
expect_eq "$(stat -c '%U:%G %a' /etc/orlive/config.json)" "root:orlive 640" "config owner and mode"
expect_eq "$(stat -c '%U:%G %a' /etc/orlive/secrets.json)" "orlive-sync:orlive 600" "secrets owner and mode"
expect_eq "$(jq -r .secrets_file /etc/orlive/config.json)" "/etc/orlive/secrets.json" "config names the secrets"
d=(--data-dir /var/lib/orlive --config /etc/orlive/config.json)
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" case start --procedure lap-chole
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" post --milestone time-out --undo-seconds 0
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" post --text "Call 555-201-3344" --undo-seconds 0
posts_before=$(sql "SELECT group_concat(id || ':' || state || ':' || text, '|') FROM posts ORDER BY id")
[[ -n "$posts_before" ]] || fail "no posts written before the upgrade"
# The previous release of this tree has the same schema. To see the upgrade migrate a real
# older database, take it back to schema 1 (before the redaction log and the delivery columns),
# as ORLive 0.0.x wrote it.
sql "DROP TRIGGER question_answer_ends; ALTER TABLE posts DROP COLUMN answers_question; DROP TABLE questions;
     DROP INDEX posts_open; DROP TABLE redaction_log; DROP TRIGGER consent_withdrawal_deletes_remote; DROP TABLE remote_deletions;
     DROP INDEX deliveries_by_account_post; ALTER TABLE deliveries DROP COLUMN remote_cid;
     ALTER TABLE deliveries DROP COLUMN record_key; ALTER TABLE deliveries DROP COLUMN record_created_at;
     ALTER TABLE deliveries DROP COLUMN draft_id; DROP TABLE audit_witness; DROP TABLE pin_attempts;
     ALTER TABLE cases DROP COLUMN withdrawn_at; DROP TRIGGER held_review_ends; DROP TABLE held_review;
     PRAGMA user_version = 1;"
rm -f /var/lib/orlive/redaction-log.head
# An older package's data dir and config: private to orlive, a secret inside config.json.
chmod 0750 /var/lib/orlive
chmod 0600 /var/lib/orlive/orlive.db* /var/lib/orlive/device.key
jq 'del(.secrets_file) | .accounts = [{"name": "old", "kind": "mastodon", "base_url": "https://old.example",
    "access_token": "old-SECRET-token"}]' /etc/orlive/config.json >"$work/old.json"
cat "$work/old.json" >/etc/orlive/config.json
printf '{"accounts": {}}\n' >/etc/orlive/secrets.json

# --- upgrade --------------------------------------------------------------------------------
install_deb "$current"
expect_eq "$(dpkg-query -W -f='${Version}' orlive)" "$version" "upgraded version"
expect_status 0 installed_ctl --version
expect_contains "$out" "$version" "orlivectl --version"
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" queue
expect_eq "$(sql 'PRAGMA user_version')" "10" "schema migrated on first open after the upgrade"
expect_eq "$(sql "SELECT group_concat(id || ':' || state || ':' || text, '|') FROM posts ORDER BY id")" \
  "$posts_before" "every post kept across the upgrade"
# --- the upgrade split the secrets out and shared the data dir with orlive-sync --------------
expect_eq "$(stat -c '%a' /var/lib/orlive)" "2770" "data dir mode after the upgrade"
expect_eq "$(stat -c '%G %a' /var/lib/orlive/orlive.db)" "orlive 660" "database mode after the upgrade"
expect_eq "$(stat -c '%G %a' /var/lib/orlive/device.key)" "orlive 640" "device key mode after the upgrade"
expect_eq "$(jq -r .secrets_file /etc/orlive/config.json)" "/etc/orlive/secrets.json" "upgrade named the secrets file"
grep -q old-SECRET-token /etc/orlive/config.json && fail "the upgrade left a secret in config.json"
expect_eq "$(jq -r .accounts.old.access_token /etc/orlive/secrets.json)" "old-SECRET-token" "the secret moved"
expect_eq "$(stat -c '%U:%G %a' /etc/orlive/config.json /etc/orlive/secrets.json | tr '\n' ' ')" \
  "root:orlive 640 orlive-sync:orlive 600 " "owners and modes kept by the split"
expect_status 0 /usr/bin/orlivectl --config /etc/orlive/config.json account split-secrets
expect_contains "$out" "no secrets left" "split-secrets run again"
expect_status 0 /usr/bin/orlivectl --config /etc/orlive/config.json account remove old

expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" post --milestone pneumoperitoneum --undo-seconds 0
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" log verify

# --- least privilege: orlive-sync delivers, the kiosk's user holds no credential --------------
expect_status 1 runuser -u orlive -- cat /etc/orlive/secrets.json
expect_status 0 runuser -u orlive-sync -- cat /etc/orlive/secrets.json  # positive control
start_peer webhook hook; pids+=("$hook_pid")
hook_url="http://127.0.0.1:$hook_port/hook/json?key=LIFECYCLE-SECRET"  # the peer routes /hook/FORMAT
expect_status 0 /usr/bin/orlivectl "${d[@]}" account add team --kind webhook --format json <<<"{\"url\": \"$hook_url\"}"
grep -q LIFECYCLE-SECRET /etc/orlive/config.json && fail "account add wrote the secret into config.json"
grep -q LIFECYCLE-SECRET /etc/orlive/secrets.json || fail "account add did not write the secret to secrets.json"
expect_eq "$(stat -c '%U:%G %a' /etc/orlive/config.json /etc/orlive/secrets.json | tr '\n' ' ')" \
  "root:orlive 640 orlive-sync:orlive 600 " "owners and modes kept by account add as root"
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" account list
expect_contains "$out" "team"$'\t'"webhook" "the kiosk's user lists the account"
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" post --text "Closing now, all well" --undo-seconds 0
expect_status 2 as_orlive /usr/bin/orlivectl "${d[@]}" sync --once --timeout 5
expect_contains "$err" "may not read the secrets file /etc/orlive/secrets.json" "sync as orlive"
expect_eq "$("$peer" --get "http://127.0.0.1:$hook_port/_peer/requests" | jq length)" 0 "nothing sent as orlive"
expect_status 0 as_sync /usr/bin/orlivectl "${d[@]}" sync --once --timeout 20
expect_eq "$("$peer" --get "http://127.0.0.1:$hook_port/_peer/requests" | jq -r '.[0].body | fromjson | .text')" \
  "Closing now, all well" "delivered as orlive-sync"
expect_eq "$(stat -c '%U:%G %a' /var/lib/orlive/sync.lock)" "orlive-sync:orlive 660" \
  "the sync lock orlive-sync made is the group's too"
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" post --milestone closure --undo-seconds 0
stop_peer "$hook_pid"

# --- the installed binaries on a data dir of their own, assets from /usr/share/orlive --------
tmpdata="$work/data"
expect_status 0 installed_ctl --data-dir "$tmpdata" case start --procedure lap-chole
expect_status 0 installed_ctl --data-dir "$tmpdata" post --milestone time-out
expect_eq "$(jq -r .state <<<"$out")" "pending" "post state"
# A template only the installed tree has proves where `templates list` reads from.
jq '.id = "zz-lifecycle-probe" | .name = "Lifecycle probe"' /usr/share/orlive/templates/lap-chole.json \
  >/usr/share/orlive/templates/zz-lifecycle-probe.json
expect_status 0 installed_ctl templates list
rm -f /usr/share/orlive/templates/zz-lifecycle-probe.json
expect_contains "$out" "zz-lifecycle-probe" "templates list reads /usr/share/orlive/templates"
expect_eq "$(wc -l <<<"$out")" "$(( $(ls /usr/share/orlive/templates/*.json | wc -l) + 1 ))" "templates listed"
for page in orlive orlivectl; do
  [[ -f /usr/share/man/man1/$page.1.gz ]] || fail "man page $page(1) not installed"
done
[[ -f /lib/systemd/system/orlive-gallery.service ]] || fail "orlive-gallery.service not installed"
if command -v systemd-analyze >/dev/null; then
  for unit in orlive-sync orlive-gallery orlive-kiosk; do
    unknown=$(systemd-analyze verify /lib/systemd/system/$unit.service 2>&1 | grep -iE "unknown|invalid|failed to parse" || true)
    [[ -z "$unknown" ]] || fail "$unit.service: $unknown"
  done
  expect_contains "$(grep -h '^User=' /lib/systemd/system/orlive-sync.service)" "User=orlive-sync" "sync unit's user"
fi

# --- backup and restore with the installed binary, as the service user -----------------------
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" backup /var/lib/orlive/lifecycle.backup
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" post --text "after the backup" --undo-seconds 0
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" restore /var/lib/orlive/lifecycle.backup
expect_status 0 as_orlive /usr/bin/orlivectl "${d[@]}" log verify
[[ "$(sql "SELECT count(*) FROM posts WHERE text = 'after the backup'")" == 0 ]] || fail "restore kept a later post"
ls /var/lib/orlive/orlive.db.before-restore-* >/dev/null || fail "restore kept no copy aside"

# --- remove keeps the data; purge deletes it after saying so ---------------------------------
posts_kept=$(sql "SELECT count(*) FROM posts")
dpkg -r orlive >/dev/null
[[ ! -e /usr/bin/orlivectl ]] || fail "remove left /usr/bin/orlivectl"
[[ -f /var/lib/orlive/orlive.db && -f /var/lib/orlive/device.key ]] || fail "remove deleted the data"
expect_eq "$(sql 'SELECT count(*) FROM posts')" "$posts_kept" "posts after remove"
[[ -f /etc/orlive/config.json ]] || fail "remove deleted the conffile"
purge_output=$(dpkg -P orlive 2>&1)
expect_contains "$purge_output" "PURGE: deleting /var/lib/orlive" "purge warning"
[[ ! -e /var/lib/orlive ]] || fail "purge left /var/lib/orlive"
[[ ! -e /etc/orlive ]] || fail "purge left /etc/orlive"
getent passwd orlive-sync >/dev/null && fail "purge left the orlive-sync user"
echo "package lifecycle: ok (install 0.0.1, upgrade to $version, backup/restore, remove, purge)"
