// Security headers, CORS from the allowlist, and HTTPS enforcement behind a proxy.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { helmetOptions, securityHeaders } from '../src/middleware/security.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';

let app: TestApp;
const ALLOWED = 'https://shop.example.com';

beforeAll(async () => {
  app = await startTestApp({ env: { CORS_ORIGINS: `${ALLOWED}, https://admin.example.com` } });
});
afterAll(() => app.close());

describe('security headers', () => {
  test('API responses forbid everything a browser could load or frame', async () => {
    const res = await request(app.url).get('/health');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers).not.toHaveProperty('x-powered-by');
    // HSTS only where TLS is real (production).
    expect(res.headers).not.toHaveProperty('strict-transport-security');
  });

  // securityHeaders replays what helmet set once at start-up (security.ts): the same headers as
  // helmet's own middleware with the same options, removals included (Express's X-Powered-By).
  test.each(['development', 'production'] as const)(
    "are helmet's own headers for the app's options (%s)",
    async (env) => {
      const config = { ...app.config, env };
      const answer = async (middleware: express.RequestHandler) => {
        const plain = express().use(middleware, (_req, res) => void res.json({}));
        const { headers } = await request(plain).get('/');
        return { ...headers, date: undefined };
      };
      const replayed = await answer(securityHeaders(config));
      expect(replayed).toEqual(await answer(helmet(helmetOptions(config))));
      expect(replayed).not.toHaveProperty('x-powered-by');
      expect(Object.keys(replayed).length).toBeGreaterThan(10);
    },
  );

  test('error responses carry the same headers', async () => {
    const res = await request(app.url).get('/nope');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('CORS', () => {
  test('an allowed origin is echoed, with credentials and exposed headers', async () => {
    const res = await request(app.url).get('/health').set('Origin', ALLOWED);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-expose-headers']).toContain('X-Request-Id');
    expect(res.headers['vary']).toContain('Origin');
  });

  test('any other origin gets no CORS headers', async () => {
    const res = await request(app.url).get('/health').set('Origin', 'https://evil.example.net');
    expect(res.status).toBe(200);
    expect(res.headers).not.toHaveProperty('access-control-allow-origin');
  });

  test('every answer says Vary: Origin, with an allowed Origin, another one or none, and on errors', async () => {
    // Otherwise a public list cached from a plain tab (no CORS headers) is served to the SPA.
    const answers = await Promise.all([
      request(app.url).get('/api/v1/products'),
      request(app.url).get('/api/v1/products').set('Origin', 'https://evil.example.net'),
      request(app.url).get('/api/v1/products').set('Origin', ALLOWED),
      request(app.url).get('/api/v1/products?limit=1000'),
      request(app.url)
        .options('/api/v1/products')
        .set('Origin', ALLOWED)
        .set('Access-Control-Request-Method', 'GET'),
    ]);
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 400, 204]);
    expect(answers[0]?.headers['cache-control']).toContain('public');
    for (const res of answers) expect(res.headers['vary']).toMatch(/(^|, *)Origin(,|$)/i);
  });

  test('a page can read Idempotent-Replayed (a replayed checkout) among the exposed headers', async () => {
    const res = await request(app.url).get('/health').set('Origin', ALLOWED);
    const exposed = (res.headers['access-control-expose-headers'] ?? '').split(/, */);
    expect(exposed).toEqual(expect.arrayContaining(['Idempotent-Replayed', 'ETag', 'Retry-After']));
  });

  test('a preflight from an allowed origin is answered 204 with the allowed methods and headers', async () => {
    const res = await request(app.url)
      .options('/api/v1/anything')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']).toContain('Authorization');
  });

  test('a preflight from another origin is not allowed', async () => {
    const res = await request(app.url)
      .options('/api/v1/anything')
      .set('Origin', 'https://evil.example.net')
      .set('Access-Control-Request-Method', 'POST');
    expect(res.headers).not.toHaveProperty('access-control-allow-origin');
  });
});

describe('production behind a TLS-terminating proxy', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await startTestApp({
      env: { NODE_ENV: 'production', TRUST_PROXY: '1' },
      databaseUrl: app.config.db.url,
    });
  });
  afterAll(() => prod.close());

  test('HTTPS requests are served with HSTS', async () => {
    const res = await request(prod.url).get('/openapi.json').set('X-Forwarded-Proto', 'https');
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  test('plain-HTTP reads are redirected to HTTPS', async () => {
    const res = await request(prod.url)
      .get('/openapi.json?x=1')
      .set('X-Forwarded-Proto', 'http')
      .set('Host', 'api.example.com')
      .redirects(0);
    expect(res.status).toBe(308);
    expect(res.headers['location']).toBe('https://api.example.com/openapi.json?x=1');
  });

  test('plain-HTTP writes are refused in the envelope, not redirected', async () => {
    const res = await request(prod.url)
      .post('/api/v1/anything')
      .set('X-Forwarded-Proto', 'http')
      .send({ a: 1 });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(expect.objectContaining({ status: 'error', code: 'FORBIDDEN' }));
  });

  test('probes and the metrics scrape stay reachable over plain HTTP', async () => {
    expect((await request(prod.url).get('/health')).status).toBe(200);
    expect((await request(prod.url).get('/ready')).status).toBe(200);
    const metrics = await request(prod.url).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('http_request_duration_seconds');
  });

  test('the client IP comes from X-Forwarded-For through one trusted hop', async () => {
    await request(prod.url)
      .get('/health')
      .set('X-Forwarded-For', '203.0.113.9, 198.51.100.7')
      .set('X-Request-Id', 'ip-check-1');
    const line = prod.logs.find(
      (l) => l['requestId'] === 'ip-check-1' && l['message'] === 'request',
    );
    expect(line?.['ip']).toBe('198.51.100.7');
  });
});
