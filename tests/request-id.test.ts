// Every response carries X-Request-Id: the caller's when it is a sane id, a fresh UUID
// otherwise; the same id is in the error body and in every log line of the request.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';

let app: TestApp;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('request id', () => {
  test('is generated as a UUID when the caller sends none', async () => {
    const res = await request(app.url).get('/health');
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  test('ids differ between requests', async () => {
    const [a, b] = await Promise.all([
      request(app.url).get('/health'),
      request(app.url).get('/health'),
    ]);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  test("echoes the caller's sane id", async () => {
    const res = await request(app.url).get('/health').set('X-Request-Id', 'trace-42.abc:1_Z');
    expect(res.headers['x-request-id']).toBe('trace-42.abc:1_Z');
  });

  test.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'a b'],
    ['with markup', '<script>'],
    ['with a newline escape', 'abc%0d%0aSet-Cookie:x'],
  ])('replaces an id %s with a UUID', async (_label, id) => {
    const res = await request(app.url).get('/health').set('X-Request-Id', id);
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  test('is the requestId of an error body', async () => {
    const res = await request(app.url).get('/nope').set('X-Request-Id', 'err-check-1');
    expect(res.status).toBe(404);
    expect(res.body.requestId).toBe('err-check-1');
  });

  test('is on the access-log line, which has method, path, status and duration but no query', async () => {
    await request(app.url).get('/health?token=s3cret').set('X-Request-Id', 'log-check-1');
    const line = app.logs.find(
      (l) => l['requestId'] === 'log-check-1' && l['message'] === 'request',
    );
    expect(line).toEqual(
      expect.objectContaining({
        method: 'GET',
        path: '/health',
        status: 400,
        durationMs: expect.any(Number),
      }),
    );
    expect(JSON.stringify(app.logs)).not.toContain('s3cret');
  });
});
