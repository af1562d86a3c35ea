// The first request to each operation after start-up, against the tenth. For every operation of
// generated/openapi.json, a freshly started production-mode instance (src/server.ts as a process
// of its own, on DATABASE_URL or an embedded PostgreSQL) gets ten equivalent requests, timed by
// the client; over --runs fresh processes. By default in ten rounds, each sending every operation
// once in contract order (`--order mixed`), so that an operation's first and tenth request both
// follow the same other operation; `--order sequential` sends each operation's ten in a row (as
// the runs in docs/BENCHMARKS.md did before its seventh session), where the tenth follows nine
// of its own kind and is faster for that alone. Prints the median first and tenth per
// operation, with the service's own time for the same requests (its access log's durationMs)
// beside them, and fails if a first request takes more than 2 × its tenth + 2 ms as the client
// timed it (the gate of docs/BENCHMARKS.md). The control: each process then makes the whole pass
// again, warm; its first requests against its tenths show what the order alone costs a first
// request. Beside the times, the service's main-thread CPU for each request, which the client
// reads from /proc (Linux) outside the service. Then, per process, each round's sums of the
// service's own time and CPU for both passes (every operation once a round), and the first round
// against the tenth and against the warm first, with their range over the processes.
//   npm run bench:first-request [-- --runs 3 --ref <git ref> --against <git ref>
//                                   --validate-responses --idle <s> --order mixed|sequential]
// --idle: each measured instance waits that long after `listening` before its first request, as a
// deployed instance may (V8 tidies an idle heap after some seconds: docs/BENCHMARKS.md).
// BENCH_NODE_OPTIONS replaces the image's NODE_OPTIONS (read from the Dockerfile) for the service.
// BENCH_NODE_ARGS replaces the node flags of the image's CMD (read from the Dockerfile: V8 flags
// NODE_OPTIONS refuses, ADR 0023) put before src/server.ts; BENCH_NODE_ARGS= (empty) runs none.
// --ref runs the service from that commit instead (git archive into a temporary directory, with
// this checkout's node_modules): the same benchmark, before and after a change.
// --against runs another commit's service in the same invocation, every other process, on the
// same database and data: a change measured against its base in the same minutes, which runs
// made one after the other cannot do on a shared machine (by its own time, the same code's first
// round moved from 1.12× to 1.20× its tenth between two sessions). Both commits must have the
// same operations and a schema that both can migrate to; --runs counts the processes of each.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { createLogger } from '../src/utils/logger.ts';
import { freePort, median } from './lib/process.ts';
import { imageNodeArgs, imageNodeOptions, imageTuning } from './lib/production.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    ref: { type: 'string' },
    /** Another commit's service, started for every other process (see the head of the file). */
    against: { type: 'string' },
    'validate-responses': { type: 'boolean', default: false },
    /** Seconds each measured instance stays idle after `listening` before its first request. */
    idle: { type: 'string', default: '0' },
    /** `mixed` (ten rounds of every operation) or `sequential` (ten in a row each): onePass. */
    order: { type: 'string', default: 'mixed' },
  },
});
const RUNS = Number(values.runs);
/** Processes in all: RUNS of each service (two with --against), alternating. */
const PROCESSES = RUNS * (values.against ? 2 : 1);
const IDLE_MS = Number(values.idle) * 1000;
const REQUESTS = 10;
const ORDER = values.order;
if (ORDER !== 'sequential' && ORDER !== 'mixed') throw new Error('--order: sequential | mixed');
/** A first request may take twice its tenth plus 2 ms (scheduling noise on a shared machine). */
const FACTOR = 2;
const SLACK_MS = 2;
const PASSWORDS = ['correct-horse-battery-staple', 'purple-monkey-dishwasher-42'] as const;

// ---------------------------------------------------------------------------------------------
// The service under test, as a process of its own

const checkout = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'cfm-bench-first-'));

