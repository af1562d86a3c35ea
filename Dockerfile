# Production image: compiled JavaScript on the official Node 24 image, production dependencies
# only (no embedded PostgreSQL: production always has DATABASE_URL), running as a non-root user.
# NODE_IMAGE may point at a locally built Node 24 base where no registry is reachable
# (scripts/docker-verify.sh builds one). No `# syntax=` line: the built-in frontend suffices, and
# BuildKit would otherwise fetch one from a registry.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts/db.ts ./scripts/db.ts
COPY generated ./generated
RUN npx tsc -p tsconfig.build.json

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# bcrypt and friends ship prebuilt binaries, so no install script needs to run.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
  && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# V8's young generation: in a memory-limited container Node sizes it from the limit, and at
# 512 MiB that small nursery cost a third of the throughput or more; on a large host it grows to
# 128 MiB and stays resident. 16 MB semi-spaces hold throughput in both (docs/BENCHMARKS.md,
# "Memory"). --expose-gc lets the server run one full collection after its start-up warm-up,
# before it listens (ADR 0020), and one memory-reducing collection at the first quiet second
# after it listens (ADR 0028); nothing else calls gc(). npm run bench,
# bench:memory and bench:first-request read this line. Override NODE_OPTIONS to change it.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NODE_OPTIONS="--max-semi-space-size=16 --expose-gc"
# glibc's allocator (ADR 0027): two arenas instead of one per thread up to 8 per core, and the
# top of its heap given back once 128 KiB are free there instead of a threshold that grows with
# the largest block freed. About 8 MiB less RSS at rest and after load, no throughput change
# measured (docs/BENCHMARKS.md, "Memory"). Read by the benchmarks like NODE_OPTIONS.
ENV MALLOC_ARENA_MAX=2 \
    MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY generated/openapi.json generated/openapi.yaml generated/docs.html ./generated/
# The official image's unprivileged user; the app's files stay owned by root (read-only to it).
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# --no-flush-bytecode: V8 otherwise drops the bytecode (and type feedback) of any function that
# has not run during six full collections, so an operation called rarely while others keep the
# process busy is compiled again on its next request, undoing the start-up rehearsal (ADR 0023).
# A V8 flag NODE_OPTIONS refuses, so it is here; npm run bench, bench:memory and
# bench:first-request read this line too, and npm run start:prod passes the same
# (tests/bytecode-kept.test.ts).
# --no-allocation-site-pretenuring: V8 otherwise starts making an allocation site's objects in
# the old generation once most of them survived a young collection, and keeps doing so: under
# load the pg driver's rows became such sites, so each request's rows went to the old generation
# as garbage (RSS after a load 217–224 MB, against 175–179 with this flag, and slower; docs/BENCHMARKS.md,
# tests/pretenuring.test.ts).
# --no-memory-reducer: V8 otherwise shrinks the heap whenever allocation slows for some 8 s (a
# pause between bursts of traffic), and the next seconds of traffic pay for growing it again: up
# to twice the CPU per request (ADR 0030). The server gives back what load grew after half a
# minute of quiet instead (giveBackMemoryAfterLoad, src/warm-up.ts; tests/load-give-back.test.ts).
CMD ["node", "--no-flush-bytecode", "--no-allocation-site-pretenuring", "--no-memory-reducer", "dist/src/server.js"]
