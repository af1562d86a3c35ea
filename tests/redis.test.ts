// With REDIS_URL, limits are shared by every instance: a quota spent on one instance is spent
// on all, and a login lock made through one holds on the others. A Redis outage degrades to
// per-instance counting instead of failing requests.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, login, register } from './helpers/auth.ts';
import { redisAvailable, startRedis, type TestRedis } from './helpers/redis.ts';

const available = redisAvailable();
if (!available)
  console.warn(
    'redis-server is not installed: the Redis tests are skipped (`.ci/run` installs it).',
  );

(available ? describe : describe.skip)('limits shared through Redis', () => {
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestApp({ env: { REDIS_URL: redis.url, USER_QUOTA_PER_MINUTE: '4' } });
    b = await startTestApp({
      databaseUrl: a.config.db.url,
      env: { REDIS_URL: redis.url, USER_QUOTA_PER_MINUTE: '4' },
    });
  }, 30_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  test('a per-user quota holds across two instances', async () => {
    const s = await register(a);
    const statuses: number[] = [];
    for (const instance of [a, b, a, b, a]) {
      statuses.push((await request(instance.url).get('/api/v1/users/me').set(bearer(s))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  test('a login lock made through one instance holds on the other', async () => {
    const s = await register(a);
    for (let i = 0; i < 5; i += 1) {
      const target = i % 2 === 0 ? a : b;
      expect(
        (
          await request(target.url)
            .post('/api/v1/auth/login')
            .send({ email: s.email, password: `nope-${i}-nope` })
        ).status,
      ).toBe(401);
    }
    const locked = await request(b.url)
      .post('/api/v1/auth/login')
      .send({ email: s.email, password: s.password });
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toEqual(expect.any(String));
    // Kept in Redis, not in the PostgreSQL table.
    const rows = await a.orm.em
      .fork()
      .getConnection()
      .execute<unknown[]>('select * from rate_limits');
    expect(rows).toHaveLength(0);
  });

  test('a logout on one instance kills the access token on the other within a second, despite its cache', async () => {
    // A minute of cache on both: only the broadcast can make the other instance notice.
    const cachedA = await startTestApp({
      databaseUrl: a.config.db.url,
      env: { REDIS_URL: redis.url, AUTH_STATE_CACHE_MS: '60000' },
    });
    const cachedB = await startTestApp({
      databaseUrl: a.config.db.url,
      env: { REDIS_URL: redis.url, AUTH_STATE_CACHE_MS: '60000' },
    });
    try {
      const s = await register(cachedA);
      expect((await request(cachedB.url).get('/api/v1/users/me').set(bearer(s))).status).toBe(200); // B caches it
      expect((await request(cachedA.url).post('/api/v1/auth/logout').set(bearer(s))).status).toBe(
        204,
      );
      const started = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - started < 1000) {
        status = (await request(cachedB.url).get('/api/v1/users/me').set(bearer(s))).status;
        if (status === 200) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(401);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await cachedA.close();
      await cachedB.close();
    }
  });

  test('while Redis is down requests are still served (counted per instance)', async () => {
    const s = await login(a, (await register(a)).email);
    await redis.stop();
    const res = await request(a.url).get('/api/v1/users/me').set(bearer(s));
    expect(res.status).toBe(200);
  });
});
