// The worker is a separate process. A worker killed in the middle of a job (SIGKILL, no chance
// to clean up) loses nothing: once the job times out it is retried, and a fresh worker
// completes it exactly once (the order is confirmed once, one mail goes out).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, register, signInAdmin } from './helpers/auth.ts';
import { startServer, type Spawned } from './helpers/server-process.ts';

let app: TestApp;
let db: pg.Client;
const workerEnv = () => ({
  DATABASE_URL: app.config.db.url ?? '',
  JOB_TIMEOUT_SECONDS: '3',
  QUEUE_MAINTENANCE_SECONDS: '1',
});

beforeAll(async () => {
  // Jobs take their time limit from the queue when they are sent: the API's settings count.
  app = await startTestApp({ env: { WORKER_IN_PROCESS: 'false', JOB_TIMEOUT_SECONDS: '3' } });
  db = new pg.Client({ connectionString: app.config.db.url });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await app.close();
});

const mailsFor = (w: Spawned, orderId: string) =>
  w.lines.filter(
    (l) =>
      (l['mail'] as { subject?: string } | undefined)?.subject ===
      `Order ${orderId.slice(0, 8)} confirmed`,
  );

describe('worker crash mid-job', () => {
  test('a job cut off by SIGKILL is retried and completed once by the next worker', async () => {
    const admin = await signInAdmin(app);
    const product = (
      await request(app.url)
        .post('/api/v1/products')
        .set(bearer(admin))
        .send({
          sku: `W-${randomUUID().slice(0, 8)}`,
          name: 'Worker Test',
          priceCents: 500,
          currency: 'EUR',
          stock: 3,
          category: 'tests',
        })
    ).body.data;
    const buyer = await register(app);
    const order = (
      await request(app.url)
        .post('/api/v1/orders')
        .set(bearer(buyer))
        .set('Idempotency-Key', randomUUID())
        .send({ items: [{ productId: product.id, quantity: 1 }] })
    ).body.data;

    // Hold the order's row: the first worker's job blocks in the middle, on its UPDATE.
    await db.query('begin');
    await db.query('select 1 from orders where id = $1 for update', [order.id]);
    const first = startServer(workerEnv(), 'src/worker.ts');
    let second: Spawned | undefined;
    try {
      const started = await first.waitFor('job started', 20_000);
      const jobId = started['jobId'] as string;
      await sleep(300);
      first.child.kill('SIGKILL');
      await first.exited;
      await db.query('rollback');
      expect(mailsFor(first, order.id)).toHaveLength(0);
      const [before] = (await db.query('select confirmed_at from orders where id = $1', [order.id]))
        .rows;
      expect(before.confirmed_at).toBeNull();

      second = startServer(workerEnv(), 'src/worker.ts');
      const deadline = Date.now() + 40_000;
      while (!second.lines.some((l) => l['message'] === 'job completed' && l['jobId'] === jobId)) {
        if (Date.now() > deadline) {
          const { rows: state } = await db.query(
            'select state, retry_count, start_after, started_on, expire_seconds from pgboss.job where id = $1',
            [jobId],
          );
          throw new Error(`the second worker did not complete the job: ${JSON.stringify(state)}`);
        }
        await sleep(200);
      }
      const [after] = (await db.query('select confirmed_at from orders where id = $1', [order.id]))
        .rows;
      expect(after.confirmed_at).not.toBeNull();
      expect(mailsFor(second, order.id)).toHaveLength(1);
      // 'job completed' is logged as the handler returns; pg-boss records it a moment later.
      let state: unknown;
      for (const until = Date.now() + 5000; Date.now() < until; await sleep(100)) {
        state = (await db.query('select state from pgboss.job where id = $1', [jobId])).rows[0]
          ?.state;
        if (state === 'completed') break;
      }
      expect(state).toBe('completed');
      // Its retry counter shows the crash: it ran more than once, and completed once.
      const retry = second.lines.find(
        (l) => l['message'] === 'job started' && l['jobId'] === jobId,
      );
      expect(Number(retry?.['retryCount'])).toBeGreaterThanOrEqual(1);
    } finally {
      await db.query('rollback').catch(() => undefined);
      first.child.kill('SIGKILL');
      if (second) {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    }
  }, 90_000);
});

describe('retries and the dead-letter queue', () => {
  test('a job that keeps failing is retried, then moved to its dead-letter queue', async () => {
    const failing = await startTestApp({
      databaseUrl: app.config.db.url,
      env: { WORKER_IN_PROCESS: 'true', JOB_RETRY_LIMIT: '1', QUEUE_MAINTENANCE_SECONDS: '1' },
    });
    try {
      // A malformed job (no valid order id) fails its handler on every try.
      const jobId = await failing.queue.send('order-confirmation', { orderId: 'not-a-uuid' });
      const deadline = Date.now() + 30_000;
      let dead: { state: string; retry_count: number }[] = [];
      while (dead.length === 0 && Date.now() < deadline) {
        await sleep(250);
        dead = (
          await db.query(
            `select j.state, j.retry_count from pgboss.job j
              where j.name = 'order-confirmation-dead' and j.data->>'orderId' = 'not-a-uuid'`,
          )
        ).rows;
      }
      expect(dead).toHaveLength(1);
      const { rows } = await db.query('select state, retry_count from pgboss.job where id = $1', [
        jobId,
      ]);
      expect(rows[0]).toEqual({ state: 'failed', retry_count: 1 });
      const failures = failing.logs.filter(
        (l) => l['message'] === 'job failed' && l['jobId'] === jobId,
      );
      expect(failures).toHaveLength(2);
    } finally {
      await failing.close();
    }
  }, 60_000);
});

describe('jobs fetched together', () => {
  test('one failing job in a batch fails alone; the others complete', async () => {
    const worker = await startTestApp({
      databaseUrl: app.config.db.url,
      env: { WORKER_IN_PROCESS: 'true', JOB_RETRY_LIMIT: '3' },
    });
    try {
      // Inserted at once, so one fetch (up to five jobs) takes them together. Well-formed ids
      // of no order complete as no-ops; the malformed one fails its handler.
      const jobs = [randomUUID(), randomUUID(), 'not-a-uuid-batch', randomUUID(), randomUUID()].map(
        (orderId) => ({ id: randomUUID(), data: { orderId } }),
      );
      await worker.queue.boss.insert('order-confirmation', jobs);
      const ids = jobs.map((j) => j.id);
      const deadline = Date.now() + 15_000;
      let states: Record<string, string> = {};
      for (;;) {
        const { rows } = await db.query<{ id: string; state: string; retry_count: number }>(
          'select id, state, retry_count from pgboss.job where id = any($1::uuid[])',
          [ids],
        );
        // A good job that had to be retried was failed with the bad one: that counts as wrong.
        states = Object.fromEntries(
          rows.map((r) => [r.id, r.retry_count > 0 && r.id !== ids[2] ? 'retried' : r.state]),
        );
        if (Object.values(states).filter((s) => s === 'completed').length === 4) break;
        if (Date.now() > deadline) break;
        await sleep(100);
      }
      const bad = ids[2]!;
      expect(
        Object.entries(states)
          .filter(([id]) => id !== bad)
          .map(([, s]) => s),
      ).toEqual(['completed', 'completed', 'completed', 'completed']);
      expect(['retry', 'active', 'created', 'failed']).toContain(states[bad]);
      const failed = worker.logs.filter((l) => l['message'] === 'job failed');
      expect(failed.every((l) => l['jobId'] === bad)).toBe(true);
      expect(failed.length).toBeGreaterThanOrEqual(1);
    } finally {
      await worker.close();
    }
  }, 30_000);
});

describe('worker probes', () => {
  test('/health and /ready answer on WORKER_HEALTH_PORT; /ready turns 503 while it stops', async () => {
    const worker = startServer({ ...workerEnv(), WORKER_HEALTH_PORT: '0' }, 'src/worker.ts');
    try {
      const ready = await worker.waitFor('worker ready');
      const base = `http://127.0.0.1:${String(ready['probePort'])}`;
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({
        status: 'success',
        data: expect.objectContaining({ status: 'ok' }),
      });
      const readiness = await fetch(`${base}/ready`);
      expect(readiness.status).toBe(200);
      expect(((await readiness.json()) as { data: unknown }).data).toEqual({
        status: 'ready',
        checks: { database: 'up' },
      });
      expect((await fetch(`${base}/anything`)).status).toBe(404);
      const post = await fetch(`${base}/health`, { method: 'POST' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');

      // Stopping: readiness goes first (a running job may still be finishing), then the exit.
      worker.child.kill('SIGTERM');
      await worker.waitFor('worker stopping');
      const draining = await fetch(`${base}/ready`).then(
        (r) => r.status,
        () => 'closed',
      );
      expect([503, 'closed']).toContain(draining);
      expect(await worker.exited).toBe(0);
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    }
  }, 30_000);

  test('without WORKER_HEALTH_PORT the worker listens on nothing', async () => {
    const worker = startServer(workerEnv(), 'src/worker.ts');
    try {
      const ready = await worker.waitFor('worker ready');
      expect(ready['probePort']).toBeUndefined();
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
  }, 30_000);
});
