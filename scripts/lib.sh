# Shared helpers for the dev and CI scripts. Sourced, never run.
# Heavy installs live outside the repository so clean clones reuse them.
BERTHWISE_CACHE="${BERTHWISE_CACHE:-$HOME/.cache/berthwise}"
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
NODE24_DIR="$BERTHWISE_CACHE/node-$NODE24_VERSION"
CODE_SERVER_DIR="$BERTHWISE_CACHE/code-server-$CODE_SERVER_VERSION"

log() { printf '[berthwise] %s\n' "$*" >&2; }
die() { printf '[berthwise] error: %s\n' "$*" >&2; exit 1; }

# apt_install PKG... installs Debian packages that are missing, updating the index once.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "need root to install ${missing[*]} (apt-get)"
  log "installing ${missing[*]}"
  if [ ! -f /tmp/.berthwise-apt-updated ]; then
    apt-get update -qq && touch /tmp/.berthwise-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
