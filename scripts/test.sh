#!/usr/bin/env bash
# The whole test suite: `npm test` (or `npm test -- unit lsp` for some tiers).
# Installs and starts what the tiers need — npm dependencies, a Docker engine (a private one when
# none is reachable), Chromium and code-server — runs every tier, and stops only what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

tiers=("$@")
wants() { [ ${#tiers[@]} -eq 0 ] || [[ " ${tiers[*]} " == *" $1 "* ]]; }
fail_setup() { log "$1"; echo; echo "0 passed, 1 failed"; exit 1; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dependencies"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null || fail_setup "npm ci failed"
fi

log "building and type-checking"
node scripts/build.mjs || fail_setup "the esbuild bundle failed"
npx tsc -b || fail_setup "type-check (tsc -b) failed"
npx eslint --max-warnings 0 client server test scripts bench || fail_setup "lint failed (zero warnings allowed)"

engine_pid=""
cold_cache=""
cleanup() {
  if [ -n "$engine_pid" ]; then bash scripts/engine.sh stop "$engine_pid"; fi
  if [ -n "$cold_cache" ]; then rm -rf "$cold_cache"; fi
}
trap cleanup EXIT

if wants engine || wants vscode; then
  eval "$(bash scripts/engine.sh ensure)" || fail_setup "no Docker engine could be started"
  engine_pid="${BERTHWISE_ENGINE_PID:-}"
  bash scripts/engine.sh seed || fail_setup "the base image could not be imported"
fi

if wants engine; then
  # Remote-engine tests: sshd (SSH transport), openssl (TLS certificates), podman (Docker-compatible API).
  apt_install openssh-server openssl podman || fail_setup "openssh-server/openssl/podman could not be installed"
  # Build cache records come from a real BuildKit build; Debian's docker.io client builds with
  # BuildKit on its own (newer clients need the buildx plugin, which Debian does not package).
  [ -x /usr/bin/docker ] || apt_install docker.io || fail_setup "docker.io (for a BuildKit build) could not be installed"
fi

if wants vscode; then
  apt_install chromium || fail_setup "chromium could not be installed"
  install_cache="${BERTHWISE_CACHE:-$HOME/.cache/berthwise}"
  if [ "${CI:-}" = "true" ]; then
    # CI takes the cold path on purpose: Node 24 and code-server install from nothing (an empty
    # cache directory, so an empty npm cache too), started from inside `npm test` as a user's first
    # run is, so a change in npm, Node or a package cannot hide behind a warm cache.
    cold_cache="$(mktemp -d "${TMPDIR:-/tmp}/berthwise-cold.XXXXXX")"
    install_cache="$cold_cache"
    log "CI: installing Node 24 and code-server into an empty cache ($cold_cache)"
  fi
  install_started=$SECONDS
  if ! cs_paths="$(BERTHWISE_CACHE="$install_cache" bash scripts/install-code-server.sh)"; then
    cold_cache="" # keep the failed install and its log for reading
    fail_setup "code-server could not be installed (the installer's own lines are above)"
  fi
  mapfile -t cs <<<"$cs_paths"
  [ ${#cs[@]} -eq 2 ] || fail_setup "the code-server installer printed ${#cs[@]} lines instead of two paths"
  [ -z "$cold_cache" ] || log "CI: the cold install of Node 24 and code-server took $((SECONDS - install_started)) s"
  export BERTHWISE_CODE_SERVER_NODE="${cs[0]}" BERTHWISE_CODE_SERVER_ENTRY="${cs[1]}"
  # The vscode tier also installs the extension as a user gets it: the .vsix of `npm run package`
  # (a production build), after which dist/ is built again for the development-mode launches.
  log "packaging the extension (npm run package)"
  package_log="$(mktemp "${TMPDIR:-/tmp}/berthwise-package.XXXXXX")"
  npm run package >"$package_log" 2>&1 || { cat "$package_log" >&2; fail_setup "npm run package failed"; }
  grep -a 'Packaged:' "$package_log" | sed 's/\x1b\[[0-9;]*m//g; s/^ *//' >&2 || true
  rm -f "$package_log"
  export BERTHWISE_VSIX="$PWD/berthwise.vsix"
  node scripts/build.mjs || fail_setup "the esbuild bundle failed"
fi

node out/test/runAll.js "$@"
