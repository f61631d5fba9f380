#!/usr/bin/env bash
# Builds Callboard's image and runs it for real: on SQLite (a volume) and on PostgreSQL (this machine's,
# over the host network), creating the documented example call and following it to "completed"; then
# SIGTERM must end it cleanly within the grace period, and a restart on the same volume keeps the data
# without generating credentials again. Root only; idempotent; cleans up after itself.
#
# No registry is reachable here, so the base image is made from Debian's own archive (debootstrap) and
# cached between runs: BASE_IMAGE=localhost/debian:trixie (Debian 13 packages Node.js 20).
# podman needs cgroupfs and runc on these machines (crun fails on rlimits), and host networking.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "[container-smoke] $*"; }
if [ "$(id -u)" != 0 ]; then say "skipped: run as root"; exit 0; fi
if ! command -v podman >/dev/null || ! command -v debootstrap >/dev/null; then
  say "skipped: needs podman, debootstrap and runc (apt-get install -y podman debootstrap runc)"
  exit 0
fi

PODMAN=(podman --cgroup-manager=cgroupfs --runtime /usr/sbin/runc)
BASE=localhost/debian:trixie
IMAGE=localhost/callboard:smoke
ROOTFS=/var/tmp/callboard-rootfs/trixie
PORT=${SMOKE_PORT:-3980}
URL="http://127.0.0.1:$PORT"
AUTH="smoke-integrator:smoke-password-0123456789"
PG_DB=callboard_smoke
GRACE=30

grep -q 'default_ulimits = \[\]' /etc/containers/containers.conf 2>/dev/null ||
  printf '[containers]\ndefault_ulimits = []\n' >/etc/containers/containers.conf

cleanup() {
  "${PODMAN[@]}" rm -f -t 0 cb-smoke-sqlite cb-smoke-pg >/dev/null 2>&1 || true
  "${PODMAN[@]}" volume rm -f cb-smoke-data >/dev/null 2>&1 || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

if ! "${PODMAN[@]}" image exists "$BASE"; then
  say "making the base image from Debian's archive (once per machine)"
  if [ ! -x "$ROOTFS/bin/sh" ]; then
    rm -rf "$ROOTFS" && mkdir -p "$(dirname "$ROOTFS")"
    debootstrap --variant=minbase trixie "$ROOTFS" http://deb.debian.org/debian >/dev/null
  fi
  tar -C "$ROOTFS" -c . | "${PODMAN[@]}" import - "$BASE" >/dev/null
fi

say "building $IMAGE"
started=$(date +%s)
# This machine's npm goes through a TLS-inspecting proxy: the build trusts the host's CA bundle too.
CA=/etc/ssl/certs/ca-certificates.crt
"${PODMAN[@]}" build --network host --build-arg BASE_IMAGE="$BASE" \
  --volume "$CA:/etc/callboard-build-ca.crt:ro" --build-arg NPM_CAFILE=/etc/callboard-build-ca.crt -t "$IMAGE" . >/tmp/callboard-container-build.log 2>&1 ||
  { tail -40 /tmp/callboard-container-build.log; exit 1; }
size=$("${PODMAN[@]}" image inspect "$IMAGE" --format '{{.Size}}')
say "built in $(($(date +%s) - started)) s; image size $((size / 1000000)) MB"

wait_healthy() {
  for _ in $(seq 1 180); do
    if curl -fsS "$URL/api/health" >/dev/null 2>&1; then return 0; fi
    if [ "$("${PODMAN[@]}" inspect -f '{{.State.Running}}' "$1")" != true ]; then break; fi
    sleep 1
  done
  say "$1 did not become healthy:"; "${PODMAN[@]}" logs "$1" | tail -40; return 1
}

follow_example_call() {
  local id status
  id=$(curl -fsS -u "$AUTH" -H 'Content-Type: application/json' --data @docs/reference/create-call.request.json "$URL/api/v1/calls" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id))')
  for _ in $(seq 1 120); do
    status=$(curl -fsS -u "$AUTH" "$URL/api/v1/calls/$id" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).status))')
    if [ "$status" = completed ]; then echo "$id"; return 0; fi
    sleep 1
  done
  say "call $id is still $status"; return 1
}

stop_cleanly() {
  local begin code
  begin=$(date +%s)
  "${PODMAN[@]}" stop -t "$GRACE" "$1" >/dev/null
  code=$("${PODMAN[@]}" inspect -f '{{.State.ExitCode}}' "$1")
  if [ "$code" = 137 ] || [ $(($(date +%s) - begin)) -ge "$GRACE" ]; then
    say "$1 did not stop on SIGTERM within ${GRACE} s (exit $code)"; return 1
  fi
  say "$1 stopped on SIGTERM in $(($(date +%s) - begin)) s (exit $code)"
}

run_and_check() {
  local name=$1; shift
  "${PODMAN[@]}" run -d --name "$name" --network host -e PORT="$PORT" -e SIMULATOR_STEP_MS=200 \
    -e API_USERNAME="${AUTH%%:*}" -e API_PASSWORD="${AUTH#*:}" "$@" "$IMAGE" >/dev/null
  wait_healthy "$name"
  local id; id=$(follow_example_call)
  say "$name: the documented example call $id completed"
  stop_cleanly "$name"
  "${PODMAN[@]}" start "$name" >/dev/null
  wait_healthy "$name"
  curl -fsS -u "$AUTH" "$URL/api/v1/calls/$id" >/dev/null || { say "$name lost call $id after a restart"; return 1; }
  if [ "$("${PODMAN[@]}" logs "$name" 2>&1 | grep -c 'generated credentials')" != 1 ]; then
    say "$name generated credentials again after a restart"; return 1
  fi
  say "$name: restarted with its data, no new credentials"
  stop_cleanly "$name"
}

say "SQLite on a volume"
"${PODMAN[@]}" volume create cb-smoke-data >/dev/null
run_and_check cb-smoke-sqlite -v cb-smoke-data:/data

say "PostgreSQL (this machine's, over the host network)"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $PG_DB" >/dev/null
run_and_check cb-smoke-pg -e DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$PG_DB"

say "passed"
