#!/usr/bin/env bash
# Builds Callboard's image and runs it for real, with podman:
#   1. the build, from a base image made from Debian's own archive (no registry is reachable here);
#   2. SQLite on a volume: healthy (the image's own HEALTHCHECK), running as the non-root user, the documented
#      example call (docs/reference/create-call.request.json) created and followed to "completed";
#   3. SIGTERM ends it cleanly (exit 0) within the grace period;
#   4. a new container on the same volume still has the call and generates no credentials again;
#   5. the same on PostgreSQL (this machine's, over the host network, in a throwaway database);
#   and compose.yaml's syntax, with podman-compose, where it is installed.
# Root only; idempotent (one run at a time, leftovers of an interrupted run are removed first); cleans up
# after itself, but keeps the base image and the build stage's layers as a cache for the next run.
#   bash scripts/container-smoke.sh      (SMOKE_POSTGRES_URL: a server to create the throwaway database on)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "[container-smoke] $*"; }
# Each check that held is counted, for the closing "N passed, N failed" line; a failure ends the run.
passed=0
ok() { passed=$((passed + 1)); say "ok: $*"; }
# To stderr, so that a failure inside $(…) is still shown.
fail() {
  say "FAILED: $*" >&2
  echo "Smoke: $passed passed, 1 failed" >&2
  exit 1
}
if [ "$(id -u)" != 0 ]; then say "skipped: run as root"; exit 0; fi
for tool in podman debootstrap /usr/sbin/runc curl psql; do
  command -v "$tool" >/dev/null || fail "needs $tool (apt-get install -y podman debootstrap runc curl postgresql-client)"
done

