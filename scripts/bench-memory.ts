// Memory at rest and under load, and what a container's memory limit does to throughput. The API
// as production runs it (`npm run build`, `node dist/src/server.js`, NODE_ENV=production, the
// image's NODE_OPTIONS and CMD flags from the Dockerfile) on a real PostgreSQL, loaded by wrk
// (native, on a CPU of its own) on a catalog page and on product pages, as `npm run bench` does:
// the API and PostgreSQL pinned to CPU 0, wrk to CPU 1 (taskset, when present). Case by case the
// API runs in a memory cgroup of a pod's size (as root, on cgroup v1 or v2), so Node sizes V8's heap from that
// limit exactly as it would in the pod, and the kernel enforces it. Cases alternate within each
// round (a fresh process per case and round; the cases' processes run side by side and take
// turns of --slice seconds, 2 by default, on each page) and each limited case's throughput is
// taken as a ratio to the unlimited case of the same round. Prints idle RSS, RSS after the load, peak RSS,
// peak heap used, V8's heap limit, req/s, Node CPU per request and OOM kills.
// A case is a limit in MiB (0: none), optionally with NODE_OPTIONS added to the image's:
//   npm run bench:memory [-- --rounds 3 --seconds 8 --slice 2 --connections 50 --cases '0;384;384:--max-semi-space-size=8']
// Then a worker (dist/src/worker.js, the image's NODE_OPTIONS) drains --worker-jobs (2000) order
// confirmations in a --worker-limit (384 MiB) cgroup; BENCH_WORKER_LOG=info shows its log.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { createLogger } from '../src/utils/logger.ts';
import {
  cpuMicros,
  ensureWrk,
  hasTaskset,
  loadAverage,
  pin,
  pinned,
  postmasterPid,
  processTree,
} from './lib/bench-proc.ts';
import { freePort, median, rssMiB, waitForHttp } from './lib/process.ts';
import { imageNodeArgs, imageNodeOptions, imageTuning } from './lib/production.ts';
import { combineRuns, runWrk, writeWrkScripts, type WrkResult } from './lib/wrk.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    slice: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    'worker-jobs': { type: 'string', default: '2000' },
    'worker-limit': { type: 'string', default: '384' },
    cases: { type: 'string', default: '0;384' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const SLICE = Number(values.slice);
const CONNECTIONS = Number(values.connections);
const WORKER_JOBS = Number(values['worker-jobs']);
const WORKER_LIMIT = Number(values['worker-limit']);
for (const [name, n, min, max] of [
  ['--rounds', ROUNDS, 1, 20],
  ['--seconds', SECONDS, 1, 120],
  ['--slice', SLICE, 1, SECONDS],
  ['--connections', CONNECTIONS, 1, 1000],
  ['--worker-jobs', WORKER_JOBS, 0, 100_000],
  ['--worker-limit', WORKER_LIMIT, 0, 65_536],
] as const) {
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`${name} must be an integer from ${min} to ${max}`);
    process.exit(2);
  }
}
const IMAGE_NODE_OPTIONS = imageNodeOptions(root);
const IMAGE_NODE_ARGS = imageNodeArgs(root);
const CASES = values.cases.split(';').map((spec) => {
  const [limit, ...options] = spec.split(':');
  const extra = options.join(':').trim();
  return {
    limit: Number(limit),
    label: `${Number(limit) > 0 ? `${limit} MiB cgroup` : 'none (this host)'}${extra ? `, + ${extra}` : ''}`,
    nodeOptions: [IMAGE_NODE_OPTIONS, extra].filter(Boolean).join(' '),
  };
});
if (CASES.some((c) => !Number.isInteger(c.limit) || c.limit < 0)) {
  console.error('--cases: limits are whole MiB (0: none), separated by ";"');
  process.exit(2);
}
const SERVER_CPU = 0;
const LOAD_CPU = 1;
const WARMUP_SECONDS = 3;

// Everything is bounded: build, seeding, the rounds, the worker phase.
const watchdog = setTimeout(
  () => {
    console.error('bench:memory: not done in time; giving up');
    process.exit(1);
  },
  (15 * 60 + ROUNDS * CASES.length * (2 * SECONDS + WARMUP_SECONDS + 60)) * 1000,
);
watchdog.unref();

// ---------------------------------------------------------------------------------------------
// Memory cgroups (v2 unified, or v1's memory controller)

const V2 = existsSync('/sys/fs/cgroup/cgroup.controllers');
const V1_MEMORY = '/sys/fs/cgroup/memory';
const canLimit = userInfo().uid === 0 && (V2 || existsSync(V1_MEMORY));