/** `--ref`, `--against`: that commit's tree, with this checkout's node_modules. */
function treeOf(ref: string | undefined, name: string): string {
  if (!ref) return checkout;
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  execFileSync('sh', ['-c', 'git -C "$0" archive "$1" | tar -x -C "$2"', checkout, ref, dir]);
  symlinkSync(path.join(checkout, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}
/** A service's source: a tree and the node flags its image's CMD gives (or BENCH_NODE_ARGS). */
interface Tree {
  label: string;
  root: string;
  nodeArgs: string[];
}
function tree(ref: string | undefined, name: string): Tree {
  const root = treeOf(ref, name);
  const nodeArgs =
    process.env.BENCH_NODE_ARGS === undefined
      ? imageNodeArgs(root)
      : process.env.BENCH_NODE_ARGS.split(' ').filter(Boolean);
  return { label: ref ? `git ${ref}` : 'this checkout', root, nodeArgs };
}
/** The service measured, then (--against) the one it is compared with, process by process. */
const trees = [
  tree(values.ref, 'tree'),
  ...(values.against ? [tree(values.against, 'against')] : []),
];
const root = trees[0]!.root;

interface Service {
  base: string;
  /** The service's main-thread CPU time so far, ns (NaN where /proc has no schedstat). */
  cpuNs(): number;
  /** From spawning the process to its `listening` log line. */
  startMs: number;
  /** What the validator warm-up logged, when the service has one. */
  warmUpMs: number | undefined;
  /** What the rehearsal logged (ADR 0022), when the service has one. */
  rehearsalMs: number | undefined;
  /** The service's own time for each request it logged (the access log's durationMs), by id. */
  served: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * A process's main thread's time on a CPU, in ns: the first field of Linux's
 * /proc/<pid>/task/<pid>/schedstat (the scheduler's sum_exec_runtime, kept even without
 * CONFIG_SCHEDSTATS), read by this client, outside the service. NaN elsewhere.
 */
function mainThreadCpuNs(pid: number | undefined): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ', 1)[0]);
  } catch {
    return Number.NaN;
  }
}

/** Starts src/server.ts and resolves once it logs "listening": no request is sent before. */
async function startService(env: NodeJS.ProcessEnv, from: Tree = trees[0]!): Promise<Service> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...from.nodeArgs, 'src/server.ts'], {
    cwd: from.root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  };
  let warmUpMs: number | undefined;
  let rehearsalMs: number | undefined;
  const served = new Map<string, number>();
  try {
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.once('exit', (code) => reject(new Error(`src/server.ts exited (${code})`)));
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const entry = JSON.parse(line) as {
            message?: string;
            validators?: { ms?: number };
            rehearsal?: { ms?: number };
            requestId?: string;
            durationMs?: number;
          };
          if (entry.message === 'warmed up') {
            warmUpMs = entry.validators?.ms;
            rehearsalMs = entry.rehearsal?.ms;
          }
          if (entry.message === 'request' && entry.requestId && entry.durationMs !== undefined)
            served.set(entry.requestId, entry.durationMs);
          if (entry.message === 'listening') resolve();
        }
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const startMs = performance.now() - started;
  child.stdout?.resume();
  const cpuNs = () => mainThreadCpuNs(child.pid);
  return { base: `http://127.0.0.1:${port}`, cpuNs, startMs, warmUpMs, rehearsalMs, served, stop };
}

// ---------------------------------------------------------------------------------------------
// Requests

