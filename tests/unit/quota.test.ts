// The quota arithmetic of the edge (middleware/rate-limit.ts over rate-limiter-flexible): the
// RateLimit-* headers count down, the request past the limit gets 429 RATE_LIMITED in the
// envelope with Retry-After, requests without a key are not counted, and a failing store lets
// requests through. A real Express app on loopback (supertest), process memory as the store: no database.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import express from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import request from 'supertest';
import { errorHandler } from '../../src/middleware/error-handler.ts';
import { quota } from '../../src/middleware/rate-limit.ts';
import { capturedLogger } from './helpers.ts';

const { logger, lines } = capturedLogger();
// A Redis client that never connected: every command fails at once (no offline queue).
const deadRedis = new Redis({ lazyConnect: true, enableOfflineQueue: false, port: 1 });
let server: Server;
let url: string;
let limited = 0;

beforeAll(async () => {
  const app = express();
  const key = (req: express.Request) => req.get('x-key');
  app.use(
    '/memory',
    quota({
      limiter: new RateLimiterMemory({ keyPrefix: 'unit', points: 3, duration: 60 }),
      limit: 3,
      key,
      logger,
      onLimited: () => (limited += 1),
    }),
  );
  app.use(
    '/broken',
    quota({
      limiter: new RateLimiterRedis({ storeClient: deadRedis, points: 1, duration: 60 }),
      limit: 1,
      key,
      logger,
    }),
  );
  app.use((_req, res) => res.json({ ok: true }));
  app.use(errorHandler({ logger, env: 'test', bodyLimit: '100kb' }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  deadRedis.disconnect();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, key?: string) =>
  key ? request(url).get(path).set('x-key', key) : request(url).get(path);

describe('a quota of 3 a minute', () => {
  test('counts down, then refuses with 429 and when to come back', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await get('/memory', 'alice');
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-limit']).toBe('3');
      remaining.push(String(res.headers['ratelimit-remaining']));
      const reset = Number(res.headers['ratelimit-reset']);
      expect(reset).toBeGreaterThan(0);
      expect(reset).toBeLessThanOrEqual(60);
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await get('/memory', 'alice');
    expect(refused.status).toBe(429);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ status: 'error', code: 'RATE_LIMITED' });
    expect(limited).toBe(1);
  });

  test('each key counts on its own; a request without a key is not counted', async () => {
    expect((await get('/memory', 'bob')).headers['ratelimit-remaining']).toBe('2');
    for (let i = 0; i < 5; i++) {
      const res = await get('/memory');
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  test('a store that fails lets the request through and says so in the log', async () => {
    const res = await get('/broken', 'carol');
    expect(res.status).toBe(200);
    expect(res.headers['ratelimit-limit']).toBeUndefined();
    expect(lines.map((l) => l['message'])).toContain('quota store failed; request allowed');
  });
});
