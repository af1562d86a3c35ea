// The stack benchmark: autocannon against one production-mode instance and, side by side in the
// same run, against a bare baseline (plain node:http plus the pg driver running the same SQL)
// for GET /health, GET /products/{id}, a product list page, login and checkout; then
// GET /products/{id} through nginx with 1, 2 and 4 instances; memory (RSS) per instance under
// load. Prints markdown tables (docs/BENCHMARKS.md keeps a run).
//   npm run bench [-- --seconds 5 --connections 20]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startCluster, type Cluster } from './cluster.ts';
import { freePort, rssMiB, waitForHttp } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const PASSWORD = 'correct-horse-battery-staple';
const relaxed = {
  API_RATE_LIMIT_PER_MINUTE: '1000000',
  USER_QUOTA_PER_MINUTE: '1000000',
  AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
  CHECKOUT_PER_MINUTE: '1000000',
  LOGIN_MAX_FAILS_PER_IP_PER_DAY: '100000',
  LOG_LEVEL: 'warn',
};

type Req = {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

async function load(base: string, req: Req, pids: number[] = []) {
  let rss = 0;
  const sampler = setInterval(() => {
    for (const pid of pids) rss = Math.max(rss, rssMiB(pid));
  }, 250);
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: req.method ?? 'GET',
        path: req.path,
        headers: { 'content-type': 'application/json', ...req.headers },
        body: req.body,
        // A fresh Idempotency-Key for every checkout.
        setupRequest: (r: autocannon.Request) =>
          req.path.endsWith('/orders')
            ? { ...r, headers: { ...r.headers, 'idempotency-key': randomUUID() } }
            : r,
      },
    ],
  });
  clearInterval(sampler);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    rss,
  };
}

/** The bare baseline in a process of its own, like the API instance it is compared with. */
async function startBaseline(url: string, productId: string, email: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/bench-baseline.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      DATABASE_URL: url,
      PRODUCT_ID: productId,
      EMAIL: email,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health`, child);
  return {
    base,
    pid: child.pid ?? 0,
    close: async () => {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

const fmt = (n: number) => n.toFixed(0).padStart(6);
let cluster: Cluster | undefined;
try {
  cluster = await startCluster({ instances: 1, env: relaxed });
  const instance = cluster.instances[0];
  if (!instance?.child.pid) throw new Error('no instance');
  const direct = `http://127.0.0.1:${instance.port}`;
  const admin = (await (
    await fetch(`${direct}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `bench-${randomUUID().slice(0, 8)}@example.com`,
        password: PASSWORD,
        name: 'Bench',
      }),
    })
  ).json()) as { data: { accessToken: string; user: { email: string; id: string } } };
  const email = admin.data.user.email;
  const auth = { authorization: `Bearer ${admin.data.accessToken}` };
  // Products are created straight in the database: the registered user is a customer.
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  const productId = randomUUID();
  await db.query(
    "insert into products (id, sku, name, description, price_cents, currency, stock, category, created_at, updated_at, version) values ($1, 'BENCH-1', 'Bench product', '', 1999, 'EUR', 1000000000, 'bench', now(), now(), 1)",
    [productId],
  );
  await db.query(
    "insert into products (id, sku, name, description, price_cents, currency, stock, category, created_at, updated_at, version) select gen_random_uuid(), 'BENCH-L-' || g, 'List product ' || g, '', 999 + g, 'EUR', 10, 'bench', now() - (g || ' seconds')::interval, now(), 1 from generate_series(1, 200) g",
  );
  const baseline = await startBaseline(cluster.databaseUrl, productId, email);

  const cases: [string, Req][] = [
    ['GET /health', { path: '/health' }],
    ['GET /products/{id}', { path: `/api/v1/products/${productId}` }],
    ['GET /products (page 1 of 20)', { path: '/api/v1/products?limit=20' }],
    [
      'POST /auth/login',
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: JSON.stringify({ email, password: PASSWORD }),
      },
    ],
    [
      'POST /orders (checkout)',
      {
        method: 'POST',
        path: '/api/v1/orders',
        headers: auth,
        body: JSON.stringify({ items: [{ productId, quantity: 1 }] }),
      },
    ],
  ];
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s per run; one instance (NODE_ENV=production) vs the bare baseline`,
  );
  console.log(
    '| case | stack req/s | bare req/s | stack/bare | stack p99 ms | bare p99 ms | errors (stack/bare) | RSS MB (stack/bare) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|---:|');
  for (const [name, req] of cases) {
    const stack = await load(direct, req, [instance.child.pid]);
    const bare = await load(baseline.base, req, [baseline.pid]);
    console.log(
      `| ${name} | ${fmt(stack.rps)} | ${fmt(bare.rps)} | ${(stack.rps / bare.rps).toFixed(2)} | ${stack.p99} | ${bare.p99} | ${stack.errors}/${bare.errors} | ${stack.rss.toFixed(0)}/${bare.rss.toFixed(0)} |`,
    );
  }
  await baseline.close();
  await db.end();
  await cluster.stop();
  cluster = undefined;

  console.log(
    `\nGET /products/{id} through nginx (production instances, shared PostgreSQL and Redis)`,
  );
  console.log('| instances | req/s | p99 ms | errors | max RSS per instance MB |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const n of [1, 2, 4]) {
    cluster = await startCluster({ instances: n, env: relaxed });
    const c = new pg.Client({ connectionString: cluster.databaseUrl });
    await c.connect();
    const id = randomUUID();
    await c.query(
      "insert into products (id, sku, name, description, price_cents, currency, stock, category, created_at, updated_at, version) values ($1, 'SCALE-1', 'Scale', '', 100, 'EUR', 5, 'bench', now(), now(), 1)",
      [id],
    );
    await c.end();
    const r = await load(
      cluster.url,
      { path: `/api/v1/products/${id}` },
      cluster.instances.map((i) => i.child.pid ?? 0),
    );
    console.log(`| ${n} | ${fmt(r.rps)} | ${r.p99} | ${r.errors} | ${r.rss.toFixed(0)} |`);
    await cluster.stop();
    cluster = undefined;
  }
} finally {
  await cluster?.stop();
}