interface Cgroup {
  dir: string;
  peakBytes(): number;
  oomKills(): number;
  remove(): void;
}

function createCgroup(limitMiB: number): Cgroup {
  const dir = path.join(
    V2 ? '/sys/fs/cgroup' : V1_MEMORY,
    `cfm-bench-${process.pid}-${limitMiB}-${randomBytes(3).toString('hex')}`,
  );
  mkdirSync(dir);
  const bytes = String(limitMiB * 1024 * 1024);
  writeFileSync(path.join(dir, V2 ? 'memory.max' : 'memory.limit_in_bytes'), bytes);
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  return {
    dir,
    peakBytes: () =>
      Number(
        V2
          ? existsSync(path.join(dir, 'memory.peak'))
            ? read('memory.peak')
            : NaN
          : read('memory.max_usage_in_bytes'),
      ),
    oomKills: () =>
      Number(/oom_kill (\d+)/.exec(read(V2 ? 'memory.events' : 'memory.oom_control'))?.[1] ?? 0),
    remove: () => rmdirSync(dir),
  };
}

/**
 * Starts `argv` inside the cgroup from its first instruction (so Node sees the limit), pinned to
 * `cpu` when given.
 */
function spawnIn(
  cgroup: Cgroup | undefined,
  argv: string[],
  env: NodeJS.ProcessEnv,
  cpu?: number,
): ChildProcess {
  const full = cpu === undefined ? argv : pinned(cpu, argv);
  if (!cgroup)
    return spawn(full[0]!, full.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return spawn('/bin/sh', ['-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', cgroup.dir, ...full], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function heapLimitMiB(cgroup: Cgroup | undefined, env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawnIn(
    cgroup,
    [
      process.execPath,
      '-e',
      "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit))",
    ],
    env,
  );
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  await new Promise((r) => child.once('exit', r));
  return Number(out) / 1024 / 1024;
}

async function heapUsedMiB(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('nodejs_heap_size_used_bytes '));
  return Number(line?.split(' ')[1] ?? NaN) / 1024 / 1024;
}

/** What load shedding refused in this process so far, by the bound passed (`reason=count, …`). */
async function shedByReason(base: string): Promise<string> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const shed = [...text.matchAll(/^http_requests_shed_total\{reason="([\w-]+)"\} (\d+)/gm)]
    .filter((m) => m[2] !== '0')
    .map((m) => `${m[1]}=${m[2]}`);
  return shed.length > 0 ? shed.join(', ') : 'none';
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

// ---------------------------------------------------------------------------------------------

interface Sample {
  round: number;
  label: string;
  heapLimit: number;
  idleRss: number;
  list: WrkResult;
  product: WrkResult;
  cpuUs: number;
  peakRss: number;
  afterRss: number;
  peakHeap: number;
  oomKills: number | undefined;
}

const wrk = ensureWrk();
pin(LOAD_CPU, [process.pid]);
if (!values['skip-build']) {
  console.error('bench:memory: npm run build');
  const built = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 300_000,
  });
  if (built.status !== 0) throw new Error('npm run build failed');
}
if (!existsSync(path.join(root, 'dist/src/server.js')))
  throw new Error('dist/src/server.js is missing: npm run build');

