// Operational endpoints: liveness, readiness, the contract and its offline reference page.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';

let app: TestApp;

/** A GET or HEAD with exactly these headers, the body as raw bytes (no client decompressing it). */
function raw(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, app.url), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const DOCUMENTS = [
  ['/openapi.json', 'generated/openapi.json'],
  ['/openapi.yaml', 'generated/openapi.yaml'],
  ['/docs', 'generated/docs.html'],
] as const;

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

  describe.each(DOCUMENTS)('GET %s and content coding', (path, file) => {
    const document = readFileSync(file);

    test('gzip-compressed for a client that accepts gzip (as browsers ask)', async () => {
      const res = await raw(path, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(res.body.length).toBeLessThan(document.length / 3);
      expect(gunzipSync(res.body).equals(document)).toBe(true);
      // Both what the answer depends on: the encoding, and the CORS Origin (security.ts).
      const vary = (res.headers['vary'] ?? '').split(/\s*,\s*/);
      expect(vary).toEqual(expect.arrayContaining(['Accept-Encoding', 'Origin']));
      expect(res.headers['cache-control']).toBe('public, max-age=300');
    });

    test.each([
      ['no Accept-Encoding', {}],
      ['gzip refused (q=0)', { 'Accept-Encoding': 'gzip;q=0, identity' }],
      ['only codings the server does not make', { 'Accept-Encoding': 'br, zstd' }],
    ])('as it is with %s', async (_case, headers: Record<string, string>) => {
      const res = await raw(path, headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.equals(document)).toBe(true);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    });

    test('HEAD says the compressed length and sends no body', async () => {
      const get = await raw(path, { 'Accept-Encoding': '*' });
      const head = await raw(path, { 'Accept-Encoding': '*' }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers['content-encoding']).toBe('gzip');
      expect(head.headers['content-length']).toBe(get.headers['content-length']);
      expect(head.body.length).toBe(0);
    });
  });
});
