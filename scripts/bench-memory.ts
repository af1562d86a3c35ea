// Memory under load, and what a container's memory limit does to it. One production-mode API
// instance on a real PostgreSQL, loaded with autocannon on a catalog page and a product page.
// Case by case, the instance runs in a memory cgroup of a pod's size (as root, on cgroup v1 or
// v2), so Node sizes V8's heap from that limit exactly as it would in the pod, and the kernel
// enforces it. Prints V8's heap limit, req/s, peak RSS, peak heap used and OOM kills per case.
// A case is a limit in MiB (0: none) and optionally NODE_OPTIONS for the instance:
//   npm run bench:memory [-- --seconds 8 --connections 20 --cases '0;512;512:--max-semi-space-size=16']
// Then a worker drains --worker-jobs (2000) order confirmations in a --worker-limit (384 MiB)
// cgroup; BENCH_WORKER_LOG=info shows its log.
import { spawn, type ChildProcess } from 'node:child_process';
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
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { createLogger } from '../src/utils/logger.ts';
import { freePort, rssMiB, waitForHttp } from './lib/process.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '20' },
    'worker-jobs': { type: 'string', default: '2000' },
    'worker-limit': { type: 'string', default: '384' },
    cases: {
      type: 'string',
      default: '0;512;512:--max-semi-space-size=16;384:--max-semi-space-size=16',
    },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const WORKER_JOBS = Number(values['worker-jobs']);
const WORKER_LIMIT = Number(values['worker-limit']);
const CASES = values.cases.split(';').map((spec) => {
  const [limit, ...options] = spec.split(':');
  return { limit: Number(limit), nodeOptions: options.join(':').trim() };
});

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
  const dir = path.join(V2 ? '/sys/fs/cgroup' : V1_MEMORY, `cfm-bench-${process.pid}-${limitMiB}`);
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

