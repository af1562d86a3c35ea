// Operational endpoints: liveness, readiness, the contract and its offline reference page.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('system endpoints', () => {
  test('GET /health answers 200 and is never cached', async () => {
    const res = await request(app.url).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'success',
      data: { status: 'ok', uptimeSeconds: expect.any(Number) },
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('GET /ready answers 200 when the database answers', async () => {
    const res = await request(app.url).get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'success',
      data: { status: 'ready', checks: { database: 'up' } },
    });
  });

  test('GET /ready answers 503 while draining, and asks clients to close', async () => {
    const draining = await startTestApp({ databaseUrl: app.config.db.url });
    try {
      draining.lifecycle.startDraining();
      const res = await request(draining.url).get('/ready');
      expect(res.status).toBe(503);
      expect(res.body).toEqual(
        expect.objectContaining({
          status: 'error',
          code: 'SERVICE_UNAVAILABLE',
          message: 'This instance is shutting down.',
        }),
      );
      expect(res.headers['connection']).toBe('close');
      expect(res.headers['retry-after']).toBe('5');
      // Liveness is unaffected: the process is fine, it is just leaving.
      expect((await request(draining.url).get('/health')).status).toBe(200);
    } finally {
      await draining.close();
    }
  });

  test('GET /openapi.json serves the bundled contract', async () => {
    const res = await request(app.url).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(readFileSync('generated/openapi.json', 'utf8')));
  });

  test('GET /openapi.yaml serves the bundled contract as YAML', async () => {
    const res = await request(app.url).get('/openapi.yaml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/yaml/);
    expect(res.text).toBe(readFileSync('generated/openapi.yaml', 'utf8'));
  });

  test('GET /docs serves the offline reference page with a hash-pinned CSP', async () => {
    const res = await request(app.url).get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('Contract-first Monolith API');
    // Nothing is loaded from elsewhere: no external script or stylesheet.
    expect(res.text).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(res.text).not.toMatch(/<link[^>]+href=["']https?:/);
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("'unsafe-eval'");
  });
});
