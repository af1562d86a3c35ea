// The retention purge on the real database, run through the real queue: what expired goes (a
// day after expiry for sessions and reset tokens, at once for idempotency keys, after
// AUDIT_RETENTION_DAYS for audit events), everything else stays; the worker schedules it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { deleteInBatches } from '../src/db/sql.ts';
import { JOBS } from '../src/jobs/queue.ts';
import { register, login } from './helpers/auth.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({
    env: { WORKER_IN_PROCESS: 'true', AUDIT_RETENTION_DAYS: '30', RETENTION_CRON: '*/5 * * * *' },
  });
}, 30_000);
afterAll(() => app.close());

async function sql<R = Record<string, unknown>>(text: string, params: unknown[] = []) {
  const pool = await app.orm.em.getConnection().getNativeClient();
  return (await pool.query(text, params)).rows as R[];
}

const count = async (table: string, where: string, params: unknown[]) =>
  Number(
    (await sql<{ n: string }>(`select count(*) n from ${table} where ${where}`, params))[0]!.n,
  );

async function purgeLog(after: number): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i += 1) {
    const line = app.logs.slice(after).find((l) => l['message'] === 'retention purge');
    if (line) return line;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the retention job did not run within 10 s');
}

describe('retention purge', () => {
  test('the worker schedules it with RETENTION_CRON, in UTC', async () => {
    const [schedule] = await app.queue.boss.getSchedules(JOBS.retentionPurge);
    expect(schedule).toEqual(
      expect.objectContaining({ name: 'retention-purge', cron: '*/5 * * * *', timezone: 'UTC' }),
    );
  });

  test('deletes what expired and keeps the rest', async () => {
    const alice = await register(app);
    const old = await login(app, alice.email); // a second session, about to be long expired
    const recent = await login(app, alice.email); // a third, expired an hour ago
    const sessionOf = async (refreshToken: string) =>
      (
        await sql<{ id: string }>(
          `select s.id from sessions s join refresh_tokens t on t.session_id = s.id
           where t.token_hash = encode(sha256($1::bytea), 'hex')`,
          [refreshToken],
        )
      )[0]?.id;
    const oldSession = await sessionOf(old.refreshToken);
    const recentSession = await sessionOf(recent.refreshToken);
    expect(oldSession).toBeDefined();
    await sql(`update sessions set expires_at = now() - interval '2 days' where id = $1`, [
      oldSession,
    ]);
    await sql(`update sessions set expires_at = now() - interval '1 hour' where id = $1`, [
      recentSession,
    ]);

    const resetToken = (expiresIn: string) =>
      sql(
        `insert into password_reset_tokens (id, user_id, token_hash, created_at, expires_at)
         values ($1, $2, $3, now(), now() + $4::interval)`,
        [randomUUID(), alice.id, randomUUID().replaceAll('-', '').padEnd(64, '0'), expiresIn],
      );
    await resetToken('-2 days');
    await resetToken('-1 hour');
    await resetToken('30 minutes');

    const idempotencyKey = (key: string, expiresIn: string) =>
      sql(
        `insert into idempotency_keys (user_id, key, request_hash, response_status, response_body, created_at, expires_at)
         values ($1, $2, 'h', 201, '{}', now(), now() + $3::interval)`,
        [alice.id, key, expiresIn],
      );
    await idempotencyKey('expired', '-1 minute');
    await idempotencyKey('live', '1 hour');

    const auditEvent = (age: string) =>
      sql(
        `insert into audit_events (id, event, user_id, created_at)
         values ($1, 'login.succeeded', $2, now() - $3::interval)`,
        [randomUUID(), alice.id, age],
      );
    await auditEvent('31 days');
    await auditEvent('29 days');
    const auditBefore = await count('audit_events', 'user_id = $1', [alice.id]);

    // Login-limit counters (PostgreSQL store, without Redis): expire is epoch milliseconds.
    const counter = (key: string, expire: number) =>
      sql(`insert into rate_limits (key, points, expire) values ($1, 3, $2)`, [key, expire]);
    await counter(`retention-test:old:${alice.id}`, Date.now() - 2 * 3_600_000);
    await counter(`retention-test:live:${alice.id}`, Date.now() + 3_600_000);

    // Run it the way the schedule does: a job on the queue, picked up by the worker.
    const logsBefore = app.logs.length;
    await app.queue.send(JOBS.retentionPurge, {});
    const log = await purgeLog(logsBefore);
    // Other test files share nothing with this database: these counts are exactly ours.
    expect(log).toEqual(
      expect.objectContaining({
        sessions: 1,
        resetTokens: 1,
        idempotencyKeys: 1,
        rateLimitCounters: 1,
        auditEvents: 1,
      }),
    );

    expect(await count('sessions', 'user_id = $1', [alice.id])).toBe(2);
    expect(await count('sessions', 'id = $1', [oldSession])).toBe(0);
    expect(await count('refresh_tokens', 'session_id = $1', [oldSession])).toBe(0);
    expect(await count('sessions', 'id = $1', [recentSession])).toBe(1);
    expect(await count('password_reset_tokens', 'user_id = $1', [alice.id])).toBe(2);
    expect(await count('idempotency_keys', 'user_id = $1', [alice.id])).toBe(1);
    expect(await count('idempotency_keys', "key = 'live'", [])).toBe(1);
    expect(await count('audit_events', 'user_id = $1', [alice.id])).toBe(auditBefore - 1);
    expect(
      await count('audit_events', "user_id = $1 and created_at < now() - interval '30 days'", [
        alice.id,
      ]),
    ).toBe(0);
    expect(await count('rate_limits', 'key like $1', [`retention-test:%:${alice.id}`])).toBe(1);
    expect(await count('rate_limits', 'key = $1', [`retention-test:live:${alice.id}`])).toBe(1);
    expect(await count('users', 'id = $1', [alice.id])).toBe(1);

    // The refresh token of a forgotten session is simply unknown; the live session still works.
    const forgotten = await request(app.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: old.refreshToken });
    expect(forgotten.status).toBe(401);
    expect(forgotten.body).toEqual(expect.objectContaining({ status: 'error' }));
    const me = await request(app.url)
      .get('/api/v1/users/me')
      .set('Authorization', `Bearer ${alice.accessToken}`);
    expect(me.status).toBe(200);
  });

  test('deletes in batches until nothing matches', async () => {
    const marker = randomUUID();
    for (let i = 0; i < 5; i += 1) {
      await sql(
        `insert into audit_events (id, event, request_id, created_at) values ($1, 'logout', $2, now() - interval '400 days')`,
        [randomUUID(), marker],
      );
    }
    await sql(
      `insert into audit_events (id, event, request_id, created_at) values ($1, 'logout', $2, now())`,
      [randomUUID(), marker],
    );
    const deleted = await deleteInBatches(
      app.orm,
      'audit_events',
      "request_id = $1 and created_at < now() - interval '1 day'",
      [marker],
      2,
    );
    expect(deleted).toBe(5);
    expect(await count('audit_events', 'request_id = $1', [marker])).toBe(1);
  });
});
