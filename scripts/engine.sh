#!/usr/bin/env bash
# Finds a reachable Docker engine, or installs and starts a private one.
#   engine.sh ensure   prints `export DOCKER_HOST=…` (and BERTHWISE_ENGINE_PID when it started one)
#   engine.sh stop PID stops an engine this script started, by its pid only
#   engine.sh seed     imports the busybox base image the tests and the demo use
# The private engine keeps its own data root in the cache and its socket outside /var/run, so it
# never collides with an engine the user runs; containers stay on the `none` network (--bridge=none).
# Networks it creates take /24 subnets of 10.213.0.0/16 rather than Docker's default pools, which
# another engine on the same host (or bridges an engine left behind) may already hold: 31 default
# pools run out quickly, 256 of these do not.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ENGINE_DIR="$BERTHWISE_CACHE/engine"
RUN_DIR="/run/berthwise-engine"
PRIVATE_SOCKET="$RUN_DIR/docker.sock"
BASE_IMAGE="berthwise-test/busybox:latest"

ping_socket() { curl -sf --max-time 2 --unix-socket "$1" http://localhost/_ping >/dev/null 2>&1; }

ping_host() {
  case "$1" in
    unix://*) ping_socket "${1#unix://}" ;;
    tcp://*) curl -sf --max-time 2 "http://${1#tcp://}/_ping" >/dev/null 2>&1 ;;
    *) return 1 ;;
  esac
}

start_private_engine() {
  apt_install docker.io busybox-static curl
  mkdir -p "$ENGINE_DIR/data" "$RUN_DIR/exec"
  local pidfile="$RUN_DIR/dockerd.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && ping_socket "$PRIVATE_SOCKET"; then
    log "reusing the private engine (pid $(cat "$pidfile"))"
    echo "export DOCKER_HOST=unix://$PRIVATE_SOCKET"
    return
  fi
  rm -f "$pidfile" "$PRIVATE_SOCKET"
  log "starting a private Docker engine (data root $ENGINE_DIR/data)"
  setsid dockerd -H "unix://$PRIVATE_SOCKET" --pidfile "$pidfile" \
    --data-root "$ENGINE_DIR/data" --exec-root "$RUN_DIR/exec" \
    --bridge=none --iptables=false --ip6tables=false --ip-masq=false --ip-forward=false \
    --default-address-pool base=10.213.0.0/16,size=24 \
    --storage-driver=overlay2 >"$ENGINE_DIR/dockerd.log" 2>&1 < /dev/null &
  local pid=$!
  local deadline=$((SECONDS + 30))
  until ping_socket "$PRIVATE_SOCKET"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$ENGINE_DIR/dockerd.log" >&2; die "dockerd exited during start"; }
    [ $SECONDS -lt $deadline ] || { tail -20 "$ENGINE_DIR/dockerd.log" >&2; die "dockerd did not answer within 30 s"; }
    sleep 0.2
  done
  echo "export DOCKER_HOST=unix://$PRIVATE_SOCKET"
  echo "export BERTHWISE_ENGINE_PID=$pid"
}

ensure() {
  if [ -n "${DOCKER_HOST:-}" ] && ping_host "$DOCKER_HOST"; then
    log "using the engine at DOCKER_HOST=$DOCKER_HOST"
    echo "export DOCKER_HOST=$DOCKER_HOST"
  elif ping_socket /var/run/docker.sock; then
    log "using the engine at /var/run/docker.sock"
    echo "export DOCKER_HOST=unix:///var/run/docker.sock"
  else
    start_private_engine
  fi
}

stop() {
  local pid="$1"
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid"
  local deadline=$((SECONDS + 20))
  while kill -0 "$pid" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { kill -KILL "$pid" 2>/dev/null || true; break; }
    sleep 0.1
  done
  log "stopped the private engine (pid $pid)"
}

# Imports a busybox rootfs as the base image (nothing can be pulled here).
seed() {
  : "${DOCKER_HOST:?run ensure first}"
  local socket="${DOCKER_HOST#unix://}"
  if curl -sf --unix-socket "$socket" "http://localhost/images/$BASE_IMAGE/json" >/dev/null; then
    return 0
  fi
  apt_install busybox-static
  local rootfs; rootfs=$(mktemp -d)
  mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc" "$rootfs/root"
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $("$rootfs/bin/busybox" --list); do
    [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
  tar -C "$rootfs" -c . | curl -sf --unix-socket "$socket" -X POST -H 'Content-Type: application/x-tar' --data-binary @- \
    "http://localhost/images/create?fromSrc=-&repo=${BASE_IMAGE%%:*}&tag=${BASE_IMAGE##*:}&changes=CMD%20%5B%22%2Fbin%2Fsh%22%5D&changes=ENV%20PATH%3D%2Fbin" >/dev/null \
    || die "could not import $BASE_IMAGE"
  rm -rf "$rootfs"
  log "imported $BASE_IMAGE"
}

case "${1:-}" in
  ensure) ensure ;;
  stop) stop "${2:?pid}" ;;
  seed) seed ;;
  *) die "usage: engine.sh ensure | stop PID | seed" ;;
esac