# On these machines podman needs cgroupfs and runc (crun and the default rlimits fail here), and the host's
# network (no registry, no bridge). The base image is Debian 13, whose nodejs package is Node.js 20.
PODMAN=(podman --cgroup-manager=cgroupfs --runtime /usr/sbin/runc)
# No systemd timer for the HEALTHCHECK (these machines run no systemd; podman would log errors asking for it):
# wait_healthy runs the check itself, with `podman healthcheck run`.
export DISABLE_HC_SYSTEMD=true
BASE=localhost/debian:trixie
BASE_RECIPE=1 # bump when the way the base is made changes, to remake a cached one
IMAGE=localhost/callboard:smoke
BUILD_CACHE=localhost/callboard-build:smoke
ROOTFS=/var/tmp/callboard-rootfs/trixie
PG_ADMIN_URL=${SMOKE_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
PG_DB=callboard_smoke
AUTH="smoke-integrator:smoke-password-0123456789"
GRACE=30
BUILD_LOG=/tmp/callboard-container-build.log
begin=$(date +%s)
elapsed() { echo "$(($(date +%s) - ${1:-$begin})) s"; }

# One run at a time on a machine: the containers, the volume and the database have fixed names.
exec 9>/var/tmp/callboard-container-smoke.lock
flock 9

conf=/etc/containers/containers.conf
if ! grep -q '^default_ulimits *= *\[\]' "$conf" 2>/dev/null; then
  mkdir -p /etc/containers
  if grep -q '^\[containers\]' "$conf" 2>/dev/null; then
    sed -i 's/^\[containers\]$/[containers]\ndefault_ulimits = []/' "$conf"
  else
    printf '[containers]\ndefault_ulimits = []\n' >>"$conf"
  fi
fi

psql_admin() { psql "$PG_ADMIN_URL" -v ON_ERROR_STOP=1 -qAtc "$1"; }
cleanup() {
  "${PODMAN[@]}" rm -f -v -t 0 cb-smoke-sqlite cb-smoke-pg >/dev/null 2>&1 || true
  "${PODMAN[@]}" volume rm -f cb-smoke-data >/dev/null 2>&1 || true
  psql_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

# compose.yaml: podman-compose parses it and substitutes its variables (its `ps` with --dry-run runs nothing),
# and refuses it while a required secret is unset. Debian 12's podman-compose has no `config` command, and
# docker-compose 1.x's schema predates the top-level `name`; lib/env-compose.test.ts checks that every
# setting is listed.
# It runs on a copy in a folder of its own, so that a developer's .env (which compose reads) plays no part.
if command -v podman-compose >/dev/null; then
  compose_dir=$(mktemp -d)
  cp compose.yaml "$compose_dir/"
  compose() { env -u POSTGRES_PASSWORD -u APP_SECRET "$@" podman-compose --dry-run -f "$compose_dir/compose.yaml" ps >/dev/null 2>&1; }
  compose POSTGRES_PASSWORD=smoke APP_SECRET=smoke-secret-0123456789 || fail "podman-compose cannot read compose.yaml"
  ! compose POSTGRES_PASSWORD=smoke || fail "compose.yaml starts without APP_SECRET"
  ! compose APP_SECRET=smoke-secret-0123456789 || fail "compose.yaml starts without POSTGRES_PASSWORD"
  rm -rf "$compose_dir"
  ok "compose.yaml: podman-compose reads it, and requires POSTGRES_PASSWORD and APP_SECRET"
else
  say "skipped the compose.yaml syntax check: podman-compose is not installed (apt-get install -y podman-compose)"
fi

# The base image: debootstrap's minimal Debian 13, made once per machine (about a minute and a half) and
# kept, both as a folder and as an image. Left out of the image: downloaded packages, package lists,
# documentation and translations (from 214 MB down to 80 MB); the Dockerfile runs apt-get update itself.
if [ "$("${PODMAN[@]}" image inspect "$BASE" --format '{{index .Labels "org.callboard.base"}}' 2>/dev/null)" != "$BASE_RECIPE" ]; then
  say "making the base image $BASE from Debian's archive (once per machine)"
  if [ ! -e "$ROOTFS.complete" ]; then
    rm -rf "$ROOTFS" && mkdir -p "$ROOTFS"
    debootstrap --variant=minbase trixie "$ROOTFS" http://deb.debian.org/debian >/tmp/callboard-debootstrap.log 2>&1 ||
      { tail -20 /tmp/callboard-debootstrap.log; fail "debootstrap"; }
    touch "$ROOTFS.complete"
  fi
  tar -C "$ROOTFS" -c --exclude='./var/cache/apt/archives/*.deb' --exclude='./var/lib/apt/lists/*' \
    --exclude='./usr/share/doc/*' --exclude='./usr/share/man/*' --exclude='./usr/share/info/*' --exclude='./usr/share/locale/*' . |
    "${PODMAN[@]}" import --change "LABEL org.callboard.base=$BASE_RECIPE" - "$BASE" >/dev/null
fi

# The build. npm here goes through a TLS-inspecting proxy, so the build trusts the host's CA bundle (as npm
# on the host does: its cafile), mounted for the build only. The build stage is tagged too: its layers
# (Debian's build tools, then the installed dependencies, keyed on package.json and the lock file) are the
# cache that keeps the next run to a few minutes. Every image this script builds, intermediate ones too, carries
# the label org.callboard.smoke (a layer taken from the cache keeps the labels it was built with), so that its
# old ones (no longer tagged, nor under a tagged one) are removed after a good build, and nobody else's.
say "building $IMAGE (log: $BUILD_LOG)"
started=$(date +%s)
CA=$(npm config get cafile 2>/dev/null || true)
[ -f "$CA" ] || CA=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
# Docker's image format: OCI's has no HEALTHCHECK, and podman would drop it.
build_args=(--format docker --network host --label org.callboard.smoke=1 --build-arg BASE_IMAGE="$BASE")
if [ -f "$CA" ]; then
  build_args+=(--volume "$CA:/etc/callboard-build-ca.crt:ro" --build-arg NPM_CAFILE=/etc/callboard-build-ca.crt)
fi
{
  "${PODMAN[@]}" build "${build_args[@]}" -t "$IMAGE" . &&
    "${PODMAN[@]}" build "${build_args[@]}" --target build -t "$BUILD_CACHE" . # all from the cache: a tag
} >"$BUILD_LOG" 2>&1 || { tail -40 "$BUILD_LOG"; fail "the image did not build"; }
"${PODMAN[@]}" image prune -f --filter label=org.callboard.smoke=1 >/dev/null
size=$("${PODMAN[@]}" image inspect "$IMAGE" --format '{{.Size}}')
ok "built in $(elapsed "$started"); image size $((size / 1000000)) MB"
if [ "$size" -gt 300000000 ]; then say "WARNING: the image is over its 300 MB aim (README, Run with Docker)"; fi

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
URL="http://127.0.0.1:$PORT"
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }

wait_healthy() {
  local name=$1 t0; t0=$(date +%s)
  for _ in $(seq 1 120); do
    if curl -fs "$URL/api/health" >/dev/null 2>&1; then
      # The image's own HEALTHCHECK, as Docker runs it, must agree.
      "${PODMAN[@]}" healthcheck run "$name" >/dev/null || fail "$name: the image's HEALTHCHECK fails while /api/health answers"
      ok "$name: healthy in $(elapsed "$t0"), the image's HEALTHCHECK agrees"
      return 0
    fi
    [ "$("${PODMAN[@]}" inspect -f '{{.State.Running}}' "$name")" = true ] || break
    sleep 1
  done
  "${PODMAN[@]}" logs "$name" 2>&1 | tail -40
  fail "$name did not become healthy"
}

follow_example_call() {
  local name=$1 id status=
  id=$(curl -fsS -u "$AUTH" -H 'Content-Type: application/json' --data @docs/reference/create-call.request.json "$URL/api/v1/calls" | json id)
  for _ in $(seq 1 120); do
    status=$(curl -fsS -u "$AUTH" "$URL/api/v1/calls/$id" | json status)
    if [ "$status" = completed ]; then
      ok "$name: the documented example call $id completed" >&2
      echo "$id"
      return 0
    fi
    sleep 1
  done
  fail "$name: call $id is still $status after two minutes"
}

stop_cleanly() {
  local name=$1 t0 code took; t0=$(date +%s)
  "${PODMAN[@]}" stop -t "$GRACE" "$name" >/dev/null
  took=$(($(date +%s) - t0))
  code=$("${PODMAN[@]}" inspect -f '{{.State.ExitCode}}' "$name")
  if [ "$code" != 0 ] || [ "$took" -ge "$GRACE" ]; then
    "${PODMAN[@]}" logs "$name" 2>&1 | tail -20
    fail "$name did not stop cleanly on SIGTERM within $GRACE s (exit $code after $took s)"
  fi
  ok "$name: stopped on SIGTERM in $took s (exit 0)"
}

generated_credentials() { "${PODMAN[@]}" logs "$1" 2>&1 | grep -c 'generated credentials' || true; }

# A first container, then a new one with the same storage: what an upgrade (or `docker compose up -d` after a
# change) does. The API credential comes from the environment; the admin password is generated once.
check() {
  local name=$1; shift
  local run=("${PODMAN[@]}" run -d --name "$name" --network host -e PORT="$PORT" -e SIMULATOR_STEP_MS=200
    -e API_USERNAME="${AUTH%%:*}" -e API_PASSWORD="${AUTH#*:}" "$@" "$IMAGE")
  "${run[@]}" >/dev/null
  wait_healthy "$name"
  [ "$("${PODMAN[@]}" exec "$name" id -u)" = 10001 ] || fail "$name does not run as the image's user (uid 10001)"
  ok "$name runs as uid 10001"
  [ "$(generated_credentials "$name")" = 1 ] || fail "$name: the first start printed no generated credentials"
  ok "$name: the first start printed the generated credentials once (docker compose logs shows them)"
  local id; id=$(follow_example_call "$name")
  stop_cleanly "$name"

  "${PODMAN[@]}" rm -f -v "$name" >/dev/null # -v: its anonymous /data volume (on PostgreSQL), not a named one
  "${run[@]}" >/dev/null
  wait_healthy "$name"
  [ "$(curl -fsS -u "$AUTH" "$URL/api/v1/calls/$id" | json status)" = completed ] || fail "$name lost call $id in a new container"
  [ "$(generated_credentials "$name")" = 0 ] || fail "$name generated credentials again in a new container"
  ok "$name: a new container on the same data still has call $id and generated no credentials"
  stop_cleanly "$name"
  "${PODMAN[@]}" rm -f -v "$name" >/dev/null
}

say "SQLite on a volume"
"${PODMAN[@]}" volume create cb-smoke-data >/dev/null
check cb-smoke-sqlite -v cb-smoke-data:/data

say "PostgreSQL (this machine's, over the host network)"
psql_admin "CREATE DATABASE $PG_DB" >/dev/null || fail "cannot create a database at $PG_ADMIN_URL"
PG_URL=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.href)' "$PG_ADMIN_URL" "$PG_DB")
check cb-smoke-pg -e DATABASE_URL="$PG_URL"

say "passed in $(elapsed) (image $((size / 1000000)) MB)"
echo "Smoke: $passed passed, 0 failed"
