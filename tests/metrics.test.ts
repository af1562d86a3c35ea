// GET /metrics: Prometheus text with request timings labelled by the contract's route template,
// the pool, the queue backlog and rate-limit rejections; off or behind a token by configuration.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { API_RATE_LIMIT_PER_MINUTE: '2' } });
});
afterAll(() => app.close());

describe('metrics', () => {
  test('request timings carry the route template, not the raw path; pool, queue and limits are there', async () => {
    await request(app.url).get('/api/v1/products/3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b');
    await request(app.url).get('/api/v1/products');
    await request(app.url).get('/api/v1/products'); // over the per-IP quota of 2
    const res = await request(app.url).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/products\/\{id\}",status="404"\} 1/,
    );
    expect(res.text).not.toContain('3f1c2a4e');
    expect(res.text).toMatch(/rate_limit_rejections_total\{limiter="api-ip"\} 1/);
    expect(res.text).toMatch(/db_pool_connections\{state="total"\} \d+/);
    expect(res.text).toContain('job_queue_backlog');
    expect(res.text).toContain('nodejs_eventloop_lag_seconds');
  });

  test("a scrape never walks Node's private handle lists (they abort the process on a dying handle)", async () => {
    // prom-client's default handle/request gauges call these; Node's native assertion in them
    // killed a CI worker with SIGABRT. Here they throw, so a collector that calls them fails the
    // scrape with 500.
    const proc = process as unknown as Record<string, unknown>;
    const saved = [proc['_getActiveHandles'], proc['_getActiveRequests']];
    const refuse = () => {
      throw new Error('a metrics collector walked the private handle list');
    };
    proc['_getActiveHandles'] = refuse;
    proc['_getActiveRequests'] = refuse;
    try {
      const res = await request(app.url).get('/metrics');
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/^nodejs_active_resources_total \d+$/m);
      expect(res.text).not.toMatch(/^nodejs_active_(handles|requests)/m);
    } finally {
      [proc['_getActiveHandles'], proc['_getActiveRequests']] = saved;
    }
  });

  test('with METRICS_TOKEN it needs the bearer token; with METRICS_ENABLED=false it is 404', async () => {
    const token = 'metrics-token-0123456789';
    const guarded = await startTestApp({
      databaseUrl: app.config.db.url,
      env: { METRICS_TOKEN: token },
    });
    const off = await startTestApp({
      databaseUrl: app.config.db.url,
      env: { METRICS_ENABLED: 'false' },
    });
    try {
      expect((await request(guarded.url).get('/metrics')).status).toBe(401);
      expect(
        (
          await request(guarded.url)
            .get('/metrics')
            .set('Authorization', 'Bearer wrong-token-0123456789')
        ).status,
      ).toBe(401);
      expect(
        (await request(guarded.url).get('/metrics').set('Authorization', `Bearer ${token}`)).status,
      ).toBe(200);
      const res = await request(off.url).get('/metrics');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    } finally {
      await guarded.close();
      await off.close();
    }
  });
});