const tmp = mkdtempSync(path.join(tmpdir(), 'cfm-bench-memory-'));
const logger = createLogger({ level: 'warn', service: 'bench-memory' });
const pgDir = path.join(tmp, 'pg');
const scripts = writeWrkScripts(tmp);
const idsFile = path.join(tmp, 'ids.txt');
const database = await startEmbeddedPostgres(
  { dir: pgDir, port: await freePort(), database: 'bench', ephemeral: true },
  logger,
);
const postmaster = postmasterPid(pgDir);
const admin = { email: 'admin@bench.example.com', password: randomBytes(12).toString('hex') };
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  DATABASE_URL: database.url,
  JWT_SECRET: randomBytes(32).toString('hex'),
  REQUIRE_HTTPS: 'false',
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  API_RATE_LIMIT_PER_MINUTE: '1000000',
  USER_QUOTA_PER_MINUTE: '1000000',
  AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
  CHECKOUT_PER_MINUTE: '1000000',
};
const samples: Sample[] = [];
const skipped: string[] = [];
let workerRow: string | undefined;
try {
  console.error(`bench:memory: load average ${loadAverage()}`);
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, ['scripts/db.ts', 'migrate'], { cwd: root, env, stdio: 'ignore' }).once(
      'exit',
      (code) => (code === 0 ? resolve() : reject(new Error(`migrate exited ${code}`))),
    ),
  );
  pin(SERVER_CPU, processTree(postmaster));
  for (let round = 1; round <= ROUNDS; round += 1) {
    // Rotate the order each round, so no case always runs first.
    const order = CASES.map((_, i) => CASES[(i + round - 1) % CASES.length]!);
    const running: Running[] = [];
    try {
      for (const { limit, label, nodeOptions } of order) {
        if (limit > 0 && !canLimit) {
          if (round === 1) skipped.push(label);
          continue;
        }
        running.push(await startCase(limit, label, nodeOptions));
      }
      // Warmed up once every case has started, so none idles long between warm-up and load.
      for (const r of running) await r.load('list', WARMUP_SECONDS); // not counted
      for (const r of running) Object.assign(r.peak, { rss: 0, heap: 0 });
      // The cases take turns of SLICE seconds on each page, so a minute in which the machine is
      // slower falls on every case alike instead of on whichever case ran then.
      const cpu0 = running.map((r) => cpuMicros(r.api.pid!));
      const totals = running.map(() => ({ list: [] as WrkResult[], product: [] as WrkResult[] }));
      for (const page of ['list', 'product'] as const) {
        for (let done = 0; done < SECONDS; done += SLICE) {
          for (const [i, r] of running.entries())
            totals[i]![page].push(await r.load(page, Math.min(SLICE, SECONDS - done)));
        }
      }
      for (const [i, r] of running.entries()) {
        const list = combineRuns(totals[i]!.list);
        const product = combineRuns(totals[i]!.product);
        const cpuUs = (cpuMicros(r.api.pid!) - cpu0[i]!) / (list.requests + product.requests);
        clearInterval(r.sampler);
        const afterRss = rssMiB(r.api.pid!);
        samples.push({
          round,
          label: r.label,
          heapLimit: r.heapLimit,
          idleRss: r.idleRss,
          list,
          product,
          cpuUs,
          peakRss: Math.max(r.peak.rss, afterRss),
          afterRss,
          peakHeap: r.peak.heap,
          oomKills: r.cgroup?.oomKills(),
        });
        console.error(
          `bench:memory: round ${round}, ${r.label}: ${fmt(list.rps)} / ${fmt(product.rps)} req/s, RSS ${fmt(r.idleRss)} idle, ${fmt(afterRss)} after; shed: ${await shedByReason(r.base)}`,
        );
      }
    } finally {
      for (const r of running) {
        clearInterval(r.sampler);
        await stop(r.api);
        r.cgroup?.remove();
      }
    }
  }
  printApiTables();
  if (WORKER_JOBS > 0) workerRow = await workerPhase();
} finally {
  await database.stop();
  rmSync(tmp, { recursive: true, force: true });
}
if (workerRow) {
  console.log(`\nThe worker draining ${WORKER_JOBS} order confirmations (the image's tuning)\n`);
  console.log('| memory limit | jobs | seconds | jobs/s | peak RSS MiB | OOM kills |');
  console.log('|---|---|---|---|---|---|');
  console.log(workerRow);
}

interface Running {
  label: string;
  api: ChildProcess;
  cgroup: Cgroup | undefined;
  base: string;
  heapLimit: number;
  idleRss: number;
  load: (page: 'list' | 'product', seconds: number) => Promise<WrkResult>;
  peak: { rss: number; heap: number };
  sampler: NodeJS.Timeout;
}

/**
 * Starts a case's API (in its cgroup when limited), seeds the catalog on the first start, reads
 * its idle RSS 2 s after it answers and samples its peak RSS and heap from then on.
 */
