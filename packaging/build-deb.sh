#!/usr/bin/env bash
# Builds the Debian package: build/orlive_<version>_amd64.deb, then checks it with lintian.
# Extra arguments go to cpack, e.g. `-D CPACK_PACKAGE_VERSION=0.0.9` for an older-numbered build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh
cd build
cpack -G DEB "$@" >/dev/null
deb=$(ls -t orlive_*_amd64.deb | head -n 1)
echo "build-deb: $PWD/$deb ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb -f "$deb" Version Depends Recommends
if ! command -v lintian >/dev/null; then
  echo "build-deb: lintian is not installed (apt-get install lintian); skipping the check" >&2
  exit 0
fi
# --fail-on error: warnings are listed (and explained in the README) but do not fail the build.
lintian --fail-on error --display-info "$deb" 2>&1 | grep -v '^running with root privileges' || true
lintian --fail-on error "$deb" >/dev/null 2>&1 || { echo "build-deb: lintian reports errors" >&2; exit 2; }
echo "build-deb: lintian reports no errors"
