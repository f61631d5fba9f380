# Callboard's container image. Multi-stage: the build stage installs and builds; the runtime stage keeps
# only Next's standalone server and what the migrations at start need (scripts/container-runtime.mjs),
# runs as a non-root user, and migrates the database at every start (scripts/start.mjs --prebuilt), so an
# upgrade is a new image and a restart.
#
#   docker build -t callboard .
#   docker run -p 3000:3000 -v callboard-data:/data callboard
#
# BASE_IMAGE is any Debian-based image with Node.js 20 (the default), or plain Debian 13, whose own
# nodejs package is installed here (scripts/container-smoke.sh builds on that, from Debian's archive).
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS base
# Plain Debian: its Node.js, without documentation, manual pages or translations, which a container never
# reads (they would be a fifth of the image).
RUN if ! command -v node >/dev/null 2>&1; then \
      printf '%s\n' 'path-exclude=/usr/share/doc/*' 'path-include=/usr/share/doc/*/copyright' \
        'path-exclude=/usr/share/man/*' 'path-exclude=/usr/share/info/*' 'path-exclude=/usr/share/locale/*' \
        >/etc/dpkg/dpkg.cfg.d/callboard-slim && \
      apt-get update && apt-get install -y --no-install-recommends nodejs ca-certificates && \
      rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/cache/apt/archives/*.deb /var/log/apt /var/log/dpkg.log; \
    fi

FROM base AS build
# better-sqlite3 compiles when no prebuilt binary can be fetched. Debian's Node.js comes without npm, and
# builds native addons against its own headers (libnode-dev) instead of downloading them.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && \
    if dpkg -s nodejs >/dev/null 2>&1; then \
      apt-get install -y --no-install-recommends npm libnode-dev && echo "nodedir=/usr" >> /etc/npmrc; \
    fi && \
    rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, from the package files alone, so that a source change reuses this layer. The root
# package's postinstall (generating the Prisma clients) needs the sources: it runs after the copy below.
COPY package.json package-lock.json ./
# NPM_CAFILE: a CA bundle for a TLS-inspecting proxy between the build and the registry, mounted into the
# build (podman build -v …); unset, npm uses its own trust store. Nothing of it stays in the image.
ARG NPM_CAFILE=
RUN npm pkg delete scripts.postinstall && \
    npm install --no-audit --no-fund --no-save ${NPM_CAFILE:+--cafile=$NPM_CAFILE} && \
    rm -rf /root/.npm /root/.cache
COPY . .
# CALLBOARD_STANDALONE: Next's standalone output (next.config.ts), which container-runtime.mjs trims from.
RUN node scripts/db-generate.mjs && \
    CALLBOARD_STANDALONE=1 node_modules/.bin/next build && \
    node scripts/container-runtime.mjs /runtime

FROM base AS runtime
WORKDIR /app
# RECORDINGS_DIR: on the volume on PostgreSQL too (on SQLite it is the default, beside the database file).
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    DATABASE_URL=file:/data/callboard.db \
    RECORDINGS_DIR=/data/recordings
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin callboard && \
    mkdir -p /data && chown callboard /data
# Owned by root: the app user cannot change its own code. Next writes its cache under .next/cache.
COPY --from=build /runtime /app
RUN mkdir -p /app/.next/cache && chown -R callboard /app/.next/cache
USER callboard
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
CMD ["node", "scripts/start.mjs", "--prebuilt"]