/** Starts `argv` inside the cgroup from its first instruction (so Node sees the limit). */
function spawnIn(cgroup: Cgroup | undefined, argv: string[], env: NodeJS.ProcessEnv): ChildProcess {
  if (!cgroup)
    return spawn(argv[0]!, argv.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return spawn('/bin/sh', ['-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', cgroup.dir, ...argv], {
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

// ---------------------------------------------------------------------------------------------
// Load

async function heapUsedMiB(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('nodejs_heap_size_used_bytes '));
  return Number(line?.split(' ')[1] ?? NaN) / 1024 / 1024;
}

async function drive(base: string, urlPath: string): Promise<{ rps: number; errors: number }> {
  const result = await autocannon({
    url: base + urlPath,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return { rps: result.requests.average, errors: result.errors + result.non2xx };
}

// ---------------------------------------------------------------------------------------------

const tmp = mkdtempSync(path.join(tmpdir(), 'cfm-bench-memory-'));
const logger = createLogger({ level: 'warn', service: 'bench-memory' });
const database = await startEmbeddedPostgres(
  { dir: path.join(tmp, 'pg'), port: await freePort(), database: 'bench', ephemeral: true },
  logger,
);
const admin = { email: 'admin@bench.example.com', password: randomBytes(12).toString('hex') };
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DATABASE_URL: database.url,
  JWT_SECRET: randomBytes(32).toString('hex'),
  REQUIRE_HTTPS: 'false',
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  API_RATE_LIMIT_PER_MINUTE: '1000000',
  USER_QUOTA_PER_MINUTE: '1000000',
  AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
};
const rows: string[] = [];
let workerRow: string | undefined;
try {
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, ['scripts/db.ts', 'migrate'], { cwd: root, env, stdio: 'ignore' }).once(
      'exit',
      (code) => (code === 0 ? resolve() : reject(new Error(`migrate exited ${code}`))),
    ),
  );
  let productId: string | undefined;
  for (const { limit, nodeOptions } of CASES) {
    const label = `${limit > 0 ? `${limit} MiB cgroup` : 'none (this host)'}${nodeOptions ? `, ${nodeOptions}` : ''}`;
    if (limit > 0 && !canLimit) {
      rows.push(`| ${label} | skipped: needs root and a memory cgroup | | | | | | |`);
      continue;
    }
    const cgroup = limit > 0 ? createCgroup(limit) : undefined;
    const port = await freePort();
    const caseEnv = {
      ...env,
      PORT: String(port),
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    };
    const heapLimit = await heapLimitMiB(cgroup, caseEnv);
    const api = spawnIn(cgroup, [process.execPath, 'src/server.ts'], caseEnv);
    api.stdout?.resume();
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${base}/health`, api);
      if (!productId) productId = await seed(base);
      await drive(base, '/api/v1/products?limit=20'); // warm-up, not counted
      let peakRss = 0;
      let peakHeap = 0;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, rssMiB(api.pid!));
        void heapUsedMiB(base).then(
          (h) => (peakHeap = Math.max(peakHeap, h)),
          () => undefined,
        );
      }, 250);
      const list = await drive(base, '/api/v1/products?limit=20');
      const page = await drive(base, `/api/v1/products/${productId}`);
      clearInterval(sampler);
      const kills = cgroup?.oomKills() ?? 0;
      rows.push(
        `| ${label} | ${heapLimit.toFixed(0)} | ${list.rps.toFixed(0)} | ${page.rps.toFixed(0)} | ${peakRss.toFixed(0)} | ${peakHeap.toFixed(0)} | ${list.errors + page.errors} | ${cgroup ? kills : '–'} |`,
      );
    } finally {
      if (api.exitCode === null) {
        const gone = new Promise((r) => api.once('exit', r));
        api.kill('SIGTERM');
        await gone;
      }
      cgroup?.remove();
    }
  }
  if (WORKER_JOBS > 0) workerRow = await workerPhase();
} finally {
  await database.stop();
  rmSync(tmp, { recursive: true, force: true });
}

console.log(
  `\nMemory under load: ${CONNECTIONS} connections, ${SECONDS} s per page, one instance\n`,
);
console.log(
  '| memory limit | V8 heap limit MiB | list req/s | product req/s | peak RSS MiB | peak heap used MiB | errors | OOM kills |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
if (workerRow) {
  console.log(`\nThe worker draining ${WORKER_JOBS} order confirmations (image NODE_OPTIONS)\n`);
  console.log('| memory limit | jobs | seconds | jobs/s | peak RSS MiB | OOM kills |');
  console.log('|---|---|---|---|---|---|');
  console.log(workerRow);
}

/**
 * Queues WORKER_JOBS order confirmations through the API (real checkouts), stops the API, then
 * lets one worker drain them inside a WORKER_LIMIT cgroup with the image's NODE_OPTIONS.
 */
async function workerPhase(): Promise<string> {
  const port = await freePort();
  const apiEnv = { ...env, PORT: String(port), CHECKOUT_PER_MINUTE: '1000000' };
  const api = spawnIn(undefined, [process.execPath, 'src/server.ts'], apiEnv);
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
    const result = await autocannon({
      url: `${base}/api/v1/orders`,
      connections: 8,
      amount: WORKER_JOBS,
      requests: [
        {
          method: 'POST',
          headers: { ...json, authorization: `Bearer ${buyerToken}` },
          body: JSON.stringify({ items: [{ productId, quantity: 1 }] }),
          setupRequest: (r: autocannon.Request) => ({
            ...r,
            headers: { ...r.headers, 'idempotency-key': randomBytes(16).toString('hex') },
          }),
        },
      ],
    });
    if (result.non2xx + result.errors > 0) throw new Error('some checkouts failed');
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
    NODE_OPTIONS: '--max-semi-space-size=16',
  };
  const started = Date.now();
  const worker = spawnIn(cgroup, [process.execPath, 'src/worker.ts'], workerEnv);
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

async function seed(base: string): Promise<string> {
  const accessToken = await token(base, admin);
  let id = '';
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
    id = ((await res.json()) as { data: { id: string } }).data.id;
  }
  return id;
}
