// Checkout benchmark: orders per second and latency under contention, through the full HTTP
// stack (API in production mode, a separate process), in two cases measured in the same run:
// every order for one hot product (all checkouts queue on one row lock), and orders spread over
// many products (1–3 lines each). Every request carries its own Idempotency-Key.
//   npm run bench:orders [-- --seconds 10 --concurrency 32]
// Uses DATABASE_URL when set, otherwise its own embedded PostgreSQL under .data/bench-postgres.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { createLogger } from '../src/utils/logger.ts';
import { percentile, waitForHttp } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
    products: { type: 'string', default: '1000' },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const PRODUCTS = Number(values.products);
const root = path.resolve(import.meta.dirname, '..');
const logger = createLogger({ level: 'warn', service: 'bench' });

let url = process.env.DATABASE_URL;
const embedded = url
  ? undefined
  : await startEmbeddedPostgres(
      { dir: path.join(root, '.data', 'bench-postgres'), port: 54339, database: 'bench_orders' },
      logger,
    );
url ??= embedded?.url ?? '';

const port = 34_000 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;
const adminEmail = `bench-admin-${randomUUID().slice(0, 8)}@example.com`;
const adminPassword = 'bench-admin-passphrase-42';
const server = spawn(process.execPath, ['src/server.ts'], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    DB_MIGRATE_ON_START: 'true',
    PORT: String(port),
    JWT_SECRET: randomBytes(32).toString('hex'),
    REQUIRE_HTTPS: 'false',
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    // Sign-ups are set-up here, not what is measured: a cheap hash keeps the set-up short.
    BCRYPT_COST: '4',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    USER_QUOTA_PER_MINUTE: '1000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    CHECKOUT_PER_MINUTE: '1000000',
    DB_POOL_MAX: '20',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const serverExited = new Promise((resolve) => server.once('exit', resolve));

async function call(
  method: string,
  p: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => ({}))) as { data?: Record<string, unknown> },
  };
}

try {
  await waitForHttp(`${base}/health`, server);
  const admin = (
    await call('POST', '/api/v1/auth/login', { email: adminEmail, password: adminPassword })
  ).body.data;
  const adminAuth = { authorization: `Bearer ${String(admin?.['accessToken'])}` };
  const makeProduct = async (stock: number) =>
    String(
      (
        await call(
          'POST',
          '/api/v1/products',
          {
            sku: `B-${randomUUID().slice(0, 12)}`,
            name: 'Bench product',
            priceCents: 1999,
            currency: 'EUR',
            stock,
            category: 'bench',
          },
          adminAuth,
        )
      ).body.data?.['id'],
    );
  const hot = await makeProduct(1_000_000_000);
  const spread: string[] = [];
  for (let i = 0; i < PRODUCTS; i += 1) spread.push(await makeProduct(1_000_000));
  const buyers: string[] = [];
  for (let i = 0; i < CONCURRENCY; i += 1) {
    const email = `bench-${randomUUID().slice(0, 12)}@example.com`;
    const res = await call('POST', '/api/v1/auth/register', {
      email,
      password: 'bench-buyer-passphrase-7',
      name: 'Buyer',
    });
    buyers.push(String(res.body.data?.['accessToken']));
  }

  async function runCase(name: string, items: () => { productId: string; quantity: number }[]) {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      buyers.map(async (token) => {
        while (Date.now() < until) {
          const t = process.hrtime.bigint();
          const res = await call(
            'POST',
            '/api/v1/orders',
            { items: items() },
            { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
          );
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const ok = statuses.get(201) ?? 0;
    console.log(
      `| ${name} | ${(ok / SECONDS).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')} |`,
    );
  }

  console.log(`\n${CONCURRENCY} concurrent clients, ${SECONDS} s per case; latency in ms`);
  console.log('| case | orders/s | p50 | p95 | p99 | statuses |');
  console.log('|---|---:|---:|---:|---:|---|');
  await runCase('one hot product', () => [{ productId: hot, quantity: 1 }]);
  await runCase(`spread over ${PRODUCTS} products, 1–3 lines`, () => {
    const picked = new Set<string>();
    const lines = 1 + Math.floor(Math.random() * 3);
    while (picked.size < lines)
      picked.add(spread[Math.floor(Math.random() * spread.length)] as string);
    return [...picked].map((productId) => ({
      productId,
      quantity: 1 + Math.floor(Math.random() * 3),
    }));
  });
} finally {
  server.kill('SIGTERM');
  await serverExited;
  await embedded?.stop();
}
