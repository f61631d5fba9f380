# Callboard's container image. Multi-stage: the build stage installs and builds; the runtime stage keeps
# the built app with its production dependencies, runs as a non-root user, and migrates the database at
# every start (scripts/start.mjs --prebuilt), so an upgrade is a new image and a restart.
#
#   docker build -t callboard .
#   docker run -p 3000:3000 -v callboard-data:/data callboard
#
# BASE_IMAGE is any Debian-based image with Node.js 20 (the default), or plain Debian 13, whose own
# nodejs package is installed here (scripts/container-smoke.sh builds on that, from Debian's archive).
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS base
# Debian's Node.js builds native addons against its own headers (libnode-dev), not downloaded ones.
RUN if ! command -v node >/dev/null 2>&1; then \
      apt-get update && apt-get install -y --no-install-recommends nodejs npm ca-certificates && \
      rm -rf /var/lib/apt/lists/* && echo "nodedir=/usr" >> /etc/npmrc; \
    fi

FROM base AS build
# better-sqlite3 compiles when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && \
    (dpkg -s nodejs >/dev/null 2>&1 && apt-get install -y --no-install-recommends libnode-dev || true) && \
    rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so a source change does not reinstall them. The postinstall step generates the
# Prisma clients from prisma/.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
# prisma.config.ts, read by the postinstall step, imports lib/.
COPY lib ./lib
# NPM_CAFILE: a CA bundle for a TLS-inspecting proxy between the build and the registry, mounted into the
# build (podman build -v …); unset, npm uses its own trust store.
ARG NPM_CAFILE=
RUN npm install --no-audit --no-fund --no-save ${NPM_CAFILE:+--cafile=$NPM_CAFILE}
COPY . .
RUN npx next build && npm prune --omit=dev --no-audit --no-fund && rm -rf .next/cache

FROM base AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    DATABASE_URL=file:/data/callboard.db
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin callboard && \
    mkdir -p /data && chown callboard /data
COPY --from=build /app /app
# Next writes its cache under .next at run time; everything else stays read-only to the app user.
RUN mkdir -p /app/.next/cache && chown -R callboard /app/.next/cache
USER callboard
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
CMD ["node", "scripts/start.mjs", "--prebuilt"]
