#!/usr/bin/env bash
# `npm start`: builds the extension and opens it in a real VS Code against a Docker engine.
# Desktop VS Code (`code`) is used when present; otherwise code-server on 127.0.0.1 with the URL
# printed. With no reachable engine, a private one is started (and stopped again on exit).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dependencies"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
node scripts/build.mjs
npx tsc -b

engine_pid=""
cleanup() { if [ -n "$engine_pid" ]; then bash scripts/engine.sh stop "$engine_pid"; fi; }
trap cleanup EXIT
eval "$(bash scripts/engine.sh ensure)"
engine_pid="${BERTHWISE_ENGINE_PID:-}"
bash scripts/engine.sh seed

if command -v code >/dev/null 2>&1 && [ -z "${BERTHWISE_USE_CODE_SERVER:-}" ]; then
  node -e "require('./out/test/vscode/launch/demoSeed.js').seedDemoObjects().then((n) => console.log('[berthwise] demo objects: ' + n.join(', ')))"
  log "opening desktop VS Code; closing its window ends this command"
  code --new-window --wait --extensionDevelopmentPath="$PWD" "$PWD/examples"
  exit 0
fi

cs_paths="$(bash scripts/install-code-server.sh)" || die "code-server could not be installed (see the installer's lines above)"
mapfile -t cs <<<"$cs_paths"
[ ${#cs[@]} -eq 2 ] || die "the code-server installer printed ${#cs[@]} lines instead of two paths"
export BERTHWISE_CODE_SERVER_NODE="${cs[0]}" BERTHWISE_CODE_SERVER_ENTRY="${cs[1]}"
node out/test/vscode/launch/serveDev.js &
dev_pid=$!
trap 'kill -TERM "$dev_pid" 2>/dev/null; wait "$dev_pid" 2>/dev/null; cleanup' EXIT
wait "$dev_pid"
