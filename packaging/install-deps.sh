#!/usr/bin/env bash
# Installs every Debian 12 package ORLive's build, tests and app need. Idempotent: when all are
# present it only checks and exits within a second.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  # libraries
  libimgui-dev libglfw3-dev libgl-dev libsqlitecpp-dev libsqlite3-dev libre2-dev libutf8proc-dev
  libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libcpp-httplib-dev libstb-dev
  libqrencode-dev
  # the PHI filter's vocabulary, read at run time from /usr/share (see assets/names/SOURCE.txt)
  wamerican wamerican-huge hunspell-en-med
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 jq
  # the gallery page in a real browser (driven by playwright-core from npm, cached outside the repo)
  chromium
  # the audit witness test: a real syslog collector on loopback
  rsyslog
  # the layering and style checks, and reading the app window in the nurse-flow test
  python3 libx11-6
  # fuzzing (CI runs the libFuzzer targets): clang and its runtime, which holds libFuzzer
  clang-14 libclang-rt-14-dev
  # running the app: fonts, Mesa's software OpenGL, a virtual display and synthetic taps
  fonts-dejavu-core libgl1-mesa-dri libglx-mesa0 xvfb xauth xdotool procps
  # packaging checks
  lintian fakeroot dpkg-dev
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 2; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