async function startCase(limit: number, label: string, nodeOptions: string): Promise<Running> {
  const cgroup = limit > 0 ? createCgroup(limit) : undefined;
  const port = await freePort();
  const caseEnv = { ...env, ...imageTuning(root), PORT: String(port), NODE_OPTIONS: nodeOptions };
  const heapLimit = await heapLimitMiB(cgroup, caseEnv);
  const api = spawnIn(
    cgroup,
    [process.execPath, ...IMAGE_NODE_ARGS, 'dist/src/server.js'],
    caseEnv,
    SERVER_CPU,
  );
  api.stdout?.resume();
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/health`, api, 120);
    if (!existsSync(idsFile)) writeFileSync(idsFile, (await seed(base)).join('\n') + '\n');
    pin(SERVER_CPU, processTree(postmaster));
    await sleep(2000);
    const idleRss = rssMiB(api.pid!);
    const load = (page: 'list' | 'product', seconds: number) =>
      runWrk({
        wrk,
        url: page === 'list' ? `${base}/api/v1/products?limit=20` : base,
        script: page === 'list' ? scripts.fixed : scripts.randomId,
        scriptArgs: page === 'list' ? [] : [idsFile, '/api/v1/products/'],
        seconds,
        connections: CONNECTIONS,
        cpu: LOAD_CPU,
      });
    const peak = { rss: 0, heap: 0 };
    const sampler = setInterval(() => {
      if (api.exitCode !== null) return;
      peak.rss = Math.max(peak.rss, rssMiB(api.pid!));
      void heapUsedMiB(base).then(
        (h) => (peak.heap = Math.max(peak.heap, h)),
        () => undefined,
      );
    }, 250);
    return { label, api, cgroup, base, heapLimit, idleRss, load, peak, sampler };
  } catch (error) {
    await stop(api);
    cgroup?.remove();
    throw error;
  }
}

function printApiTables(): void {
  console.log(
    `\nwrk -t1 -c${CONNECTIONS}, ${SECONDS} s per page in turns of ${SLICE} s${hasTaskset ? `, pinned to CPU ${LOAD_CPU}; the API and PostgreSQL pinned to CPU ${SERVER_CPU}` : ' (no taskset: unpinned)'}; ${ROUNDS} rounds, cases alternating; the image's tuning: ${
      Object.entries(imageTuning(root))
        .map(([k, v]) => `${k}=${v}`)
        .join(' ') || '(none)'
    }; load average at the end: ${loadAverage()}\n`,
  );
  console.log(
    '| round | memory limit | V8 heap limit MiB | RSS idle MiB | list req/s | product req/s | Node CPU µs/req | peak RSS MiB | RSS after MiB | peak heap used MiB | errors | OOM kills |',
  );
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of samples) {
    console.log(
      `| ${s.round} | ${s.label} | ${fmt(s.heapLimit)} | ${fmt(s.idleRss)} | ${fmt(s.list.rps)} | ${fmt(s.product.rps)} | ${fmt(s.cpuUs)} | ${fmt(s.peakRss)} | ${fmt(s.afterRss)} | ${fmt(s.peakHeap)} | ${s.list.errors + s.product.errors} | ${s.oomKills ?? '–'} |`,
    );
  }
  for (const label of skipped)
    console.log(`| – | ${label} | skipped: needs root and a memory cgroup | | | | | | | | | |`);

  // Per case: medians, and the throughput as a ratio to the unlimited case of the same round.
  const unlimited = CASES.find((c) => c.limit === 0)?.label;
  console.log(
    '\n| memory limit | RSS idle MiB (median) | RSS after MiB (max) | peak RSS MiB (max) | list req/s (median) | product req/s (median) | list ratio to no limit, median (range) | product ratio to no limit, median (range) | Node CPU µs/req (median) | OOM kills |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const range = (xs: number[]) =>
    xs.length
      ? `${fmt(median(xs), 2)} (${fmt(Math.min(...xs), 2)}–${fmt(Math.max(...xs), 2)})`
      : '–';
  for (const { label } of CASES) {
    const mine = samples.filter((s) => s.label === label);
    if (!mine.length) continue;
    const ratios = (page: 'list' | 'product') =>
      mine.flatMap((s) => {
        const base = samples.find((b) => b.round === s.round && b.label === unlimited);
        return base ? [s[page].rps / base[page].rps] : [];
      });
    console.log(
      `| ${label} | ${fmt(median(mine.map((s) => s.idleRss)))} | ${fmt(Math.max(...mine.map((s) => s.afterRss)))} | ${fmt(Math.max(...mine.map((s) => s.peakRss)))} | ${fmt(median(mine.map((s) => s.list.rps)))} | ${fmt(median(mine.map((s) => s.product.rps)))} | ${range(ratios('list'))} | ${range(ratios('product'))} | ${fmt(median(mine.map((s) => s.cpuUs)))} | ${mine.some((s) => s.oomKills !== undefined) ? mine.reduce((n, s) => n + (s.oomKills ?? 0), 0) : '–'} |`,
    );
  }
}

/**
 * Queues WORKER_JOBS order confirmations through the API (real checkouts), stops the API, then
 * lets one worker drain them inside a WORKER_LIMIT cgroup with the image's NODE_OPTIONS.
 */
async function workerPhase(): Promise<string> {
  const port = await freePort();
  const apiEnv = { ...env, PORT: String(port), CHECKOUT_PER_MINUTE: '1000000' };
  const api = spawnIn(
    undefined,
    [process.execPath, ...IMAGE_NODE_ARGS, 'dist/src/server.js'],
    apiEnv,
  );
  api.stdout?.resume();
  const base = `http://127.0.0.1:${port}`;
  const json = { 'content-type': 'application/json' };
  try {
    await waitForHttp(`${base}/health`, api);
    const adminToken = await token(base, admin);
    const product = await fetch(`${base}/api/v1/products`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        sku: 'WORKER-BENCH',
        name: 'Worker bench',
        priceCents: 100,
        currency: 'EUR',
        stock: WORKER_JOBS,
        category: 'bench',
      }),
    });
    const productId = ((await product.json()) as { data: { id: string } }).data.id;
    const buyer = { email: 'buyer@bench.example.com', password: randomBytes(12).toString('hex') };
    await fetch(`${base}/api/v1/auth/register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ ...buyer, name: 'Buyer' }),
    });
    const buyerToken = await token(base, buyer);
    // WORKER_JOBS checkouts, 8 at a time (setup, not measured): each a fresh Idempotency-Key.
    let next = 0;
    let failed = 0;
    const failures = new Map<number, number>();
    const checkout = async () => {
      for (; next < WORKER_JOBS;) {
        next += 1;
        // The same key on a retry: a checkout shed with 503 (load shedding, Retry-After) is
        // sent again, at most five times; it is set-up, not the measurement.
        const key = randomBytes(16).toString('hex');
        let status = 0;
        for (let attempt = 0; attempt < 5 && status !== 201; attempt += 1) {
          const res = await fetch(`${base}/api/v1/orders`, {
            method: 'POST',
            headers: { ...json, authorization: `Bearer ${buyerToken}`, 'idempotency-key': key },
            body: JSON.stringify({ items: [{ productId, quantity: 1 }] }),
          });
          await res.arrayBuffer();
          status = res.status;
          if (status !== 503) break;
          await sleep(Math.min(2, Number(res.headers.get('retry-after') ?? 1)) * 1000);
        }
        if (status !== 201) {
          failed += 1;
          failures.set(status, (failures.get(status) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, checkout));
    if (failed > 0)
      throw new Error(
        `${failed} checkouts failed (status: count ${JSON.stringify([...failures])})`,
      );
  } finally {
    const gone = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    await gone;
  }

  const cgroup = canLimit && WORKER_LIMIT > 0 ? createCgroup(WORKER_LIMIT) : undefined;
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const workerEnv = {
    ...env,
    LOG_LEVEL: process.env.BENCH_WORKER_LOG ?? 'error',
    ...imageTuning(root),
  };
  const started = Date.now();
  const worker = spawnIn(cgroup, [process.execPath, 'dist/src/worker.js'], workerEnv);
  if (process.env.BENCH_WORKER_LOG) worker.stdout?.pipe(process.stderr);
  else worker.stdout?.resume();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(worker.pid!))), 250);
  try {
    for (;;) {
      const { rows: left } = await db.query<{ n: number }>(
        'select count(*)::int as n from orders where confirmed_at is null',
      );
      if (left[0]!.n === 0) break;
      if (worker.exitCode !== null) throw new Error(`the worker exited ${worker.exitCode}`);
      if (Date.now() - started > 300_000) throw new Error('the worker did not drain in 5 minutes');
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (Date.now() - started) / 1000;
    const label = cgroup ? `${WORKER_LIMIT} MiB cgroup` : 'none (this host)';
    return `| ${label} | ${WORKER_JOBS} | ${seconds.toFixed(1)} | ${(WORKER_JOBS / seconds).toFixed(0)} | ${peakRss.toFixed(0)} | ${cgroup ? cgroup.oomKills() : '–'} |`;
  } finally {
    clearInterval(sampler);
    const gone = new Promise((r) => worker.once('exit', r));
    worker.kill('SIGTERM');
    await gone;
    await db.end();
    cgroup?.remove();
  }
}

async function token(base: string, who: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  return ((await res.json()) as { data: { accessToken: string } }).data.accessToken;
}

async function seed(base: string): Promise<string[]> {
  const accessToken = await token(base, admin);
  const ids: string[] = [];
  for (let i = 0; i < 60; i += 1) {
    const res = await fetch(`${base}/api/v1/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        sku: `MEM-${i}`,
        name: `Memory bench product ${i}`,
        description: 'A product with a description of ordinary length, for a realistic page.',
        priceCents: 1000 + i,
        currency: 'EUR',
        stock: 100,
        category: `cat-${i % 5}`,
      }),
    });
    if (res.status !== 201) throw new Error(`seeding failed: ${res.status}`);
    ids.push(((await res.json()) as { data: { id: string } }).data.id);
  }
  return ids;
}
