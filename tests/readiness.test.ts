// Killing the database makes /ready answer 503 in the envelope, quickly, and the service
// recovers by itself when the database is back: no restart. Uses a PostgreSQL of its own so
// that stopping it does not disturb the other test files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { loadConfig } from '../src/config/config.ts';
import { migrateUp } from '../src/db/database.ts';
import { entities } from '../src/api/index.ts';
import { createOrm } from '../src/db/orm.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { createLogger } from '../src/utils/logger.ts';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.ts';
import { freePort } from './helpers/ports.ts';

const logger = createLogger({ level: 'silent' });
let tmp: string;
let port: number;
let db: EmbeddedDatabase | undefined;
let app: TestApp;

const startDb = async () => {
  db = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), port, database: 'app' }, logger);
  return db;
};

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'cfm-ready-'));
  port = await freePort();
  const { url } = await startDb();
  // Migrated first, as in production: start-up's warm-up reads every table.
  const env = { DB_CONNECT_TIMEOUT_MS: '500', READY_CHECK_TIMEOUT_MS: '1500' };
  const orm = await createOrm(
    loadConfig({ DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET }).db,
    url,
    logger,
    entities,
  );
  try {
    await migrateUp(orm, logger);
  } finally {
    await orm.close(true);
  }
  app = await startTestApp({ databaseUrl: url, env });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await db?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function pollReady(expected: number, withinMs: number): Promise<request.Response> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const res = await request(app.url).get('/ready');
    if (res.status === expected || Date.now() > deadline) return res;
    await sleep(100);
  }
}

describe('readiness when the database goes away', () => {
  test('503 while the database is down, 200 again once it is back', async () => {
    expect((await request(app.url).get('/ready')).status).toBe(200);

    await db?.stop();
    db = undefined;
    const started = Date.now();
    const down = await request(app.url).get('/ready');
    expect(down.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(down.body).toEqual({
      status: 'error',
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unreachable.',
      requestId: down.headers['x-request-id'],
    });
    expect(down.headers['retry-after']).toBe('5');
    // Liveness does not depend on the database.
    expect((await request(app.url).get('/health')).status).toBe(200);
    // A request that needs the database answers 503 in the envelope too, not 500, not a hang.
    const login = await request(app.url)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.com', password: 'whatever-it-is' });
    expect(login.status).toBe(503);
    expect(login.body).toEqual(
      expect.objectContaining({ status: 'error', code: 'SERVICE_UNAVAILABLE' }),
    );

    await startDb();
    const back = await pollReady(200, 10_000);
    expect(back.status).toBe(200);
    const after = await request(app.url)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.com', password: 'whatever-it-is' });
    expect(after.status).toBe(401);
  }, 60_000);
});