interface Spec {
  path: string;
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Answer {
  status: number;
  ms: number;
  /** The service's main-thread CPU for this request, µs (onePass fills it in). */
  cpuUs: number;
  requestId: string | undefined;
  json: { data?: unknown } | undefined;
}

/**
 * One request on a connection of its own (node:http without an agent, as curl would make it), so
 * every request, first or tenth, pays the same connection set-up. On one kept-alive connection
 * the first large answer paid for the connection instead: GET /docs (2.6 MB) took 60-70 ms from
 * this client after a few hundred small answers on the same connection, where the service logged
 * 2.6-3.2 ms for it and curl took 6-7 ms (docs/BENCHMARKS.md, "first request").
 */
function call(base: string, method: string, spec: Spec): Promise<Answer> {
  // What a browser sends: the served documents come gzip-compressed (ADR 0021).
  const headers: Record<string, string> = {
    'accept-encoding': 'gzip, deflate, br, zstd',
    ...spec.headers,
  };
  if (spec.token) headers['authorization'] = `Bearer ${spec.token}`;
  const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(base + spec.path, { method, headers, agent: false }, (res) => {
      // JSON is kept to be read; anything else (the 2.6 MB `/docs` page) is read and dropped.
      const isJson = /json/.test(res.headers['content-type'] ?? '');
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        if (isJson) chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        const ms = performance.now() - started;
        const bytes = Buffer.concat(chunks);
        const json = isJson
          ? (JSON.parse(
              (res.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes).toString(
                'utf8',
              ),
            ) as Answer['json'])
          : undefined;
        const id = res.headers['x-request-id'];
        resolve({
          status: res.statusCode ?? 0,
          ms,
          cpuUs: Number.NaN,
          json,
          requestId: typeof id === 'string' ? id : undefined,
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function ok<T = Record<string, unknown>>(
  base: string,
  method: string,
  spec: Spec,
): Promise<T> {
  const answer = await call(base, method, spec);
  if (answer.status >= 300 || !answer.json?.data)
    throw new Error(
      `set-up: ${method} ${spec.path} answered ${answer.status} ${JSON.stringify((answer.json as { message?: string } | undefined)?.message ?? '')}`,
    );
  return answer.json.data as T;
}

async function ten<T>(make: () => Promise<T>): Promise<T[]> {
  const list: T[] = [];
  for (let i = 0; i < REQUESTS; i += 1) list.push(await make());
  return list;
}

// ---------------------------------------------------------------------------------------------
// Data for the runs, made through the API of a set-up instance (so no measured process has
// served a request before its first measured one)

interface Account {
  id: string;
  email: string;
  token: string;
}
interface RunData {
  refreshToken: string;
  /** Ten sessions to end with logout, ten accounts to end with logout-all. */
  logoutTokens: string[];
  logoutAllTokens: string[];
  /** An account with ten more sessions to revoke one by one. */
  sessionsOwner: string;
  sessionIds: string[];
  /** An account whose password flips between PASSWORDS. */
  passwordOwner: string;
  doomedUserIds: string[];
  doomedProductIds: string[];
  cancellableOrderIds: string[];
  payableOrderIds: string[];
}
interface BenchData {
  admin: string;
  customer: Account;
  target: Account;
  productId: string;
  orderId: string;
  runs: RunData[];
}

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@bench.example.com`;

async function makeData(base: string, adminLogin: { email: string; password: string }) {
  const login = async (email: string, password: string = PASSWORDS[0]) =>
    ok(base, 'POST', { path: '/api/v1/auth/login', body: { email, password } });
  const register = async (prefix: string): Promise<Account> => {
    const email = unique(prefix);
    const data = await ok(base, 'POST', {
      path: '/api/v1/auth/register',
      body: { email, password: PASSWORDS[0], name: 'Bench' },
    });
    return { id: (data['user'] as { id: string }).id, email, token: data['accessToken'] as string };
  };
  const admin = (await login(adminLogin.email, adminLogin.password))['accessToken'] as string;
  const product = async (stock: number) =>
    (
      await ok(base, 'POST', {
        path: '/api/v1/products',
        token: admin,
        body: {
          sku: `BENCH-${randomBytes(4).toString('hex').toUpperCase()}`,
          name: 'Bench product',
          priceCents: 1999,
          currency: 'EUR',
          stock,
          category: 'bench',
        },
      })
    )['id'] as string;
  const customer = await register('customer');
  const productId = await product(1_000_000_000);
  const order = async () =>
    (
      await ok(base, 'POST', {
        path: '/api/v1/orders',
        token: customer.token,
        headers: { 'idempotency-key': randomUUID() },
        body: { items: [{ productId, quantity: 1 }] },
      })
    )['id'] as string;
  const runs: RunData[] = [];
  // A set per run, one for the client's own warm-up pass (below), and one per run for the same
  // process's second pass (the control: an operation's first request in a warm process).
  for (let r = 0; r <= 2 * PROCESSES; r += 1) {
    const leaver = await register('leaver');
    const owner = await register('sessions');
    await ten(() => login(owner.email));
    const sessions = await ok<{ id: string; current: boolean }[]>(base, 'GET', {
      path: '/api/v1/auth/sessions',
      token: owner.token,
    });
    runs.push({
      refreshToken: (await login(customer.email))['refreshToken'] as string,
      logoutTokens: await ten(async () => (await login(leaver.email))['accessToken'] as string),
      logoutAllTokens: await ten(async () => (await register('everywhere')).token),
      sessionsOwner: owner.token,
      sessionIds: sessions
        .filter((s) => !s.current)
        .map((s) => s.id)
        .slice(0, REQUESTS),
      passwordOwner: (await register('password')).token,
      doomedUserIds: await ten(async () => (await register('doomed')).id),
      doomedProductIds: await ten(() => product(1)),
      cancellableOrderIds: await ten(order),
      payableOrderIds: await ten(order),
    });
  }
  return {
    admin,
    customer,
    target: await register('target'),
    productId,
    orderId: await order(),
    runs,
  } satisfies BenchData;
}

/**
 * The i-th request of an operation in run r. All ten do the same work, so the first and the
 * tenth differ only by what the first pays for being first: a state-changing operation gets a
 * fresh resource each time (a session to end, an order to cancel), a chain carries its state
 * (refresh rotates the token, the password flips between two), the rest repeat themselves.
 */
type Plan = (i: number, previous: Answer | undefined) => Spec;
function plans(d: BenchData, run: RunData): Record<string, Plan> {
  const c = d.customer.token;
  return {
    register: () => ({
      path: '/api/v1/auth/register',
      body: { email: unique('new'), password: PASSWORDS[0], name: 'New' },
    }),
    login: () => ({
      path: '/api/v1/auth/login',
      body: { email: d.customer.email, password: PASSWORDS[0] },
    }),
    refresh: (_, previous) => ({
      path: '/api/v1/auth/refresh',
      body: {
        refreshToken:
          (previous?.json?.data as { refreshToken?: string } | undefined)?.refreshToken ??
          run.refreshToken,
      },
    }),
    logout: (i) => ({ path: '/api/v1/auth/logout', token: run.logoutTokens[i] }),
    logoutAll: (i) => ({ path: '/api/v1/auth/logout-all', token: run.logoutAllTokens[i] }),
    listSessions: () => ({ path: '/api/v1/auth/sessions', token: c }),
    revokeSession: (i) => ({
      path: `/api/v1/auth/sessions/${run.sessionIds[i]}`,
      token: run.sessionsOwner,
    }),
    changePassword: (i) => ({
      path: '/api/v1/auth/password',
      token: run.passwordOwner,
      body: { currentPassword: PASSWORDS[i % 2], newPassword: PASSWORDS[(i + 1) % 2] },
    }),
    requestPasswordReset: () => ({
      path: '/api/v1/auth/password-reset/request',
      body: { email: d.customer.email },
    }),
    // No mail to read a reset token from: the contract's example token, refused alike each time.
    confirmPasswordReset: () => ({
      path: '/api/v1/auth/password-reset/confirm',
      body: { token: 'Zk3u9Qm2Lr8Tx4Wc7Vb1Np6Hs5Jd0Gf2Ka9Eo3Iy7Ut', newPassword: PASSWORDS[1] },
    }),
    getMe: () => ({ path: '/api/v1/users/me', token: c }),
    updateMe: () => ({ path: '/api/v1/users/me', token: c, body: { name: 'Bench Customer' } }),
    listUsers: () => ({ path: '/api/v1/users?limit=20', token: d.admin }),
    getUser: () => ({ path: `/api/v1/users/${d.target.id}`, token: d.admin }),
    updateUser: () => ({
      path: `/api/v1/users/${d.target.id}`,
      token: d.admin,
      body: { disabled: false },
    }),
    deleteUser: (i) => ({ path: `/api/v1/users/${run.doomedUserIds[i]}`, token: d.admin }),
    listProducts: () => ({ path: '/api/v1/products?limit=20' }),
    createProduct: () => ({
      path: '/api/v1/products',
      token: d.admin,
      body: {
        sku: `NEW-${randomBytes(4).toString('hex').toUpperCase()}`,
        name: 'New product',
        priceCents: 999,
        currency: 'EUR',
        stock: 5,
        category: 'bench',
      },
    }),
    getProduct: () => ({ path: `/api/v1/products/${d.productId}` }),
    updateProduct: () => ({
      path: `/api/v1/products/${d.productId}`,
      token: d.admin,
      body: { priceCents: 1999 },
    }),
    deleteProduct: (i) => ({
      path: `/api/v1/products/${run.doomedProductIds[i]}`,
      token: d.admin,
    }),
    listOrders: () => ({ path: '/api/v1/orders?limit=20', token: c }),
    createOrder: () => ({
      path: '/api/v1/orders',
      token: c,
      headers: { 'idempotency-key': randomUUID() },
      body: { items: [{ productId: d.productId, quantity: 1 }] },
    }),
    getOrder: () => ({ path: `/api/v1/orders/${d.orderId}`, token: c }),
    cancelOrder: (i) => ({ path: `/api/v1/orders/${run.cancellableOrderIds[i]}/cancel`, token: c }),
    updateOrderStatus: (i) => ({
      path: `/api/v1/orders/${run.payableOrderIds[i]}/status`,
      token: d.admin,
      body: { status: 'paid' },
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The contract's operations

interface Operation {
  method: string;
  template: string;
  operationId: string;
  example: Spec;
}
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
function operationsOf(file: string): Operation[] {
  type Op = {
    operationId: string;
    requestBody?: { content?: Record<string, { example?: unknown }> };
  };
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, Op>>;
  };
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    METHODS.filter((m) => item[m]).map((m) => {
      const op = item[m]!;
      // For an operation this script has no plan for: its example, as an admin.
      const example: Spec = {
        path: template.replace(/\{([^}]+)\}/g, () => randomUUID()),
        body: op.requestBody?.content?.['application/json']?.example,
      };
      return { method: m.toUpperCase(), template, operationId: op.operationId, example };
    }),
  );
}

/** V8's collector, which `npm run bench:first-request` exposes (`node --expose-gc`). */
const clientGc = (globalThis as { gc?: () => void }).gc;

/**
 * Every operation's ten requests; the answers by operationId. `--order sequential`: ten in a row
 * per operation, in contract order. `--order mixed`: ten rounds, each sending every operation
 * once in contract order, so that an operation's first and tenth request both follow the same
 * other operation, as in a process serving mixed traffic.
 */
async function onePass(
  service: Pick<Service, 'base' | 'cpuNs'>,
  operations: Operation[],
  plan: Record<string, Plan>,
  admin: string,
): Promise<Map<string, Answer[]>> {
  const answersByOperation = new Map<string, Answer[]>(
    operations.map((op) => [op.operationId, []]),
  );
  const send = async (op: Operation, i: number) => {
    const make: Plan = plan[op.operationId] ?? (() => ({ ...op.example, token: admin }));
    const answers = answersByOperation.get(op.operationId)!;
    // The client's garbage is collected before each request, not inside one: after ten 2.6 MB
    // `/docs` answers a collection in this process landed in `/metrics`' first request (20 ms
    // where the service logged 5).
    clientGc?.();
    // The service's main-thread CPU from before the request until 5 ms after its answer, by which
    // time what it does after answering (the access log, the metrics) is done.
    const cpuBefore = service.cpuNs();
    const answer = await call(service.base, op.method, make(i, answers.at(-1)));
    await new Promise((r) => setTimeout(r, 5));
    answer.cpuUs = (service.cpuNs() - cpuBefore) / 1000;
    answers.push(answer);
  };
  if (ORDER === 'sequential')
    for (const op of operations) for (let i = 0; i < REQUESTS; i += 1) await send(op, i);
  else for (let i = 0; i < REQUESTS; i += 1) for (const op of operations) await send(op, i);
  return answersByOperation;
}

// ---------------------------------------------------------------------------------------------

const fmt = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(1));

let database: EmbeddedDatabase | undefined;
try {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    database = await startEmbeddedPostgres(
      { dir: path.join(tmp, 'pg'), port: await freePort(), database: 'bench', ephemeral: true },
      createLogger({ level: 'warn', service: 'bench-first-request' }),
    );
    databaseUrl = database.url;
  }
  const adminLogin = { email: unique('admin'), password: randomBytes(12).toString('hex') };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    REQUIRE_HTTPS: 'false',
    ADMIN_EMAIL: adminLogin.email,
    ADMIN_PASSWORD: adminLogin.password,
    BCRYPT_COST: '4',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    USER_QUOTA_PER_MINUTE: '1000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    CHECKOUT_PER_MINUTE: '1000000',
    LOGIN_MAX_FAILS_PER_IP_PER_DAY: '100000',
    ...(values['validate-responses'] ? { VALIDATE_RESPONSES: 'true' } : {}),
  };
  // The image's V8 and allocator settings, each tree's own: with --expose-gc the server collects
  // start-up's garbage before it listens (ADR 0020), which must not make a first request slower.
  const envOf = (from: Tree): NodeJS.ProcessEnv => ({
    ...env,
    ...imageTuning(from.root),
    NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? imageNodeOptions(from.root),
  });
  for (const from of trees)
    execFileSync(process.execPath, ['scripts/db.ts', 'migrate'], {
      cwd: from.root,
      env: { ...envOf(from), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });

  const operations = operationsOf(path.join(root, 'generated', 'openapi.json'));
  const ids = (ops: Operation[]) => ops.map((op) => op.operationId).join(' ');
  for (const from of trees.slice(1))
    if (ids(operationsOf(path.join(from.root, 'generated', 'openapi.json'))) !== ids(operations))
      throw new Error(`--against: ${from.label} does not have the same operations`);
  const setUp = await startService(envOf(trees[0]!));
  let data: BenchData;
  try {
    data = await makeData(setUp.base, adminLogin);
    // The client warms up too: this process makes every operation's ten requests once, untimed,
    // against the set-up instance, so what a measured first request costs is the server's
    // first, not this process's first reading of that response (a first GET /docs read 2.6 MB
    // through client code not yet compiled: 70-110 ms from a cold client, 13 ms with curl).
    await onePass(setUp, operations, plans(data, data.runs[PROCESSES]!), data.admin);
  } finally {
    await setUp.stop();
  }

  type Sample = {
    first: number;
    tenth: number;
    /** The service's own times (its access log), NaN when it logged none. */
    servedFirst: number;
    servedTenth: number;
    /** The same process's second pass: the first and tenth requests of a warm process. */
    warmFirst: number;
    warmTenth: number;
    servedWarmFirst: number;
    servedWarmTenth: number;
    /** The service's main-thread CPU, µs: after start-up and warm. */
    cpuFirst: number;
    cpuTenth: number;
    cpuWarmFirst: number;
    cpuWarmTenth: number;
    statuses: string;
  };
  type Rounds = { cold: number[]; warm: number[] };
  /** What the processes of one service measured. */
  type Group = {
    samples: Map<string, Sample[]>;
    /**
     * Per process, for each round of each pass (every operation once): the service's own time
     * summed over the operations (ms), and its main-thread CPU (ms).
     */
    roundSums: { own: Rounds; cpu: Rounds }[];
    starts: Service[];
  };
  const groups: Group[] = trees.map(() => ({ samples: new Map(), roundSums: [], starts: [] }));
  for (let r = 0; r < PROCESSES; r += 1) {
    // With --against, the two services take turns: each of the other's processes is a neighbour.
    const turn = r % trees.length;
    const { samples, roundSums, starts } = groups[turn]!;
    const service = await startService(envOf(trees[turn]!), trees[turn]);
    starts.push(service);
    try {
      // A deployed instance often waits a while for its first request (--idle).
      if (IDLE_MS > 0) await new Promise((r) => setTimeout(r, IDLE_MS));
      const answersByOperation = await onePass(
        service,
        operations,
        plans(data, data.runs[r]!),
        data.admin,
      );
      // The control: the whole pass again on the same, now warm, process. What its first
      // requests cost over its tenths is not start-up's: switching from one operation to the
      // next (V8's code specialised for the last operation's objects, PostgreSQL's caches).
      const warmByOperation = await onePass(
        service,
        operations,
        plans(data, data.runs[PROCESSES + 1 + r]!),
        data.admin,
      );
      // The access log is written once per turn of the service's event loop: let it arrive.
      await new Promise((r) => setTimeout(r, 200));
      const servedMs = (a: Answer) => service.served.get(a.requestId ?? '') ?? Number.NaN;
      const byRound = (byOperation: Map<string, Answer[]>, ms: (a: Answer) => number) =>
        Array.from({ length: REQUESTS }, (_, i) =>
          operations.reduce((sum, op) => sum + ms(byOperation.get(op.operationId)![i]!), 0),
        );
      const cpuMs = (a: Answer) => a.cpuUs / 1000;
      roundSums.push({
        own: {
          cold: byRound(answersByOperation, servedMs),
          warm: byRound(warmByOperation, servedMs),
        },
        cpu: { cold: byRound(answersByOperation, cpuMs), warm: byRound(warmByOperation, cpuMs) },
      });
      for (const op of operations) {
        const answers = answersByOperation.get(op.operationId)!;
        const warm = warmByOperation.get(op.operationId)!;
        const list = samples.get(op.operationId) ?? [];
        list.push({
          first: answers[0]!.ms,
          tenth: answers[REQUESTS - 1]!.ms,
          servedFirst: servedMs(answers[0]!),
          servedTenth: servedMs(answers[REQUESTS - 1]!),
          warmFirst: warm[0]!.ms,
          warmTenth: warm[REQUESTS - 1]!.ms,
          servedWarmFirst: servedMs(warm[0]!),
          servedWarmTenth: servedMs(warm[REQUESTS - 1]!),
          cpuFirst: answers[0]!.cpuUs,
          cpuTenth: answers[REQUESTS - 1]!.cpuUs,
          cpuWarmFirst: warm[0]!.cpuUs,
          cpuWarmTenth: warm[REQUESTS - 1]!.cpuUs,
          statuses: `${answers[0]!.status}/${answers[REQUESTS - 1]!.status}`,
        });
        samples.set(op.operationId, list);
      }
    } finally {
      await service.stop();
    }
  }

  const mode =
    (values['validate-responses'] ? 'production, VALIDATE_RESPONSES=true' : 'production') +
    (IDLE_MS > 0 ? `, first request ${IDLE_MS / 1000} s after listening` : '') +
    `, ${ORDER} order`;
  /** Prints one service's tables; returns how many operations are over the gate and the rounds' ratios. */
  const report = (from: Tree, { samples, roundSums, starts }: Group) => {
    console.log(
      `\nService: ${from.label} (${mode}); ${RUNS} fresh processes; median over them, ms`,
    );
    console.log(
      `| operation | first | tenth | first/tenth | service's own: first / tenth | warm process: first / tenth | warm, service's own | main-thread CPU µs: first / tenth | warm, CPU µs | status (1st/10th) | gate: first ≤ ${FACTOR}×tenth+${SLACK_MS} |`,
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
    let sumFirst = 0;
    let sumTenth = 0;
    let sumWarmFirst = 0;
    let sumWarmTenth = 0;
    let sumServedFirst = 0;
    let sumServedTenth = 0;
    let sumServedWarmFirst = 0;
    let sumServedWarmTenth = 0;
    let over = 0;
    let worst = { name: '', ratio: 0 };
    for (const op of operations) {
      const list = samples.get(op.operationId) ?? [];
      const first = median(list.map((s) => s.first));
      const tenth = median(list.map((s) => s.tenth));
      const pass = first <= FACTOR * tenth + SLACK_MS;
      sumFirst += first;
      sumTenth += tenth;
      const warmFirst = median(list.map((s) => s.warmFirst));
      const warmTenth = median(list.map((s) => s.warmTenth));
      sumWarmFirst += warmFirst;
      sumWarmTenth += warmTenth;
      sumServedFirst += median(list.map((s) => s.servedFirst));
      sumServedTenth += median(list.map((s) => s.servedTenth));
      sumServedWarmFirst += median(list.map((s) => s.servedWarmFirst));
      sumServedWarmTenth += median(list.map((s) => s.servedWarmTenth));
      if (!pass) over += 1;
      const name = `${op.method} ${op.template}`;
      if (first / tenth > worst.ratio) worst = { name, ratio: first / tenth };
      const statuses = [...new Set(list.map((s) => s.statuses))].join(', ');
      const pair = (a: keyof Sample, b: keyof Sample, digits = 1) =>
        `${median(list.map((s) => s[a] as number)).toFixed(digits)} / ${median(list.map((s) => s[b] as number)).toFixed(digits)}`;
      console.log(
        `| ${name} | ${fmt(first)} | ${fmt(tenth)} | ${(first / tenth).toFixed(1)}× | ${pair('servedFirst', 'servedTenth')} | ${fmt(warmFirst)} / ${fmt(warmTenth)} | ${pair('servedWarmFirst', 'servedWarmTenth')} | ${pair('cpuFirst', 'cpuTenth', 0)} | ${pair('cpuWarmFirst', 'cpuWarmTenth', 0)} | ${statuses} | ${pass ? 'ok' : 'OVER'} |`,
      );
    }
    console.log(
      `the same processes' second pass (warm): first requests ${fmt(sumWarmFirst)} ms in all, tenth ${fmt(sumWarmTenth)} ms (${(sumWarmFirst / sumWarmTenth).toFixed(1)}×)`,
    );
    console.log(
      `the service's own times (its access log): first requests ${fmt(sumServedFirst)} ms in all, tenth ${fmt(sumServedTenth)} ms (${(sumServedFirst / sumServedTenth).toFixed(2)}×); warm process ${fmt(sumServedWarmFirst)} / ${fmt(sumServedWarmTenth)} ms (${(sumServedWarmFirst / sumServedWarmTenth).toFixed(2)}×)`,
    );
    // A round's sum is one sample per process, so its noise shows here: each process's first round
    // against its own tenth, after start-up and warm, and against the same process's warm first.
    const spread = (ratios: number[]) =>
      `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
    for (const [kind, label] of [
      ['own', "the service's own time (its access log)"],
      ['cpu', "the service's main-thread CPU"],
    ] as const) {
      console.log(
        `\n${label} per round (every operation once), ms, by process: after start-up | warm`,
      );
      for (const [r, sums] of roundSums.entries())
        console.log(
          `process ${r + 1}: ${sums[kind].cold.map((ms) => ms.toFixed(0)).join(' ')} | ${sums[kind].warm.map((ms) => ms.toFixed(0)).join(' ')}`,
        );
      const rounds = roundSums.map((s) => s[kind]);
      console.log(
        `first round / tenth, median (range) over processes: after start-up ${spread(rounds.map((s) => s.cold[0]! / s.cold[REQUESTS - 1]!))}; warm ${spread(rounds.map((s) => s.warm[0]! / s.warm[REQUESTS - 1]!))}; first round after start-up / the warm first round ${spread(rounds.map((s) => s.cold[0]! / s.warm[0]!))}`,
      );
    }
    const warmUps = starts.map((s) => s.warmUpMs).filter((ms): ms is number => ms !== undefined);
    const rehearsals = starts
      .map((s) => s.rehearsalMs)
      .filter((ms): ms is number => ms !== undefined);
    console.log(
      `\n${operations.length} operations: first requests ${fmt(sumFirst)} ms in all, tenth ${fmt(sumTenth)} ms (${(sumFirst / sumTenth).toFixed(1)}×); worst ${worst.name} ${worst.ratio.toFixed(1)}×; over the gate: ${over}`,
    );
    console.log(
      `start-up (spawn to listening), median: ${fmt(median(starts.map((s) => s.startMs)))} ms; validator warm-up: ${warmUps.length ? `${fmt(median(warmUps))} ms` : 'none logged'}; rehearsal: ${rehearsals.length ? `${fmt(median(rehearsals))} ms` : 'none logged'}`,
    );
    const cpuRounds = roundSums.map((s) => s.cpu);
    return {
      over,
      cpu: spread(cpuRounds.map((s) => s.cold[0]! / s.cold[REQUESTS - 1]!)),
      cpuWarm: spread(cpuRounds.map((s) => s.cold[0]! / s.warm[0]!)),
    };
  };
  const reports = trees.map((from, i) => report(from, groups[i]!));
  if (trees.length > 1) {
    console.log(
      '\nThe same invocation, processes alternating; main-thread CPU, first round after start-up against its tenth and against the warm first round, median (range) over the processes:',
    );
    for (const [i, from] of trees.entries())
      console.log(`${from.label}: ${reports[i]!.cpu}; ${reports[i]!.cpuWarm}`);
  }
  // The gate is the measured service's; the one it is compared with is only reported.
  const over = reports[0]!.over;
  if (over > 0) {
    console.error(`${over} first requests took more than ${FACTOR} × the tenth + ${SLACK_MS} ms`);
    process.exitCode = 1;
  }
} finally {
  await database?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
