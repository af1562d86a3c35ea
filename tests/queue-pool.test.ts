// The queue's own pool (pg-boss's, which sends the jobs queued outside a transaction, such as a
// password-reset mail) follows DB_IDLE_TIMEOUT_MS like the ORM's and keeps one connection through
// a quiet spell, so the first send after it does not open a connection first.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import pg from 'pg';
import { startTestApp, type TestApp } from './helpers/app.ts';

let app: TestApp;
let db: pg.Client;

beforeAll(async () => {
  // No worker in this process: only the API's sending side of the queue holds connections.
  app = await startTestApp({ env: { WORKER_IN_PROCESS: 'false', DB_IDLE_TIMEOUT_MS: '1000' } });
  db = new pg.Client({ connectionString: app.config.db.url });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await app.close();
});

/** The queue's pooled connections (pg-boss's LISTEN for new jobs has one of its own). */
const queueConnections = async (): Promise<number> => {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where datname = current_database() and application_name = 'contract-first-monolith-queue'
        and query not ilike 'listen %'`,
  );
  return rows[0]!.n;
};

test('the queue keeps a connection open through a quiet spell', async () => {
  expect(await queueConnections()).toBeGreaterThanOrEqual(1);
  // Three idle timeouts: pg's pool would have closed every connection after the first (seen
  // with `min: 0`). How many stay above one depends on what pg-boss ran meanwhile: not checked.
  await sleep(3000);
  expect(await queueConnections()).toBeGreaterThanOrEqual(1);
});
