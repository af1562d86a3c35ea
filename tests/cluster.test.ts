// Three API instances behind nginx with Redis and one PostgreSQL (scripts/cluster.ts): a quota
// holds across instances, a logout on one instance ends the token on another within a second,
// and stopping an instance under load (SIGTERM) loses no request. Skipped, with a note, where
// nginx or redis-server is not installed (`.ci/run` installs both).
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startCluster, type Cluster } from '../scripts/cluster.ts';
import { STRONG_PASSWORD, uniqueEmail } from './helpers/auth.ts';

const has = (bin: string) => spawnSync(bin, ['-v'], { stdio: 'ignore' }).status === 0;
const available = has('nginx') && has('redis-server');
if (!available)
  console.warn(
    'nginx or redis-server is missing: the cluster tests are skipped (`.ci/run` installs both).',
  );

(available ? describe : describe.skip)('three instances behind nginx', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({
      instances: 3,
      env: {
        USER_QUOTA_PER_MINUTE: '6',
        API_RATE_LIMIT_PER_MINUTE: '1000000',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      },
    });
  }, 90_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  async function signUp(base: string) {
    const res = await request(base)
      .post('/api/v1/auth/register')
      .send({ email: uniqueEmail('cluster'), password: STRONG_PASSWORD, name: 'Cluster' });
    expect(res.status).toBe(201);
    return `Bearer ${res.body.data.accessToken as string}`;
  }

  test('a per-user quota holds across the instances behind the balancer', async () => {
    const token = await signUp(cluster.url);
    const before = cluster.instances.map(
      (i) => i.lines.filter((l) => l.includes('"path":"/api/v1/users/me"')).length,
    );
    const statuses: number[] = [];
    for (let n = 0; n < 7; n += 1)
      statuses.push(
        (await request(cluster.url).get('/api/v1/users/me').set('Authorization', token)).status,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    const served = cluster.instances.map(
      (i, k) =>
        i.lines.filter((l) => l.includes('"path":"/api/v1/users/me"')).length - (before[k] ?? 0),
    );
    expect(served.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
  });

  test('a logout on one instance ends the access token on another within a second', async () => {
    const [a, b] = cluster.instances.map((i) => `http://127.0.0.1:${i.port}`);
    const token = await signUp(a ?? '');
    expect(
      (
        await request(b ?? '')
          .get('/api/v1/auth/sessions')
          .set('Authorization', token)
      ).status,
    ).toBe(200);
    expect(
      (
        await request(a ?? '')
          .post('/api/v1/auth/logout')
          .set('Authorization', token)
      ).status,
    ).toBe(204);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 1000) {
      status = (
        await request(b ?? '')
          .get('/api/v1/auth/sessions')
          .set('Authorization', token)
      ).status;
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('stopping one instance under load (SIGTERM) loses no request', async () => {
    const victim = cluster.instances[2];
    if (!victim) throw new Error('no third instance');
    const results: (number | string)[] = [];
    const until = Date.now() + 3000;
    const client = async () => {
      while (Date.now() < until) {
        const res = await fetch(`${cluster.url}/api/v1/products?limit=5`).then(
          (r) => r.status,
          (e: unknown) => String(e),
        );
        results.push(res);
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, client));
    await sleep(1000);
    victim.child.kill('SIGTERM');
    await load;
    expect(await victim.exited).toBe(0);
    expect(results.length).toBeGreaterThan(100);
    expect(results.filter((r) => r !== 200)).toEqual([]);
  }, 30_000);
});
